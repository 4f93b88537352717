// Real HTTP on 127.0.0.1 against a small node:http server: uploads, keep-alive and pagination end
// to end through the default Node transport (no nock in this file, so sockets are real).
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createUndiciTransport } from '@maxclient/core/undici'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { MaxClient } from '../src/index.js'

interface Upload {
  path: string
  contentType: string
  fields: Record<string, { text?: string; bytes?: number[]; filename?: string; type?: string }>
}

const ITEMS = Array.from({ length: 25 }, (_, i) => ({ id: (1000 - i).toString(16).padStart(24, '0'), n: i }))

let server: Server
let url: string
let connections = 0
const uploads: Upload[] = []
const pageQueries: string[] = []

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

async function parseMultipart(contentType: string, body: Buffer): Promise<Upload['fields']> {
  // undici's Request parses multipart/form-data, so the test needs no parser of its own.
  const form = await new Request('http://127.0.0.1/', {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: new Uint8Array(body),
  }).formData()
  const fields: Upload['fields'] = {}
  for (const [name, value] of form.entries()) {
    fields[name] =
      typeof value === 'string'
        ? { text: value }
        : { bytes: [...new Uint8Array(await value.arrayBuffer())], filename: value.name, type: value.type }
  }
  return fields
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const target = new URL(req.url ?? '/', 'http://127.0.0.1')
    const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers })
      res.end(JSON.stringify(body))
    }
    if (req.headers['x-oauth-token'] !== 'local-token') return send(401, { error: 'InvalidOAuthToken' })
    const body = await readBody(req)
    if (req.method === 'POST' && target.pathname.match(/^\/people\/messi\/(activities|avatar)$/)) {
      const contentType = req.headers['content-type'] ?? ''
      uploads.push({ path: target.pathname, contentType, fields: await parseMultipart(contentType, body) })
      return send(201, target.pathname.endsWith('avatar') ? { Image: 'updated' } : { id: ITEMS[0]!.id })
    }
    if (req.method === 'GET' && target.pathname === '/people/messi/timeline') {
      pageQueries.push(target.search)
      const limit = Number(target.searchParams.get('limit') ?? '10')
      const before = target.searchParams.get('before')
      const start = before === null ? 0 : ITEMS.findIndex((item) => item.id === before) + 1
      const page = ITEMS.slice(start, start + limit)
      const remaining: Record<string, string> =
        start + limit < ITEMS.length ? { 'X-Has-Remaining-Items': '1' } : {}
      return send(200, page, remaining)
    }
    if (req.method === 'GET' && target.pathname === '/people/messi') return send(200, { username: 'messi' })
    send(404, { error: 'ObjectNotFound' })
  })
  server.on('connection', () => {
    connections++
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

beforeEach(() => {
  uploads.length = 0
  pageQueries.length = 0
})

const newClient = () =>
  new MaxClient(url, { actor: 'messi', token: 'local-token', oauthServer: `${url}/oauth` })

describe('over real HTTP on 127.0.0.1', () => {
  test('a multipart upload carries the file bytes and json_data', async () => {
    const client = newClient()
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x10])
    await client.people[':me']!.activities.post({
      object_content: 'A picture',
      object_objectType: 'image',
      upload_file: new Blob([bytes], { type: 'image/png' }),
    })
    await client.people[':me']!.avatar.post({
      upload_file: new Blob([bytes.slice(0, 3)], { type: 'image/png' }),
    })

    expect(uploads).toHaveLength(2)
    const [activity, avatar] = uploads
    expect(activity!.contentType).toMatch(/^multipart\/form-data; boundary=/)
    expect(JSON.parse(activity!.fields.json_data!.text!)).toEqual({
      object: { objectType: 'image', content: 'A picture' },
    })
    expect(activity!.fields.file).toMatchObject({ bytes: [...bytes], type: 'image/png' })
    expect(avatar!.fields.file).toMatchObject({ bytes: [0x89, 0x50, 0x4e] })
  })

  test('a file stream uploads its bytes under its own name (FormData takes no streams on Node 24)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'maxrest-')), 'report.csv')
    writeFileSync(path, 'a,b\n1,2\n')
    await newClient().people[':me']!.activities.post({
      object_content: 'A report',
      upload_file: { data: createReadStream(path), type: 'text/csv' },
    })
    expect(uploads).toHaveLength(1)
    expect(JSON.parse(uploads[0]!.fields.json_data!.text!)).toMatchObject({ object: { content: 'A report' } })
    expect(uploads[0]!.fields.file).toEqual({
      bytes: [...Buffer.from('a,b\n1,2\n')],
      filename: 'report.csv',
      type: 'text/csv',
    })
  })

  test('sequential calls reuse one keep-alive socket', async () => {
    const client = newClient()
    await client.people['messi']!.get() // opens (or reuses) the pooled connection
    const before = connections
    for (let i = 0; i < 5; i++) expect(await client.people[':me']!.get()).toEqual({ username: 'messi' })
    expect(connections).toBe(before)
  })

  test('pagination reads every page end to end', async () => {
    const client = newClient()
    const seen: string[] = []
    for await (const item of client.people[':me']!.timeline.iterate(undefined, { pageSize: 10 }))
      seen.push(item.id)
    expect(seen).toEqual(ITEMS.map((item) => item.id))
    expect(pageQueries).toEqual([
      '?limit=10',
      `?limit=10&before=${ITEMS[9]!.id}`,
      `?limit=10&before=${ITEMS[19]!.id}`,
    ])
    const capped = await client.people[':me']!.timeline.all(undefined, { pageSize: 10, max: 12 })
    expect(capped).toHaveLength(12)
  })
})

describe('over the optional undici transport (@maxclient/core/undici)', () => {
  test('gets, uploads and pages end to end', async () => {
    const transport = createUndiciTransport()
    try {
      const client = new MaxClient(url, { actor: 'messi', token: 'local-token', transport })
      expect(await client.people['messi']!.get()).toEqual({ username: 'messi' })
      await client.people[':me']!.activities.post({
        object_content: 'A picture',
        upload_file: new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }),
      })
      expect(uploads[0]!.fields.file).toMatchObject({ bytes: [1, 2, 3], type: 'image/png' })
      const seen: string[] = []
      for await (const item of client.people[':me']!.timeline.iterate(undefined, { pageSize: 10 }))
        seen.push(item.id)
      expect(seen).toEqual(ITEMS.map((item) => item.id))
    } finally {
      await transport.close()
    }
  })
})

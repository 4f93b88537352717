import { describe, expect, it } from 'vitest'
import {
  createFetchTransport,
  createNodeTransport,
  MAX_UPLOAD_SIZE,
  MaxCore,
  MultipartBody,
  type MultipartPart,
  TimeoutError,
  type Transport,
  UsageError,
} from '../src/index.node.js'
import { createUndiciTransport } from '../src/undici.js'
import { failure } from './helpers.js'
import { type Received, useLocalServers } from './local-server.js'

// Real sockets on 127.0.0.1 only.
const serve = useLocalServers()

/** A web stream giving `chunks` one by one, as a file read in pieces would. */
function streamOf(...chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.shift()
      if (next === undefined) controller.close()
      else controller.enqueue(typeof next === 'string' ? encoder.encode(next) : next)
    },
  })
}

/** The parts as a multipart parser (undici's) reads them. */
async function parse(contentType: string, body: Uint8Array) {
  const form = await new Response(body as Uint8Array<ArrayBuffer>, {
    headers: { 'content-type': contentType },
  }).formData()
  const parts: unknown[] = []
  for (const [name, value] of form) {
    parts.push(
      typeof value === 'string'
        ? { name, value }
        : {
            name,
            filename: value.name,
            type: value.type,
            bytes: [...new Uint8Array(await value.arrayBuffer())],
          },
    )
  }
  return parts
}

const upload = (): MultipartPart[] => [
  { name: 'json_data', data: '{"object":{"objectType":"image"}}' },
  {
    name: 'file',
    filename: 'pic.png',
    type: 'image/png',
    data: streamOf(new Uint8Array([137, 80]), new Uint8Array([78, 71, 0, 255])),
  },
  { name: 'notes', filename: 'notes.txt', data: new Blob(['hello'], { type: 'text/plain' }) },
  { name: 'raw', filename: 'raw.bin', data: new Uint8Array([1, 2, 3]) },
]

const parsedUpload = [
  { name: 'json_data', value: '{"object":{"objectType":"image"}}' },
  { name: 'file', filename: 'pic.png', type: 'image/png', bytes: [137, 80, 78, 71, 0, 255] },
  { name: 'notes', filename: 'notes.txt', type: 'text/plain', bytes: [...new TextEncoder().encode('hello')] },
  { name: 'raw', filename: 'raw.bin', type: 'application/octet-stream', bytes: [1, 2, 3] },
]

const transports: [string, () => Transport][] = [
  ['node', () => createNodeTransport()],
  ['fetch', () => createFetchTransport()],
  ['undici', () => createUndiciTransport()],
]

describe('MultipartBody through each transport to a server on 127.0.0.1', () => {
  it.each(transports)('the %s transport sends every part, streams read once', async (_name, transport) => {
    let received: Received | undefined
    const server = await serve((req, res) => {
      received = req
      res.writeHead(201, { 'content-type': 'application/json' })
      res.end('{"id":"a1"}')
    })
    const body = new MultipartBody(upload())
    const max = new MaxCore(server.url, { token: 'tok-1234', actor: 'ann', transport: transport() })
    const response = await max.request({ method: 'POST', path: '/people/ann/activities', body })
    expect(response).toEqual({ id: 'a1' })
    expect(received?.headers['content-type']).toBe(body.contentType)
    expect(Number(received?.headers['content-length'])).toBe(received?.body.length)
    expect(await parse(body.contentType, new Uint8Array(received!.body))).toEqual(parsedUpload)
    // The stream is gone: sending the same body again is refused before anything goes out.
    const again = await failure(max.request({ method: 'POST', path: '/people/ann/activities', body }))
    expect(again).toBeInstanceOf(UsageError)
    expect((again as Error).message).toMatch(/can be sent only once/)
  })

  it.each(transports)('the %s transport times out on a stream that stalls', async (_name, transport) => {
    const server = await serve((_req, res) => res.end())
    const stalled = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}) })
    const max = new MaxCore(server.url, { transport: transport(), retry: false })
    const body = new MultipartBody([{ name: 'file', filename: 'f', data: stalled }])
    const error = await failure(max.send({ method: 'POST', path: '/up', auth: false, body, timeout: 50 }))
    expect(error).toBeInstanceOf(TimeoutError)
  })
})

describe('MultipartBody encoding', () => {
  const decode = async (body: MultipartBody) => new TextDecoder().decode(await body.bytes())

  it('encodes RFC 7578 parts with CRLF, escaped names and a boundary absent from the text', async () => {
    const body = new MultipartBody([
      { name: 'a"b\r\nc', data: 'text é' },
      { name: 'f', filename: 'my "file"\n.txt', data: new Uint8Array([65]) },
    ])
    const boundary = body.contentType.replace('multipart/form-data; boundary=', '')
    expect(boundary).toMatch(/^[\w-]{27,70}$/)
    expect(await decode(body)).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="a%22b%0D%0Ac"\r\n\r\ntext é\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="my %22file%22%0A.txt"\r\n` +
        `Content-Type: application/octet-stream\r\n\r\nA\r\n--${boundary}--\r\n`,
    )
    expect(new MultipartBody([{ name: 'x', data: 'y' }]).contentType).not.toBe(body.contentType)
  })

  it('can re-read a body without streams', async () => {
    const body = new MultipartBody([{ name: 'f', filename: 'a', data: new Blob(['abc']) }])
    expect(await decode(body)).toBe(await decode(body))
  })

  it('refuses bad parts with a UsageError naming the part', () => {
    expect(() => new MultipartBody([])).toThrow(UsageError)
    expect(() => new MultipartBody([{ name: 'f', data: 42 as never }])).toThrow(/part 0 \(f\): data must be/)
    expect(() => new MultipartBody([{ name: 'f', type: 'a\r\nx: y', data: '' }])).toThrow(
      /without line breaks/,
    )
    expect(() => new MultipartBody([{ name: 3 as never, data: '' }])).toThrow(/name must be a string/)
  })

  it('refuses a stream chunk that is not bytes', async () => {
    const body = new MultipartBody([{ name: 'f', data: streamOf('ok', 'x' as never) }])
    const bad = new MultipartBody([
      { name: 'f', data: new ReadableStream({ start: (c) => c.enqueue('text' as never) }) },
    ])
    expect(await decode(body)).toContain('okx')
    await expect(bad.bytes()).rejects.toThrow(
      /part f gave a string chunk; a stream part must give Uint8Array/,
    )
  })

  it(`stops reading past MAX_UPLOAD_SIZE (${MAX_UPLOAD_SIZE} bytes) and cancels the stream`, async () => {
    const mib = new Uint8Array(1024 * 1024)
    let given = 0
    let cancelled = false
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        given++
        controller.enqueue(mib)
      },
      cancel() {
        cancelled = true
      },
    })
    const body = new MultipartBody([{ name: 'file', filename: 'big', data: endless }])
    await expect(body.bytes()).rejects.toThrow(/larger than MAX_UPLOAD_SIZE \(256 MiB\)/)
    expect(cancelled).toBe(true)
    expect(given).toBeLessThanOrEqual(MAX_UPLOAD_SIZE / mib.length + 2)
  })

  it('shows parts in the debug dump without file bytes', async () => {
    const lines: string[] = []
    const seen: unknown[] = []
    const server = await serve((_req, res) => res.end())
    const max = new MaxCore(server.url, {
      token: 'tok-secret-99',
      actor: 'ann',
      transport: createNodeTransport(),
      debug: (line) => lines.push(line),
      hooks: { beforeRequest: (request) => void seen.push(request.body) },
    })
    const body = new MultipartBody([
      { name: 'json_data', data: '{"token":"tok-secret-99"}' },
      { name: 'file', filename: 'pic.png', type: 'image/png', data: streamOf('SECRET-PIXELS') },
      { name: 'raw', filename: 'r.bin', data: new TextEncoder().encode('RAW-BYTES') },
    ])
    await max.send({ method: 'POST', path: '/up', body })
    const dump = lines.join('\n')
    expect(seen).toEqual([body])
    expect(dump).toContain(
      'multipart form: json_data={"token":"[REDACTED]"}; file=<file "pic.png" image/png, stream>; raw=<file "r.bin" application/octet-stream, 9 bytes>',
    )
    expect(dump).not.toContain('SECRET-PIXELS')
    expect(dump).not.toContain('RAW-BYTES')
  })
})

import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningMockServer, startMockServer } from '@maxclient/mock-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isolatedEnv, runCli } from './harness.js'

let server: RunningMockServer
let files: string

beforeAll(async () => {
  server = await startMockServer({
    port: 0,
    host: '127.0.0.1',
    users: { admin: 'pw', alice: 'pw' },
    managers: ['admin'],
  })
  files = mkdtempSync(join(tmpdir(), 'maxcli-api-'))
})
afterAll(() => server.close())

async function api(user: string, args: string[], input?: string) {
  const env = isolatedEnv({ MAX_SERVER: server.url, MAX_USERNAME: user, MAX_TOKEN: server.issueToken(user) })
  return runCli(['api', ...args], env, input)
}

describe('maxcli api', () => {
  it('GETs a path with :me resolved and prints JSON', async () => {
    const result = await api('alice', ['/people/:me'])
    expect(result.code, result.stderr).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ username: 'alice' })
  })

  it('POSTs -f and -F fields with endpoint defaults applied, and --fields picks the output', async () => {
    writeFileSync(join(files, 'note.txt'), 'Text from a file\n')
    const result = await api('alice', [
      'POST',
      '/people/:me/activities',
      '-F',
      `object[content]=@${join(files, 'note.txt')}`,
      '-f',
      'generator=maxcli-test',
      '--fields',
      'object.objectType,object.content,generator',
    ])
    expect(result.code, result.stderr).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual({
      'object.objectType': 'note', // from the endpoint defaults
      'object.content': 'Text from a file',
      generator: 'maxcli-test',
    })
  })

  it('sends --data from stdin as the whole body, and -q as the query', async () => {
    const body = JSON.stringify({ url: 'https://api.example.com/x', displayName: 'From stdin' })
    const created = await api('admin', ['/contexts', '--data', '-'], body)
    expect(created.code, created.stderr).toBe(0)
    expect(JSON.parse(created.stdout)).toMatchObject({ displayName: 'From stdin' })
    const listed = await api('admin', ['/people', '--query', 'username=ali', '--fields', 'username'])
    expect(JSON.parse(listed.stdout)).toEqual([{ username: 'alice' }])
    const notJson = await api('admin', ['/contexts', '--data', '-'], 'displayName=x')
    expect(notJson.code).toBe(2)
    expect(notJson.stderr).toContain('--data must be JSON')
  })

  it('uploads a file as multipart and downloads a PNG back', async () => {
    const bytes = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex')
    const path = join(files, 'avatar.png')
    writeFileSync(path, bytes)
    const uploaded = await api('alice', ['POST', '/people/:me/avatar', '--upload', path])
    expect(uploaded.code, uploaded.stderr).toBe(0)
    const env = isolatedEnv({
      MAX_SERVER: server.url,
      MAX_USERNAME: 'alice',
      MAX_TOKEN: server.issueToken('alice'),
    })
    const downloaded = await runCli(['api', '/people/alice/avatar'], env)
    expect(downloaded.code, downloaded.stderr).toBe(0)
    expect(downloaded.stdoutBytes.subarray(0, 8)).toEqual(bytes.subarray(0, 8)) // a PNG came back
  })

  it('--paginate streams every item across pages, one JSON object per line', async () => {
    const url = 'https://api.example.com/paged'
    expect((await api('admin', ['/contexts', '-f', `url=${url}`])).code).toBe(0)
    // Seed the 25 activities straight over HTTP: only the paging is under test here.
    const path = `/contexts/${encodeURIComponent(url)}/activities`
    const posted = await api('admin', ['POST', path, '-f', 'object[content]=item 0'])
    expect(posted.code, posted.stderr).toBe(0)
    const token = server.issueToken('admin')
    const hash = JSON.parse((await api('admin', [`/contexts/${encodeURIComponent(url)}`])).stdout)
      .hash as string
    for (let i = 1; i < 25; i++) {
      const response = await fetch(`${server.url}/contexts/${hash}/activities`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-oauth-token': token,
          'x-oauth-username': 'admin',
          'x-oauth-scope': 'widgetcli',
        },
        body: JSON.stringify({ object: { objectType: 'note', content: `item ${i}` } }),
      })
      expect(response.status).toBe(201)
    }
    const result = await api('admin', [
      `/contexts/${encodeURIComponent(url)}/activities`,
      '--paginate',
      '--page-size',
      '10',
      '--fields',
      'object.content',
    ])
    expect(result.code, result.stderr).toBe(0)
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line)['object.content'])
    expect(lines).toHaveLength(25)
    expect(new Set(lines).size).toBe(25)
    expect(lines[0]).toBe('item 24') // newest first

    const count = await api('admin', [`/contexts/${encodeURIComponent(url)}/activities`, '--count'])
    expect(count.stdout.trim()).toBe('25')
  })

  it('--paginate follows an oldest-first list (conversation messages) without losing or repeating', async () => {
    const created = await api(
      'admin',
      ['POST', '/conversations', '--data', '-'],
      JSON.stringify({
        contexts: [{ objectType: 'conversation', participants: ['admin', 'alice'] }],
        object: { objectType: 'note', content: 'message 0' },
      }),
    )
    expect(created.code, created.stderr).toBe(0)
    const id = JSON.parse(created.stdout).contexts[0].id as string
    const token = server.issueToken('admin')
    for (let i = 1; i < 25; i++) {
      const response = await fetch(`${server.url}/conversations/${id}/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-oauth-token': token,
          'x-oauth-username': 'admin',
          'x-oauth-scope': 'widgetcli',
        },
        body: JSON.stringify({ object: { objectType: 'note', content: `message ${i}` } }),
      })
      expect(response.status).toBe(201)
    }
    const result = await api('admin', [
      `/conversations/${id}/messages`,
      '--paginate',
      '--page-size',
      '10',
      '--fields',
      'object.content',
    ])
    expect(result.code, result.stderr).toBe(0)
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line)['object.content'])
    expect(new Set(lines).size).toBe(25)
    expect(lines).toHaveLength(25)
  })

  it('suggests the nearest valid paths for an unknown one (exit 2)', async () => {
    const result = await api('alice', ['/people/alice/activites'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Unknown API path /people/alice/activites')
    expect(result.stderr).toContain('/people/alice/activities')
  })

  it('refuses a method the route does not answer, and counts where none exist', async () => {
    const wrong = await api('alice', ['PUT', '/activities'])
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('/activities does not answer PUT')
    const noCount = await api('alice', ['/people/:me', '--count'])
    expect(noCount.code).toBe(2)
    expect(noCount.stderr).toContain('gives no count')
    const paginateNoList = await api('alice', ['/people/:me', '--paginate'])
    expect(paginateNoList.code).toBe(2)
  })

  it('reports an HTTP error with exit code 1 and the MAX error', async () => {
    const result = await api('alice', ['DELETE', '/people/admin'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/Forbidden|403/)
  })

  it('reports a server that is down with exit code 1', async () => {
    const env = isolatedEnv({ MAX_SERVER: 'http://127.0.0.1:9', MAX_USERNAME: 'a', MAX_TOKEN: 't-secret' })
    const result = await runCli(['api', '/people/:me'], env)
    expect(result.code).toBe(1)
    expect(result.stderr).not.toContain('t-secret')
  })
})

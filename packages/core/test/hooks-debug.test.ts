import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { MaxCore, MaxError, type RequestError, UsageError } from '../src/index.node.js'
import { failure } from './helpers.js'

const MAX = 'http://max.test'
const OAUTH = 'http://oauth.test'
const auth = { actor: 'alice', token: 'tok-SECRET-123', retry: false as const }

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())

describe('hooks', () => {
  it('beforeRequest can add headers; afterResponse sees the response and can replace it', async () => {
    const scope = nock(MAX, { reqheaders: { 'x-trace': 'abc' } })
      .get('/x')
      .reply(200, { n: 1 })
    const seen: number[] = []
    const max = new MaxCore(MAX, {
      ...auth,
      hooks: {
        beforeRequest: [
          (request) => {
            request.headers['x-trace'] = 'abc'
          },
        ],
        afterResponse: (response) => {
          seen.push(response.status)
          return { ...response, body: { replaced: true } }
        },
      },
    })
    expect(await max.request({ method: 'GET', path: '/x' })).toEqual({ replaced: true })
    expect(seen).toEqual([200])
    scope.done()
  })

  it('onError sees network and response errors and may replace them', async () => {
    nock(MAX)
      .get('/down')
      .replyWithError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))
    nock(MAX).get('/bad').reply(500, 'oops')
    const seen: string[] = []
    const max = new MaxCore(MAX, {
      ...auth,
      hooks: {
        onError: [
          (error, request) => {
            seen.push(`${request.method} ${request.url} ${(error as RequestError).status}`)
            return undefined
          },
          (error) => new MaxError(`wrapped: ${error.message}`),
        ],
      },
    })
    expect((await failure(max.send({ method: 'GET', path: '/down' }))).message).toMatch(/^wrapped: GET/)
    expect((await failure(max.request({ method: 'GET', path: '/bad' }))).message).toMatch(
      /^wrapped: GET.*500/,
    )
    expect(seen).toEqual([`GET ${MAX}/down 0`, `GET ${MAX}/bad 500`])
  })

  it('hooks run for every attempt and see the attempt number', async () => {
    nock(MAX).get('/x').reply(503).get('/x').reply(200, {})
    const attempts: number[] = []
    const max = new MaxCore(MAX, {
      ...auth,
      retry: { retries: 1, minDelay: 0 },
      hooks: { beforeRequest: (request) => void attempts.push(request.attempt) },
    })
    await max.request({ method: 'GET', path: '/x' })
    expect(attempts).toEqual([0, 1])
  })

  it('rejects unknown hook names and non-functions', () => {
    expect(() => new MaxCore(MAX, { hooks: { before: [] } as never })).toThrow(/unknown hook "before"/)
    expect(() => new MaxCore(MAX, { hooks: { onError: ['x'] } as never })).toThrow(UsageError)
  })
})

describe('debug', () => {
  it('dumps request and response with the token redacted', async () => {
    nock(MAX)
      .post('/people/alice/activities')
      .reply(201, { id: 'a1' }, { 'content-type': 'application/json' })
    const lines: string[] = []
    const max = new MaxCore(MAX, { ...auth, debug: (line) => lines.push(line) })
    await max.request({
      method: 'POST',
      path: '/people/alice/activities',
      body: { object: { content: 'hola' } },
    })
    const dump = lines.join('\n')
    expect(dump).toContain(`> POST ${MAX}/people/alice/activities`)
    expect(dump).toContain('> x-oauth-token: [REDACTED]')
    expect(dump).toContain('> x-oauth-username: alice')
    expect(dump).toContain('"content":"hola"')
    expect(dump).toContain('< HTTP 201')
    expect(dump).toContain('"id":"a1"')
    expect(dump).not.toContain('tok-SECRET-123')
  })

  it('hides the token even where a header name does not say so', async () => {
    nock(MAX).get('/x').query(true).reply(200, { echo: 'tok-SECRET-123' })
    const lines: string[] = []
    const max = new MaxCore(MAX, { ...auth, debug: (line) => lines.push(line) })
    await max.send({
      method: 'GET',
      path: '/x',
      query: 'token=tok-SECRET-123',
      headers: { 'X-Other': 'tok-SECRET-123' },
    })
    expect(lines.join('\n')).not.toContain('tok-SECRET-123')
  })

  it('redacts the password of login and the token in its answer', async () => {
    nock(OAUTH).post('/token').reply(200, { access_token: 'NEW-TOKEN-999', scope: 'widgetcli' })
    const lines: string[] = []
    const max = new MaxCore(MAX, { oauthServer: OAUTH, debug: (line) => lines.push(line) })
    await max.login('alice', 'pa55word!')
    const dump = lines.join('\n')
    expect(dump).toContain('username=alice')
    expect(dump).toContain('password=[REDACTED]')
    expect(dump).toContain('"access_token":"[REDACTED]"')
    expect(dump).not.toContain('pa55word')
    expect(dump).not.toContain('NEW-TOKEN-999')
  })

  it('redacts Authorization of HTTP Basic', async () => {
    nock(MAX).get('/info').reply(200, {})
    const lines: string[] = []
    const max = new MaxCore(MAX, {
      basicAuth: { username: 'proxy', password: 'proxy-pass' },
      debug: (l) => lines.push(l),
    })
    await max.serverInfo()
    const dump = lines.join('\n')
    expect(dump).toContain('> authorization: [REDACTED]')
    expect(dump).not.toContain(btoa('proxy:proxy-pass'))
  })

  it('describes multipart bodies, redacting secrets inside fields, and cuts long bodies', async () => {
    nock(MAX).post('/a').reply(201, 'x'.repeat(10_000), { 'content-type': 'text/plain' })
    const lines: string[] = []
    const max = new MaxCore(MAX, { ...auth, debug: (line) => lines.push(line) })
    const form = new FormData()
    form.set('json_data', JSON.stringify({ password: 'hidden-pw', object: { objectType: 'image' } }))
    form.set('file', new Blob([new Uint8Array(5)], { type: 'image/png' }), 'pic.png')
    await max.send({ method: 'POST', path: '/a', body: form })
    const dump = lines.join('\n')
    expect(dump).toContain('multipart form: json_data=')
    expect(dump).toContain('"password":"[REDACTED]"')
    expect(dump).not.toContain('hidden-pw')
    expect(dump).toContain('file=<file "pic.png" image/png, 5 bytes>')
    expect(dump).toContain('... (10000 characters)')
    expect(dump.length).toBeLessThan(6000)
  })

  it('debug: true writes to console.error', async () => {
    nock(MAX).get('/info').reply(200, {})
    const original = console.error
    const lines: string[] = []
    console.error = (line: string) => void lines.push(line)
    try {
      await new MaxCore(MAX, { debug: true }).serverInfo()
    } finally {
      console.error = original
    }
    expect(lines.join('\n')).toContain(`> GET ${MAX}/info`)
  })

  it('the client object shows no token when logged', async () => {
    const { inspect } = await import('node:util')
    const max = new MaxCore(MAX, auth)
    expect(inspect(max, { depth: 5 })).not.toContain('tok-SECRET-123')
    expect(JSON.stringify(max)).not.toContain('tok-SECRET-123')
  })
})

describe('HTTP Basic, headers and request checks', () => {
  it('sends HTTP Basic to the MAX server when configured', async () => {
    const scope = nock(MAX, {
      reqheaders: { authorization: `Basic ${Buffer.from('proxy:pässword', 'utf8').toString('base64')}` },
    })
      .get('/x')
      .reply(200, {})
    const max = new MaxCore(MAX, { ...auth, basicAuth: { username: 'proxy', password: 'pässword' } })
    await max.request({ method: 'GET', path: '/x' })
    scope.done()
  })

  it('adds the headers option to every request; per-call headers win', async () => {
    const scope = nock(MAX, { reqheaders: { 'x-max-compat-id': 'v2', 'x-app': 'call' } })
      .get('/x')
      .reply(200, {})
    const max = new MaxCore(MAX, { ...auth, headers: { 'X-Max-Compat-ID': 'v2', 'X-App': 'client' } })
    await max.request({ method: 'GET', path: '/x', headers: { 'X-App': 'call' } })
    scope.done()
  })

  it('sends string, bytes and FormData bodies as given', async () => {
    const scope = nock(MAX)
      .post('/a', '{"raw":1}')
      .matchHeader('content-type', 'application/json')
      .reply(200)
      .post('/b')
      .matchHeader('content-type', 'application/octet-stream')
      .reply(200)
      .post('/c', /name="json_data"[\s\S]*\{"a":1\}/)
      .matchHeader('content-type', /^multipart\/form-data; boundary=/)
      .reply(201)
    const max = new MaxCore(MAX, auth)
    await max.send({ method: 'POST', path: '/a', body: '{"raw":1}' })
    await max.send({ method: 'POST', path: '/b', body: new Uint8Array([1, 2, 3]) })
    const form = new FormData()
    form.set('json_data', '{"a":1}')
    form.set('file', new Blob(['img'], { type: 'image/png' }), 'a.png')
    await max.send({ method: 'POST', path: '/c', body: form })
    scope.done()
  })

  it.each([
    [{ method: 'get', path: '/x' }, /method must be one of/],
    [{ method: 'GET', path: 'people' }, /path must start with "\/"/],
    [{ method: 'GET', path: '/x?y=1' }, /use query/],
    [{ method: 'GET', path: '/x', query: '?a=1' }, /without the leading/],
    [{ method: 'GET', path: '/x', body: { a: 1 } }, /cannot carry a body/],
    [{ method: 'GET', path: '/x', headers: { 'bad name': 'x' } }, /not a valid header name/],
    [{ method: 'GET', path: '/x', headers: JSON.parse('{"__proto__": "x"}') }, /header/],
    [{ method: 'GET', path: '/x', headers: { 'x-a': 'v\r\nx-b: 1' } }, /line breaks/],
    [{ method: 'POST', path: '/x', body: { n: 1n } }, /cannot be sent as JSON/],
    [{ method: 'POST', path: '/x', body: () => 1 }, /cannot be sent as JSON/],
  ])('rejects bad request #%# before sending (%s)', async (request, message) => {
    const max = new MaxCore(MAX, auth)
    const error = await failure(max.send(request as never))
    expect(error).toBeInstanceOf(UsageError)
    expect(error.message).toMatch(message)
  })

  it('rejects bad URLs and options', () => {
    expect(() => new MaxCore('max.test')).toThrow(/absolute http\(s\) URL/)
    expect(() => new MaxCore('ftp://max.test')).toThrow(/http: or https:/)
    expect(() => new MaxCore('http://max.test/?a=1')).toThrow(/query or fragment/)
    expect(() => new MaxCore(MAX, { basicAuth: { username: '', password: 'x' } })).toThrow(/basicAuth/)
    expect(() => new MaxCore(MAX, { debug: 'yes' as never })).toThrow(/debug/)
    expect(new MaxCore('https://max.test/sub/').url).toBe('https://max.test/sub')
  })
})

describe('client options', () => {
  it('rejects unknown (misspelt) options, naming the known ones', () => {
    expect(() => new MaxCore(MAX, { tokn: 'x' } as never)).toThrow(/unknown client option "tokn".*token/)
  })
})

// The contract both socket transports (node:http and undici's Pool) keep, run against each on
// real sockets on 127.0.0.1. A test file calls `socketTransportSuite` once per transport.
import type http from 'node:http'
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { MaxCore, RequestError, TimeoutError, type Transport, UsageError } from '../src/index.node.js'
import { failure } from './helpers.js'
import { type LocalServer, localCa, type Received, type startServer } from './local-server.js'

/** The options both factories take. */
export interface SocketOptions {
  maxRedirects?: number
  rejectUnauthorized?: boolean
  ca?: string | Buffer
}

type Serve = (...args: Parameters<typeof startServer>) => Promise<LocalServer>

export const json = (
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: http.OutgoingHttpHeaders = {},
) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

/**
 * @param keptAlive - connections sequential requests may use: node:http reuses its one socket at
 *   once; undici waits an event-loop turn before reusing one (in case the server closes it), so a
 *   request sent right after an answer opens a second.
 */
export function socketTransportSuite(
  name: string,
  create: (options?: SocketOptions) => Transport,
  serve: Serve,
  keptAlive: number,
): void {
  describe(`${name} transport against a real server on 127.0.0.1`, () => {
    it('sends method, headers and body, and answers status, lower-case headers and bytes', async () => {
      let received: Received | undefined
      const server = await serve((req, res) => {
        received = req
        res.setHeader('x-list', ['one', 'two'])
        json(res, 201, { got: JSON.parse(req.body.toString()) }, { 'X-Total': '3' })
      })
      const result = await create()({
        method: 'POST',
        url: `${server.url}/people/ann/activities?x=1`,
        headers: { 'content-type': 'application/json', 'x-oauth-token': 'tok-1234' },
        body: '{"a":1}',
      })
      expect(received?.method).toBe('POST')
      expect(received?.url).toBe('/people/ann/activities?x=1')
      expect(received?.headers['x-oauth-token']).toBe('tok-1234')
      expect(received?.headers['content-length']).toBe('7')
      expect(result.status).toBe(201)
      expect(result.headers['x-total']).toBe('3')
      expect(result.headers['x-list']).toBe('one, two')
      expect(JSON.parse(Buffer.from(result.body).toString())).toEqual({ got: { a: 1 } })
    })

    it('sends the path and query of a URL with no path, with a query or fragment right after the host, or with a fragment', async () => {
      const paths: Array<string | undefined> = []
      const server = await serve((req, res) => {
        paths.push(req.url)
        json(res, 200, {})
      })
      const transport = create()
      // A query after the host may hold a `/`; the first `/` after `//` is then not the path's.
      const urls = ['?next=/people/x&a=1', '', '?q=1', '#/frag/x', '\\people/x', '/people/ann?next=/x']
      // The fragment stays with the client, wherever it is.
      urls.push('/people/ann?x=1#top', '/people/ann#/x?y=2')
      for (const rest of urls) {
        expect((await transport({ method: 'GET', url: `${server.url}${rest}`, headers: {} })).status).toBe(
          200,
        )
      }
      expect(paths).toEqual([
        '/?next=/people/x&a=1',
        '/',
        '/?q=1',
        '/',
        '/people/x',
        '/people/ann?next=/x',
        '/people/ann?x=1',
        '/people/ann',
      ])
    })

    it(`reuses kept-alive connections for sequential requests (${keptAlive} at most)`, async () => {
      const server = await serve((req, res) => json(res, 200, { path: req.url }))
      const max = new MaxCore(server.url, { token: 'tok-1234', actor: 'a', transport: create() })
      for (let i = 0; i < 20; i++) {
        expect(await max.request({ method: 'GET', path: `/n/${i}` })).toEqual({ path: `/n/${i}` })
      }
      expect(await max.request({ method: 'POST', path: '/n', body: { b: 1 } })).toEqual({ path: '/n' })
      expect(server.connections).toBeLessThanOrEqual(keptAlive)
    })

    it('asks for gzip/deflate unless the caller chose, and decodes gzip, deflate and raw deflate', async () => {
      const seen: Array<string | undefined> = []
      const server = await serve((req, res) => {
        seen.push(req.headers['accept-encoding'])
        const body = Buffer.from(JSON.stringify({ encoded: req.url }))
        if (req.url === '/plain') return json(res, 200, { encoded: req.url })
        const encoding = req.url === '/gzip' ? 'gzip' : 'deflate'
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding })
        res.end(
          req.url === '/gzip'
            ? gzipSync(body)
            : req.url === '/raw'
              ? deflateRawSync(body)
              : deflateSync(body),
        )
      })
      const max = new MaxCore(server.url, { transport: create() })
      for (const path of ['/gzip', '/deflate', '/raw']) {
        expect(await max.request({ method: 'GET', path, auth: false })).toEqual({ encoded: path })
      }
      await max.request({
        method: 'GET',
        path: '/plain',
        auth: false,
        headers: { 'Accept-Encoding': 'identity' },
      })
      expect(seen).toEqual(['gzip, deflate', 'gzip, deflate', 'gzip, deflate', 'identity'])
    })

    it('follows redirects: 307 keeps method and body, 303 and a POST 301/302 turn into GET, fragments stay home', async () => {
      const log: string[] = []
      const server = await serve((req, res) => {
        log.push(`${req.method} ${req.url} ${req.body.toString()} ${req.headers['content-type'] ?? '-'}`)
        if (req.url === '/old') return json(res, 307, {}, { location: '/new#part' })
        if (req.url === '/created') return json(res, 303, {}, { location: `${server.url}/see` })
        if (req.url === '/moved') return json(res, 301, {}, { location: '/there' })
        json(res, 200, { at: req.url })
      })
      const max = new MaxCore(server.url, { token: 'tok-1234', actor: 'a', transport: create() })
      expect(await max.request({ method: 'POST', path: '/old', body: { a: 1 } })).toEqual({ at: '/new' })
      expect(await max.request({ method: 'POST', path: '/created', body: { b: 2 } })).toEqual({ at: '/see' })
      expect(await max.request({ method: 'POST', path: '/moved', body: { c: 3 } })).toEqual({ at: '/there' })
      expect(log).toEqual([
        'POST /old {"a":1} application/json',
        'POST /new {"a":1} application/json',
        'POST /created {"b":2} application/json',
        'GET /see  -',
        'POST /moved {"c":3} application/json',
        'GET /there  -',
      ])
    })

    it('stops after maxRedirects, and a redirect loop is final: never retried', async () => {
      let requests = 0
      const server = await serve((_req, res) => {
        requests++
        json(res, 302, {}, { location: '/loop' })
      })
      const max = new MaxCore(server.url, {
        transport: create({ maxRedirects: 3 }),
        retry: { retries: 2, minDelay: 0 },
      })
      const error = await failure(max.send({ method: 'GET', path: '/loop', auth: false }))
      expect(error).toBeInstanceOf(RequestError)
      expect(error.message).toMatch(/too many redirects \(more than 3\)/)
      expect(error.status).toBe(302)
      expect(requests).toBe(4)
    })

    it('drops credentials when a redirect leaves the origin, keeps them within it', async () => {
      let other: Received | undefined
      const target = await serve((req, res) => {
        other = req
        json(res, 200, {})
      })
      const seen: Received[] = []
      const server = await serve((req, res) => {
        seen.push(req)
        if (req.url === '/go') return json(res, 302, {}, { location: '/stay' })
        json(res, 302, {}, { location: `${target.url}/elsewhere` })
      })
      const max = new MaxCore(server.url, {
        token: 'tok-1234',
        actor: 'a',
        basicAuth: { username: 'u', password: 'p' },
        transport: create(),
      })
      await max.request({ method: 'GET', path: '/go' })
      expect(seen[1]?.url).toBe('/stay')
      expect(seen[1]?.headers['x-oauth-token']).toBe('tok-1234')
      expect(other?.url).toBe('/elsewhere')
      for (const header of ['x-oauth-token', 'x-oauth-username', 'x-oauth-scope', 'authorization']) {
        expect(other?.headers[header], header).toBeUndefined()
      }
    })

    it('sends FormData as multipart with its boundary', async () => {
      let received: Received | undefined
      const server = await serve((req, res) => {
        received = req
        json(res, 201, { ok: true })
      })
      const form = new FormData()
      form.set('json_data', JSON.stringify({ object: { objectType: 'image' } }))
      form.set('file', new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }), 'pic.png')
      const max = new MaxCore(server.url, { token: 'tok-1234', actor: 'a', transport: create() })
      await max.request({ method: 'POST', path: '/people/a/activities', body: form })
      const type = String(received?.headers['content-type'])
      expect(type).toMatch(/^multipart\/form-data; boundary=/)
      const text = received!.body.toString('latin1')
      expect(text).toContain('name="json_data"')
      expect(text).toContain('{"object":{"objectType":"image"}}')
      expect(text).toContain('filename="pic.png"')
      expect(text).toContain('Content-Type: image/png')
      expect(Number(received?.headers['content-length'])).toBe(received?.body.length)
    })

    it('honours the timeout and the abort signal', async () => {
      const server = await serve(() => {
        // never answers
      })
      const max = new MaxCore(server.url, { transport: create(), retry: false })
      const timeout = await failure(max.send({ method: 'GET', path: '/hang', auth: false, timeout: 30 }))
      expect(timeout).toBeInstanceOf(TimeoutError)
      const controller = new AbortController()
      const pending = max.send({ method: 'GET', path: '/hang', auth: false, signal: controller.signal })
      setTimeout(() => controller.abort(new Error('cancelled by user')), 10)
      expect((await failure(pending)).message).toBe('cancelled by user')
      const early = await failure(
        max.send({ method: 'GET', path: '/x', auth: false, signal: AbortSignal.abort() }),
      )
      expect(early.name).toBe('AbortError')
    })

    it('times out a body that stops half-way', async () => {
      const server = await serve((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' })
        res.write('[1,')
      })
      const max = new MaxCore(server.url, { transport: create(), retry: false })
      const error = await failure(max.send({ method: 'GET', path: '/half', auth: false, timeout: 50 }))
      expect(error).toBeInstanceOf(TimeoutError)
    })

    it('a refused connection is a RequestError with status 0', async () => {
      const server = await serve((_req, res) => json(res, 200, {}))
      const url = server.url
      await server.close()
      const error = await failure(new MaxCore(url, { transport: create(), retry: false }).serverInfo())
      expect(error).toBeInstanceOf(RequestError)
      expect(error.status).toBe(0)
      expect(error.message).toContain('ECONNREFUSED')
    })

    it('rejects bad options', () => {
      expect(() => create({ maxRedirects: -1 })).toThrow(UsageError)
      expect(() => create({ maxRedirects: 101 })).toThrow(/maxRedirects must be an integer from 0 to 100/)
      expect(() => create({ rejectUnauthorized: 'no' as never })).toThrow(/true or false/)
    })
  })

  describe(`${name} transport over TLS`, () => {
    it('verifies certificates by default: a self-signed server is refused', async () => {
      const server = await serve((_req, res) => json(res, 200, {}), true)
      const error = await failure(new MaxCore(server.url, { transport: create(), retry: false }).serverInfo())
      expect(error).toBeInstanceOf(RequestError)
      expect(error.status).toBe(0)
      expect(error.message).toMatch(/self[- ]signed|certificate/i)
    })

    it('accepts the server when its CA is given', async () => {
      const server = await serve((_req, res) => json(res, 200, { tls: true }), true)
      const max = new MaxCore(server.url, { transport: create({ ca: localCa() }) })
      expect(await max.serverInfo()).toEqual({ tls: true })
    })

    it('skips verification only with an explicit rejectUnauthorized: false', async () => {
      const server = await serve((_req, res) => json(res, 200, { insecure: true }), true)
      const max = new MaxCore(server.url, { transport: create({ rejectUnauthorized: false }) })
      expect(await max.serverInfo()).toEqual({ insecure: true })
    })
  })
}

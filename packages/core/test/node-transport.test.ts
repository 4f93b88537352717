import http from 'node:http'
import { deflateSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { createNodeTransport, MaxCore, RequestError, TimeoutError, UsageError } from '../src/index.node.js'
import { failure } from './helpers.js'
import { localCa, type Received, useLocalServers } from './local-server.js'

// Real sockets on 127.0.0.1 only.
const serve = useLocalServers()

const json = (
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: http.OutgoingHttpHeaders = {},
) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

describe('node transport against a real server on 127.0.0.1', () => {
  it('reuses one keep-alive connection for sequential requests', async () => {
    const server = await serve((req, res) => json(res, 200, { path: req.url }))
    const max = new MaxCore(server.url, { token: 'tok-1234', actor: 'a', transport: createNodeTransport() })
    for (let i = 0; i < 5; i++) {
      expect(await max.request({ method: 'GET', path: `/n/${i}` })).toEqual({ path: `/n/${i}` })
    }
    expect(server.connections).toBe(1)
  })

  it('the fetch transport reuses connections too', async () => {
    const server = await serve((req, res) => json(res, 200, { path: req.url }))
    const max = new MaxCore(server.url, { fetch: globalThis.fetch })
    for (let i = 0; i < 10; i++) await max.request({ method: 'GET', path: `/f/${i}`, auth: false })
    // undici may open a second socket while the first is being returned to its pool.
    expect(server.connections).toBeLessThan(5)
  })

  it('clients without a transport share the default keep-alive pool', async () => {
    const server = await serve((_req, res) => json(res, 200, {}))
    const a = new MaxCore(server.url)
    const b = new MaxCore(server.url)
    await a.serverInfo()
    await b.serverInfo()
    expect(server.connections).toBe(1)
  })

  it('asks for gzip/deflate and decodes both', async () => {
    const seen: Array<string | undefined> = []
    const server = await serve((req, res) => {
      seen.push(req.headers['accept-encoding'])
      const body = Buffer.from(JSON.stringify({ encoded: req.url }))
      const gz = req.url === '/gzip'
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': gz ? 'gzip' : 'deflate' })
      res.end(gz ? gzipSync(body) : deflateSync(body))
    })
    const max = new MaxCore(server.url, { transport: createNodeTransport() })
    expect(await max.request({ method: 'GET', path: '/gzip', auth: false })).toEqual({ encoded: '/gzip' })
    expect(await max.request({ method: 'GET', path: '/deflate', auth: false })).toEqual({
      encoded: '/deflate',
    })
    expect(seen).toEqual(['gzip, deflate', 'gzip, deflate'])
  })

  it('follows redirects: 307 keeps method and body, 303 turns into GET', async () => {
    const log: string[] = []
    const server = await serve((req, res) => {
      log.push(`${req.method} ${req.url} ${req.body.toString()}`)
      if (req.url === '/old') return json(res, 307, {}, { location: '/new' })
      if (req.url === '/created') return json(res, 303, {}, { location: `${server.url}/see` })
      json(res, 200, { at: req.url })
    })
    const max = new MaxCore(server.url, { token: 'tok-1234', actor: 'a', transport: createNodeTransport() })
    expect(await max.request({ method: 'POST', path: '/old', body: { a: 1 } })).toEqual({ at: '/new' })
    expect(await max.request({ method: 'POST', path: '/created', body: { b: 2 } })).toEqual({ at: '/see' })
    expect(log).toEqual(['POST /old {"a":1}', 'POST /new {"a":1}', 'POST /created {"b":2}', 'GET /see '])
  })

  it('stops after maxRedirects, and a redirect loop is final: never retried', async () => {
    let requests = 0
    const server = await serve((_req, res) => {
      requests++
      json(res, 302, {}, { location: '/loop' })
    })
    const max = new MaxCore(server.url, {
      transport: createNodeTransport({ maxRedirects: 3 }),
      retry: { retries: 2, minDelay: 0 },
    })
    const error = await failure(max.send({ method: 'GET', path: '/loop', auth: false }))
    expect(error).toBeInstanceOf(RequestError)
    expect(error.message).toMatch(/too many redirects \(more than 3\)/)
    expect(requests).toBe(4)
  })

  it('drops credentials when a redirect leaves the origin', async () => {
    let other: Received | undefined
    const target = await serve((req, res) => {
      other = req
      json(res, 200, {})
    })
    const server = await serve((_req, res) => json(res, 302, {}, { location: `${target.url}/elsewhere` }))
    const max = new MaxCore(server.url, {
      token: 'tok-1234',
      actor: 'a',
      basicAuth: { username: 'u', password: 'p' },
      transport: createNodeTransport(),
    })
    await max.request({ method: 'GET', path: '/go' })
    expect(other?.url).toBe('/elsewhere')
    expect(other?.headers['x-oauth-token']).toBeUndefined()
    expect(other?.headers.authorization).toBeUndefined()
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
    const max = new MaxCore(server.url, { token: 'tok-1234', actor: 'a', transport: createNodeTransport() })
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
    const max = new MaxCore(server.url, { transport: createNodeTransport(), retry: false })
    const timeout = await failure(max.send({ method: 'GET', path: '/hang', auth: false, timeout: 30 }))
    expect(timeout).toBeInstanceOf(TimeoutError)
    const controller = new AbortController()
    const pending = max.send({ method: 'GET', path: '/hang', auth: false, signal: controller.signal })
    setTimeout(() => controller.abort(new Error('cancelled by user')), 10)
    expect((await failure(pending)).message).toBe('cancelled by user')
  })

  it('a refused connection is a RequestError with status 0', async () => {
    const server = await serve((_req, res) => json(res, 200, {}))
    const url = server.url
    await server.close()
    const error = await failure(new MaxCore(url, { retry: false }).serverInfo())
    expect(error).toBeInstanceOf(RequestError)
    expect(error.status).toBe(0)
    expect(error.message).toContain('ECONNREFUSED')
  })

  it('rejects bad options', () => {
    expect(() => createNodeTransport({ maxRedirects: -1 })).toThrow(UsageError)
    expect(() => createNodeTransport({ rejectUnauthorized: 'no' as never })).toThrow(/true or false/)
  })
})

describe('TLS', () => {
  it('verifies certificates by default: a self-signed server is refused', async () => {
    const server = await serve((_req, res) => json(res, 200, {}), true)
    const error = await failure(
      new MaxCore(server.url, { transport: createNodeTransport(), retry: false }).serverInfo(),
    )
    expect(error).toBeInstanceOf(RequestError)
    expect(error.status).toBe(0)
    expect(error.message).toMatch(/self[- ]signed|certificate/i)
  })

  it('accepts the server when its CA is given', async () => {
    const server = await serve((_req, res) => json(res, 200, { tls: true }), true)
    const max = new MaxCore(server.url, { transport: createNodeTransport({ ca: localCa() }) })
    expect(await max.serverInfo()).toEqual({ tls: true })
  })

  it('skips verification only with an explicit rejectUnauthorized: false', async () => {
    const server = await serve((_req, res) => json(res, 200, { insecure: true }), true)
    const max = new MaxCore(server.url, { transport: createNodeTransport({ rejectUnauthorized: false }) })
    expect(await max.serverInfo()).toEqual({ insecure: true })
  })

  it('uses an injected agent (the way to add a proxy or custom TLS)', async () => {
    const server = await serve((_req, res) => json(res, 200, { via: 'agent' }))
    let used = 0
    const agent = new http.Agent({ keepAlive: true })
    const original = agent.createConnection.bind(agent)
    agent.createConnection = ((...args: Parameters<typeof original>) => {
      used++
      return original(...args)
    }) as typeof agent.createConnection
    const max = new MaxCore(server.url, { transport: createNodeTransport({ httpAgent: agent }) })
    expect(await max.serverInfo()).toEqual({ via: 'agent' })
    expect(used).toBe(1)
    agent.destroy()
  })
})

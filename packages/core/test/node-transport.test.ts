import http from 'node:http'
import { describe, expect, it } from 'vitest'
import { createNodeTransport, MaxCore } from '../src/index.node.js'
import { useLocalServers } from './local-server.js'
import { json, socketTransportSuite } from './socket-transport-suite.js'

// Real sockets on 127.0.0.1 only.
const serve = useLocalServers()

socketTransportSuite('node:http', createNodeTransport, serve, 1)

describe('node transport and the default pool', () => {
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

describe('node transport: what the lean request path keeps', () => {
  it('answers headers without a prototype, repeated set-cookie joined', async () => {
    const server = await serve((_req, res) => {
      res.setHeader('set-cookie', ['a=1', 'b=2'])
      json(res, 200, {})
    })
    const response = await createNodeTransport()({ method: 'GET', url: `${server.url}/x`, headers: {} })
    expect(Object.getPrototypeOf(response.headers)).toBeNull()
    expect(response.headers['set-cookie']).toBe('a=1, b=2')
    expect(response.headers.constructor).toBeUndefined()
  })

  it('sends a shared frozen header object as is, asking for compression every time', async () => {
    const seen: unknown[] = []
    const server = await serve((req, res) => {
      seen.push(req.headers['accept-encoding'], req.headers['x-shared'], req.headers['content-length'])
      json(res, 200, {})
    })
    const transport = createNodeTransport()
    const headers = Object.freeze({ 'x-shared': 'yes' })
    await transport({ method: 'GET', url: `${server.url}/a`, headers })
    await transport({ method: 'POST', url: `${server.url}/b`, headers, body: '{"x":1}' })
    expect(seen).toEqual(['gzip, deflate', 'yes', undefined, 'gzip, deflate', 'yes', '7'])
    expect(headers).toEqual({ 'x-shared': 'yes' })
  })

  it('times out each of many concurrent requests, and only those that overrun', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/slow') return
      json(res, 200, {})
    })
    const transport = createNodeTransport()
    const send = (path: string) =>
      transport({ method: 'GET', url: `${server.url}${path}`, headers: {}, timeout: 150 })
    const results = await Promise.allSettled([send('/slow'), send('/fast'), send('/slow'), send('/fast')])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'rejected', 'fulfilled'])
    expect((results[0] as PromiseRejectedResult).reason.name).toBe('TimeoutError')
  })
})

describe('shared header objects stay private to the client', () => {
  it('a custom transport that changes request.headers does not change the next request', async () => {
    const seen: Record<string, string>[] = []
    const max = new MaxCore('http://max.test', {
      actor: 'alice',
      token: 't',
      transport: async (request) => {
        seen.push({ ...request.headers })
        request.headers['x-added'] = 'by transport'
        return { status: 200, headers: {}, body: new Uint8Array() }
      },
    })
    await max.send({ method: 'GET', path: '/a' })
    await max.send({ method: 'GET', path: '/b' })
    expect(seen[1]!['x-added']).toBeUndefined()
  })

  it('a beforeRequest hook may change the headers of its request only', async () => {
    const server = await serve((req, res) => json(res, 200, { hook: req.headers['x-hook'] ?? null }))
    let calls = 0
    const max = new MaxCore(server.url, {
      actor: 'alice',
      token: 't',
      hooks: {
        beforeRequest: [
          (request) => {
            if (calls++ === 0) request.headers['x-hook'] = 'first'
          },
        ],
      },
    })
    expect(await max.request({ method: 'GET', path: '/a' })).toEqual({ hook: 'first' })
    expect(await max.request({ method: 'GET', path: '/b' })).toEqual({ hook: null })
  })
})

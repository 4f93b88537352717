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

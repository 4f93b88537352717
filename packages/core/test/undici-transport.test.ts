import { afterEach, describe, expect, it } from 'vitest'
import { MaxCore, RequestError, UsageError } from '../src/index.node.js'
import { type ClosableTransport, createUndiciTransport, type UndiciTransportOptions } from '../src/undici.js'
import { failure } from './helpers.js'
import { useLocalServers } from './local-server.js'
import { json, socketTransportSuite } from './socket-transport-suite.js'

// Real sockets on 127.0.0.1 only (nock does not see undici's Pool).
const serve = useLocalServers()

// Every transport a test makes is closed after it, as a service would on shutdown.
const made: ClosableTransport[] = []
const undici = (options?: UndiciTransportOptions) => {
  const transport = createUndiciTransport(options)
  made.push(transport)
  return transport
}
afterEach(async () => {
  await Promise.all(made.splice(0).map((transport) => transport.close()))
})

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5))
  return check()
}

socketTransportSuite('undici', undici, serve, 2)

describe('undici transport', () => {
  it('is marked as enforcing timeouts itself and has close()', () => {
    const transport = undici()
    expect(typeof transport).toBe('function')
    expect(typeof transport.close).toBe('function')
    // The client hands it `timeout` instead of a combined signal.
    expect(Object.getOwnPropertySymbols(transport).map(String)).toContain(
      'Symbol(@maxclient/core/transport-timeout)',
    )
  })

  it('opens connections as requests need them, up to `connections`', async () => {
    const server = await serve((req, res) => {
      setTimeout(() => json(res, 200, { path: req.url }), 30)
    })
    const paths = Array.from({ length: 6 }, (_, i) => `/p/${i}`)
    const limited = new MaxCore(server.url, { transport: undici({ connections: 2 }) })
    const answers = await Promise.all(
      paths.map((path) => limited.request({ method: 'GET', path, auth: false })),
    )
    expect(answers).toEqual(paths.map((path) => ({ path })))
    expect(server.connections).toBe(2)
    // Unlimited by default: all six at once.
    const open = new MaxCore(server.url, { transport: undici() })
    await Promise.all(paths.map((path) => open.request({ method: 'GET', path, auth: false })))
    expect(server.connections).toBe(2 + 6)
  })

  it('a request aborted while it waits for a connection leaves that connection alone', async () => {
    const server = await serve((req, res) => {
      setTimeout(() => json(res, 200, { path: req.url }), req.url === '/slow' ? 50 : 0)
    })
    const max = new MaxCore(server.url, { transport: undici({ connections: 1 }), retry: false })
    const slow = max.request({ method: 'GET', path: '/slow', auth: false })
    const controller = new AbortController()
    const queued = max.request({ method: 'GET', path: '/queued', auth: false, signal: controller.signal })
    controller.abort(new Error('not needed'))
    expect((await failure(queued)).message).toBe('not needed')
    expect(await slow).toEqual({ path: '/slow' })
    expect(await max.request({ method: 'GET', path: '/next', auth: false })).toEqual({ path: '/next' })
    expect(server.connections).toBe(1)
  })

  it('close() lets requests in flight finish, closes the connections, then refuses new requests', async () => {
    const server = await serve((req, res) => {
      setTimeout(() => json(res, 200, { path: req.url }), req.url === '/slow' ? 40 : 0)
    })
    const transport = undici()
    const max = new MaxCore(server.url, { transport, retry: { retries: 2, minDelay: 0 } })
    await max.request({ method: 'GET', path: '/warm', auth: false })
    const inFlight = max.request({ method: 'GET', path: '/slow', auth: false })
    await new Promise((resolve) => setTimeout(resolve, 10))
    await transport.close()
    expect(await inFlight).toEqual({ path: '/slow' })
    expect(await until(() => server.open === 0)).toBe(true)
    const after = await failure(max.request({ method: 'GET', path: '/late', auth: false }))
    expect(after).toBeInstanceOf(UsageError)
    expect(after.message).toMatch(/was closed/)
  })

  it('keeps at most 32 origins, closing the oldest pool', async () => {
    const servers = await Promise.all(
      Array.from({ length: 33 }, () => serve((_req, res) => json(res, 200, {}))),
    )
    const transport = undici()
    for (const server of servers) {
      await transport({ method: 'GET', url: `${server.url}/`, headers: {} })
    }
    // The 33rd origin pushed out the first: its idle connection is closed by the client.
    expect(await until(() => servers[0]!.open === 0)).toBe(true)
    expect(servers.slice(1).every((server) => server.open === 1)).toBe(true)
    // A request to it again opens a new pool.
    await transport({ method: 'GET', url: `${servers[0]!.url}/`, headers: {} })
    expect(servers[0]!.connections).toBe(2)
  })

  it('refuses a redirect to a URL with credentials or another scheme, finally', async () => {
    const server = await serve((req, res) =>
      json(
        res,
        302,
        {},
        { location: req.url === '/creds' ? `http://u:p@127.0.0.1:1/x` : 'ftp://127.0.0.1/x' },
      ),
    )
    const max = new MaxCore(server.url, { transport: undici(), retry: { retries: 2, minDelay: 0 } })
    const creds = await failure(max.send({ method: 'GET', path: '/creds', auth: false }))
    expect(creds).toBeInstanceOf(RequestError)
    expect(creds.status).toBe(302)
    expect(creds.message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/creds: .* does not send URLs with credentials/,
    )
    expect(creds.message).not.toContain('u:p')
    const scheme = await failure(max.send({ method: 'GET', path: '/ftp', auth: false }))
    expect(scheme.message).toMatch(/only http: and https:/)
  })

  it('sends a query that follows the host directly, and refuses other schemes and credentials', async () => {
    const server = await serve((req, res) => json(res, 200, { url: req.url }))
    const transport = undici()
    const answer = await transport({ method: 'GET', url: `${server.url}?a=/b`, headers: {} })
    expect(JSON.parse(Buffer.from(answer.body).toString())).toEqual({ url: '/?a=/b' })
    const hostPort = server.url.slice('http://'.length)
    for (const [url, message] of [
      [`ftp://${hostPort}/x`, /only http: and https:/],
      [`foo://${hostPort}?x`, /only http: and https:/],
      [`http://u:p@${hostPort}?x`, /credentials/],
    ] as const) {
      const error = await failure(transport({ method: 'GET', url, headers: {} }))
      expect(error, url).toBeInstanceOf(UsageError)
      expect(error.message, url).toMatch(message)
    }
  })

  it('answers a 204 and a HEAD with an empty body', async () => {
    const server = await serve((req, res) => {
      if (req.method === 'HEAD') {
        res.writeHead(200, { 'x-totalitems': '7', 'content-length': '42' })
        return res.end()
      }
      res.writeHead(204)
      res.end()
    })
    const max = new MaxCore(server.url, { transport: undici() })
    const empty = await max.send({ method: 'DELETE', path: '/x', auth: false })
    expect(empty.status).toBe(204)
    expect(empty.body).toBeNull()
    expect(await max.request({ method: 'HEAD', path: '/x', auth: false })).toBe(7)
  })

  it('a server closing the connection mid-body is a RequestError with status 0', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '100' })
      res.write('[1,')
      setTimeout(() => res.destroy(), 10)
    })
    const error = await failure(
      new MaxCore(server.url, { transport: undici(), retry: false }).send({
        method: 'GET',
        path: '/',
        auth: false,
      }),
    )
    expect(error).toBeInstanceOf(RequestError)
    expect(error.status).toBe(0)
  })

  it('rejects bad options with a UsageError naming them', () => {
    const bad: Array<[unknown, RegExp]> = [
      [{ conections: 2 }, /unknown option "conections"/],
      [{ connections: 0 }, /connections must be a positive integer/],
      [{ connections: 1.5 }, /connections must be a positive integer/],
      [{ pipelining: 0 }, /pipelining must be an integer from 1 to 100/],
      [{ pipelining: 101 }, /pipelining must be an integer from 1 to 100/],
      [{ ca: 42 }, /ca must be a PEM string or bytes/],
      [null, /options must be an object/],
    ]
    for (const [options, message] of bad) {
      expect(() => createUndiciTransport(options as UndiciTransportOptions)).toThrow(message)
      expect(() => createUndiciTransport(options as UndiciTransportOptions)).toThrow(UsageError)
    }
  })
})

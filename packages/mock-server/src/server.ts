import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { createMockHandler, type MockHandler } from './handler.js'
import type { MockSnapshot } from './model.js'
import { HUB_PREFIX, type MockOptions, OAUTH_PREFIX } from './options.js'

/** Options of {@link startMockServer}. */
export interface StartMockServerOptions extends MockOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string
  /** Called once per answered request (what `max-mock-server --log` prints). */
  onRequest?: (entry: RequestLogEntry) => void
}

/** One answered request. It never holds the token, the body or the query string. */
export interface RequestLogEntry {
  /** When the answer was sent. */
  time: Date
  /** The `X-Oauth-Username` the request claimed (lowercased), or `-`. */
  user: string
  method: string
  /** The path, without the query string (which may carry credentials). */
  path: string
  status: number
  /** Milliseconds from the request to the end of the answer. */
  ms: number
}

/** `2024-01-01T10:00:00.000Z alice GET /people/alice 200 3ms`: one line per request. */
export function formatLogLine(entry: RequestLogEntry): string {
  return `${entry.time.toISOString()} ${entry.user} ${entry.method} ${entry.path} ${entry.status} ${entry.ms}ms`
}

/** A running mock server. */
export interface RunningMockServer {
  /** MAX base URL, e.g. `http://127.0.0.1:8081` (no trailing slash). */
  url: string
  /** OAuth server URL (`{url}/oauth`): `POST /token`, `POST /checktoken`. */
  oauthUrl: string
  /** Hub URL (`{url}/hub`): `GET /info` lists domains for `fromHubDomain`. */
  hubUrl: string
  /** The in-process handler behind the socket (same state). */
  handler: MockHandler
  /** Stops listening and closes open connections. */
  close(): Promise<void>
  /** Back to the seeded state (issued tokens stay valid). */
  reset(): void
  /** The whole state as plain JSON data. */
  snapshot(): MockSnapshot
  /** Replaces the state with one taken by {@link RunningMockServer.snapshot}. */
  restore(snapshot: MockSnapshot): void
  /** Issues an OAuth token for `username` without a password. */
  issueToken(username: string): string
}

function toRequest(req: IncomingMessage, baseUrl: string): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue
    headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  }
  const method = (req.method ?? 'GET').toUpperCase()
  // Always resolve against our own origin: a Host header or absolute-form target cannot move it.
  const target = req.url?.startsWith('/') ? req.url : '/'
  const init: RequestInit & { duplex?: 'half' } = { method, headers }
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = Readable.toWeb(req) as ReadableStream<Uint8Array>
    init.duplex = 'half'
  }
  return new Request(`${baseUrl}${target}`, init)
}

async function sendResponse(response: Response, res: ServerResponse, head: boolean): Promise<void> {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  if (head || response.body === null) {
    res.writeHead(response.status, headers).end()
    return
  }
  const reader = response.body.getReader()
  const first = await reader.read()
  const second = first.done ? first : await reader.read()
  if (second.done) {
    // A body that fits in one chunk goes out with its length in a single write (no chunked framing).
    const body = first.value ?? new Uint8Array()
    headers['content-length'] = String(body.byteLength)
    res.writeHead(response.status, headers).end(body)
    return
  }
  res.writeHead(response.status, headers)
  const write = (chunk: Uint8Array) =>
    res.write(chunk) ? undefined : new Promise<void>((resolve) => res.once('drain', resolve))
  await write(first.value!)
  await write(second.value)
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) await write(chunk.value)
  res.end()
}

function checkListenOptions(options: StartMockServerOptions): void {
  if (
    options.port !== undefined &&
    (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)
  )
    throw new TypeError(
      `Invalid mock-server option: port must be an integer from 0 to 65535, got ${options.port}`,
    )
  if (options.host !== undefined && (typeof options.host !== 'string' || options.host === ''))
    throw new TypeError('Invalid mock-server option: host must be a non-empty string such as "127.0.0.1"')
}

/**
 * Starts a MAX-compatible server on a real socket (default 127.0.0.1, free port).
 * The OAuth server and the hub live on the same origin under `/oauth` and `/hub`.
 *
 * @example
 * const server = await startMockServer({ users: { alice: 'secret' } })
 * // ... point a client at server.url ...
 * await server.close()
 */
export async function startMockServer(options: StartMockServerOptions = {}): Promise<RunningMockServer> {
  checkListenOptions(options)
  const host = options.host ?? '127.0.0.1'
  let baseUrl = ''
  const hubDomains = options.hub?.domains
  const { port: _port, host: _host, onRequest, ...handlerOptions } = options
  // The default hub domain must name the real URL, known only once listening.
  const hub = { domains: hubDomains ?? ({} as Record<string, string>) }
  const handler = createMockHandler({ ...handlerOptions, hub })
  await handler.realtime?.ready()

  const server: Server = createServer((req, res) => {
    const method = (req.method ?? '').toUpperCase()
    const head = method === 'HEAD'
    const started = performance.now()
    void (async () => {
      try {
        const response = await handler(toRequest(req, baseUrl))
        await sendResponse(response, res, head)
        if (onRequest) {
          const user = req.headers['x-oauth-username']
          onRequest({
            time: new Date(),
            user: typeof user === 'string' && user !== '' ? user.toLowerCase() : '-',
            method,
            path: (req.url ?? '/').split('?')[0] ?? '/',
            status: response.status,
            ms: Math.round(performance.now() - started),
          })
        }
      } catch {
        // Only a broken connection gets here (the handler answers every request itself).
        if (!res.headersSent) res.writeHead(400).end()
        else res.destroy()
      }
    })()
  })
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    else socket.destroy()
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  // A wildcard address is not something a client can connect to: name loopback instead.
  const reachable =
    address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address
  const hostInUrl = address.family === 'IPv6' ? `[${reachable}]` : reachable
  baseUrl = `http://${hostInUrl}:${address.port}`
  if (!hubDomains) hub.domains.mock = baseUrl

  let closing: Promise<void> | undefined
  return {
    url: baseUrl,
    oauthUrl: `${baseUrl}${OAUTH_PREFIX}`,
    hubUrl: `${baseUrl}${HUB_PREFIX}`,
    handler,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }).then(() => handler.realtime?.close())
      return closing
    },
    reset: () => handler.reset(),
    snapshot: () => handler.snapshot(),
    restore: (snapshot) => handler.restore(snapshot),
    issueToken: (username) => handler.issueToken(username),
  }
}

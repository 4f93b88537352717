import { readFileSync } from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import nock from 'nock'
import { afterAll, afterEach, beforeAll } from 'vitest'

export interface LocalServer {
  url: string
  /** TCP connections accepted so far. */
  connections: number
  /** Connections open now. */
  open: number
  close(): Promise<void>
}

export interface Received {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: Buffer
}

type Handler = (request: Received, response: http.ServerResponse) => void

/** A real HTTP(S) server on 127.0.0.1 and a random port; `handler` answers every request. */
export async function startServer(handler: Handler, tls = false): Promise<LocalServer> {
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () =>
      handler({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) }, res),
    )
  }
  const server = tls
    ? https.createServer(
        {
          key: readFileSync(new URL('./fixtures/localhost-key.pem', import.meta.url)),
          cert: readFileSync(new URL('./fixtures/localhost-cert.pem', import.meta.url)),
        },
        listener,
      )
    : http.createServer(listener)
  const state: LocalServer = {
    url: '',
    connections: 0,
    open: 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  server.on(tls ? 'secureConnection' : 'connection', (socket) => {
    state.connections++
    state.open++
    socket.on('close', () => {
      state.open--
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  state.url = `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`
  return state
}

export const localCa = () => readFileSync(new URL('./fixtures/localhost-cert.pem', import.meta.url))

/**
 * For a test file on real sockets: takes nock's interceptors out of the way for the file and closes
 * the servers `serve` started after each test.
 */
export function useLocalServers(): (...args: Parameters<typeof startServer>) => Promise<LocalServer> {
  const servers: LocalServer[] = []
  beforeAll(() => {
    nock.restore()
  })
  afterAll(() => {
    nock.activate()
  })
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()))
  })
  return async (...args) => {
    const server = await startServer(...args)
    servers.push(server)
    return server
  }
}

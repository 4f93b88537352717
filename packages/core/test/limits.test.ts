import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import {
  type MaxClientOptions,
  MaxCore,
  RequestError,
  ResponseTooLargeError,
  UsageError,
} from '../src/index.node.js'
import { createUndiciTransport } from '../src/undici.js'
import { failure } from './helpers.js'
import { type LocalServer, startServer } from './local-server.js'

const MiB = 1024 * 1024
let servers: LocalServer[] = []
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()))
  servers = []
})
const undici = createUndiciTransport()
afterAll(() => undici.close())
async function serve(handler: Parameters<typeof startServer>[0]): Promise<LocalServer> {
  const server = await startServer(handler)
  servers.push(server)
  return server
}

// A gzip body of ~400 KB that inflates to 400 MiB: 400 copies of one gzip member of 1 MiB of
// zeros (concatenated members are one valid gzip stream), built in milliseconds.
const member = gzipSync(Buffer.alloc(MiB), { level: 9 })
const bomb = Buffer.concat(Array.from({ length: 400 }, () => member))

describe.each([
  ['node:http', {}],
  ['fetch', { fetch: globalThis.fetch }],
  ['undici', { transport: undici }],
] as Array<[string, MaxClientOptions]>)('maxResponseSize over %s', (_name, transport) => {
  const client = (url: string, options: MaxClientOptions = {}) =>
    new MaxCore(url, { ...transport, retry: { retries: 2, minDelay: 0 }, ...options })

  it('refuses an announced Content-Length beyond the limit before reading, and does not retry', async () => {
    let requests = 0
    const server = await serve((_req, res) => {
      requests++
      // Announces 2 GB and sends one byte: only the header can be judged.
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(2 * 1024 * MiB) })
      res.write('[')
    })
    const error = await failure(client(server.url).send({ method: 'GET', path: '/big', auth: false }))
    expect(error).toBeInstanceOf(ResponseTooLargeError)
    expect(error).toBeInstanceOf(RequestError)
    expect(error.limit).toBe(64 * MiB)
    expect(error.message).toContain('67108864 bytes')
    expect(error.message).toContain('maxResponseSize')
    expect(requests).toBe(1)
  })

  it('counts a streamed body without Content-Length (per-call limit)', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      const chunk = Buffer.alloc(64 * 1024, 1)
      let sent = 0
      const write = () => {
        while (sent < 32 && !res.destroyed) {
          sent++
          if (!res.write(chunk)) return void res.once('drain', write)
        }
        res.end()
      }
      write()
    })
    const max = client(server.url)
    const error = await failure(
      max.send({ method: 'GET', path: '/stream', auth: false, maxResponseSize: MiB }),
    )
    expect(error).toBeInstanceOf(ResponseTooLargeError)
    expect(error.limit).toBe(MiB)
    // The same body fits a larger per-call limit.
    const ok = await max.send({ method: 'GET', path: '/stream', auth: false, maxResponseSize: 4 * MiB })
    expect((ok.body as Uint8Array).length).toBe(2 * MiB)
  })

  it('stops a 400 KB gzip bomb at the limit without ballooning memory', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
      res.end(bomb)
    })
    const before = process.resourceUsage().maxRSS
    const error = await failure(client(server.url).send({ method: 'GET', path: '/bomb', auth: false }))
    expect(error).toBeInstanceOf(ResponseTooLargeError)
    // Unbounded, the 400 MiB body (and its string) would add far more than this to the peak.
    expect(process.resourceUsage().maxRSS - before).toBeLessThan(200 * 1024)
  })

  it('applies the limit to decompressed brotli too', async () => {
    const body = brotliCompressSync(Buffer.alloc(2 * MiB), {
      params: { [constants.BROTLI_PARAM_QUALITY]: 1 },
    })
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-encoding': 'br' })
      res.end(body)
    })
    const max = client(server.url, { maxResponseSize: MiB })
    const error = await failure(max.send({ method: 'GET', path: '/br', auth: false }))
    expect(error).toBeInstanceOf(ResponseTooLargeError)
    const ok = await max.send({ method: 'GET', path: '/br', auth: false, maxResponseSize: 2 * MiB })
    expect((ok.body as Uint8Array).length).toBe(2 * MiB)
  })
})

describe('maxResponseSize option', () => {
  it('must be a positive whole number of bytes, client-wide and per call', async () => {
    for (const value of [0, -1, 1.5, Number.POSITIVE_INFINITY, '10']) {
      expect(() => new MaxCore('http://127.0.0.1:9', { maxResponseSize: value as number })).toThrow(
        /maxResponseSize must be a positive whole number of bytes/,
      )
      const max = new MaxCore('http://127.0.0.1:9', { retry: false })
      const error = await failure(
        max.send({ method: 'GET', path: '/x', auth: false, maxResponseSize: value as number }),
      )
      expect(error).toBeInstanceOf(UsageError)
    }
  })

  it('a custom transport that ignores the limit still gets its answer refused', async () => {
    const max = new MaxCore('http://max.test', {
      transport: async () => ({ status: 200, headers: {}, body: new Uint8Array(2048) }),
      maxResponseSize: 1024,
    })
    await expect(max.send({ method: 'GET', path: '/x', auth: false })).rejects.toThrow(ResponseTooLargeError)
  })
})

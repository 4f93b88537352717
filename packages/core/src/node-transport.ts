import http from 'node:http'
import type https from 'node:https'
import { promisify } from 'node:util'
import type zlib from 'node:zlib'
import { UsageError } from './errors.js'
import { isFormData } from './form-data.js'
import {
  type Transport,
  type TransportRequest,
  type TransportResponse,
  TransportTimeoutError,
  withTimeoutSupport,
} from './transport.js'

// `node:https` (TLS) and `node:zlib` load on first use: a one-shot plain-HTTP call needs neither.
let httpsModule: typeof https | undefined
const loadHttps = (): typeof https => {
  httpsModule ??= process.getBuiltinModule('node:https')
  return httpsModule
}
let decompressors:
  | {
      gunzip: (raw: Buffer) => Promise<Buffer>
      inflate: (raw: Buffer) => Promise<Buffer>
      inflateRaw: (raw: Buffer) => Promise<Buffer>
    }
  | undefined
const loadDecompressors = () => {
  if (decompressors === undefined) {
    const z: typeof zlib = process.getBuiltinModule('node:zlib')
    decompressors = {
      gunzip: promisify(z.gunzip),
      inflate: promisify(z.inflate),
      inflateRaw: promisify(z.inflateRaw),
    }
  }
  return decompressors
}

/** Options of {@link createNodeTransport}. */
export interface NodeTransportOptions {
  /**
   * Agent for `http:` URLs. Default: a keep-alive `http.Agent` owned by this transport.
   * Inject one to route through a proxy.
   */
  httpAgent?: http.Agent
  /**
   * Agent for `https:` URLs. Default: a keep-alive `https.Agent` owned by this transport,
   * verifying certificates. Inject one for a proxy (e.g. `new HttpsProxyAgent(process.env.HTTPS_PROXY)`)
   * or for a private CA.
   */
  httpsAgent?: https.Agent
  /**
   * `false` turns OFF TLS certificate verification on the default https agent. Only for servers with
   * self-signed certificates you trust; prefer `ca`. Ignored when `httpsAgent` is given (configure that agent).
   */
  rejectUnauthorized?: boolean
  /** Extra trusted CA certificates (PEM) for the default https agent. */
  ca?: string | Buffer | Array<string | Buffer>
  /** Redirects followed before failing. Default 5. */
  maxRedirects?: number
  /** Connections per host on the default agents. Default: unlimited, as Node's own default. */
  maxSockets?: number
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])
const CREDENTIAL_HEADERS = ['authorization', 'x-oauth-token', 'x-oauth-username', 'x-oauth-scope', 'cookie']

/**
 * A {@link Transport} over `node:http`/`node:https` with keep-alive agents shared by every request
 * of this transport (connections are reused, never one per call). It asks for gzip/deflate and
 * decodes it, follows redirects (bounded; credentials are dropped when the origin changes),
 * honours `request.signal` and `request.timeout`, and sends `FormData` as multipart.
 */
export function createNodeTransport(options: NodeTransportOptions = {}): Transport {
  if (typeof options !== 'object' || options === null) {
    throw new UsageError('createNodeTransport(options): options must be an object')
  }
  const maxRedirects = options.maxRedirects ?? 5
  if (!Number.isInteger(maxRedirects) || maxRedirects < 0) {
    throw new UsageError(`maxRedirects must be a non-negative integer, got ${String(options.maxRedirects)}`)
  }
  if (options.rejectUnauthorized !== undefined && typeof options.rejectUnauthorized !== 'boolean') {
    throw new UsageError('rejectUnauthorized must be true or false')
  }
  const agentOptions: https.AgentOptions = { keepAlive: true }
  if (options.maxSockets !== undefined) agentOptions.maxSockets = options.maxSockets
  const httpAgent = options.httpAgent ?? new http.Agent(agentOptions)
  const tlsOptions: https.AgentOptions = { ...agentOptions }
  // Verification stays on unless the caller explicitly writes `rejectUnauthorized: false`.
  if (options.rejectUnauthorized === false) tlsOptions.rejectUnauthorized = false
  if (options.ca !== undefined) tlsOptions.ca = options.ca
  let httpsAgent = options.httpsAgent

  return withTimeoutSupport((request: TransportRequest): Promise<TransportResponse> => {
    if (isFormData(request.body)) return sendForm(request, request.body)
    return send(request, request.method, request.url, request.headers, request.body, 0, request.timeout)
  })

  async function sendForm(request: TransportRequest, form: FormData): Promise<TransportResponse> {
    // Response serialises FormData to multipart bytes with a matching boundary.
    const encoded = new Response(form)
    const body = new Uint8Array(await encoded.arrayBuffer())
    const headers = { ...request.headers, 'content-type': encoded.headers.get('content-type')! }
    return send(request, request.method, request.url, headers, body, 0, request.timeout)
  }

  function send(
    request: TransportRequest,
    method: string,
    url: string,
    headers: Record<string, string>,
    body: string | Uint8Array | undefined,
    redirects: number,
    timeout: number | undefined,
  ): Promise<TransportResponse> {
    const signal = request.signal
    if (signal?.aborted) return Promise.reject(signal.reason)
    return new Promise<TransportResponse>((resolve, reject) => {
      const secure = url.startsWith('https:')
      let timer: ReturnType<typeof setTimeout> | undefined
      let req: http.ClientRequest
      try {
        // Node copies `headers` into the request; the extra ones are set on it, so the caller's
        // object is neither copied nor changed here.
        const target = requestTarget(url)
        if (secure) {
          const tls = loadHttps()
          httpsAgent ??= new tls.Agent(tlsOptions)
          req = tls.request({ ...target, method, headers, agent: httpsAgent })
        } else {
          req = http.request({ ...target, method, headers, agent: httpAgent })
        }
        if (headers['accept-encoding'] === undefined) req.setHeader('accept-encoding', 'gzip, deflate')
        if (body !== undefined) req.setHeader('content-length', Buffer.byteLength(body))
      } catch (error) {
        reject(error)
        return
      }
      let onAbort: (() => void) | undefined
      const done = () => {
        if (timer !== undefined) clearTimeout(timer)
        if (onAbort !== undefined) signal!.removeEventListener('abort', onAbort)
      }
      // Redirects share the attempt's timeout: each hop gets what is left of it.
      const startedAt = timeout === undefined ? 0 : Date.now()
      if (timeout !== undefined) {
        timer = setTimeout(() => req.destroy(new TransportTimeoutError(request.timeout!)), timeout)
      }
      if (signal !== undefined) {
        onAbort = () => req.destroy(signal.reason)
        signal.addEventListener('abort', onAbort, { once: true })
      }
      req.on('error', (error) => {
        done()
        reject(error)
      })
      req.on('response', (res) => {
        const status = res.statusCode ?? 0
        const location = res.headers.location
        if (REDIRECTS.has(status) && location !== undefined) {
          res.resume()
          done()
          if (redirects >= maxRedirects) {
            reject(new Error(`too many redirects (more than ${maxRedirects}) starting at ${request.url}`))
            return
          }
          let next: URL
          try {
            next = new URL(location, url)
          } catch {
            reject(new Error(`invalid redirect location ${JSON.stringify(location)} from ${url}`))
            return
          }
          let nextMethod = method
          let nextBody = body
          let nextHeaders = headers
          if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
            nextMethod = method === 'HEAD' ? 'HEAD' : 'GET'
            nextBody = undefined
            nextHeaders = without(nextHeaders, ['content-type'])
          }
          if (next.origin !== new URL(url).origin) nextHeaders = without(nextHeaders, CREDENTIAL_HEADERS)
          let left: number | undefined
          if (timeout !== undefined) {
            left = timeout - (Date.now() - startedAt)
            if (left <= 0) {
              reject(new TransportTimeoutError(request.timeout!))
              return
            }
          }
          send(request, nextMethod, next.href, nextHeaders, nextBody, redirects + 1, left).then(
            resolve,
            reject,
          )
          return
        }
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', (error) => {
          done()
          reject(error)
        })
        res.on('end', () => {
          done()
          const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
          const out: Record<string, string> = Object.create(null)
          const incoming = res.headers
          for (const name in incoming) {
            const value = incoming[name]
            if (value !== undefined) out[name] = typeof value === 'string' ? value : value.join(', ')
          }
          const encoding = out['content-encoding']
          if (encoding === undefined || raw.length === 0) {
            resolve({ status, headers: out, body: raw })
            return
          }
          decode(encoding, raw).then((decoded) => resolve({ status, headers: out, body: decoded }), reject)
        })
      })
      req.end(body)
    })
  }
}

/** Where a request goes, as `http.request` options. */
interface RequestTarget {
  protocol: string
  hostname: string
  port: string
  path: string
  auth?: string
}

const origins = new Map<string, Omit<RequestTarget, 'path'>>()

/**
 * `http.request(urlString)` parses a WHATWG URL on every call (~10 µs); a client talks to one or two
 * origins, so each origin is parsed once and the path is cut from the string.
 */
function requestTarget(url: string): RequestTarget {
  const authority = url.indexOf('//') + 2
  const slash = url.indexOf('/', authority)
  const origin = slash === -1 ? url : url.slice(0, slash)
  let parsed = origins.get(origin)
  if (parsed === undefined) {
    const whole = new URL(origin)
    parsed = {
      protocol: whole.protocol,
      // `http.request` wants an IPv6 host without its brackets.
      hostname: whole.hostname.startsWith('[') ? whole.hostname.slice(1, -1) : whole.hostname,
      port: whole.port,
    }
    if (whole.username !== '' || whole.password !== '') {
      parsed.auth = `${decodeURIComponent(whole.username)}:${decodeURIComponent(whole.password)}`
    }
    if (origins.size > 64) origins.clear()
    origins.set(origin, parsed)
  }
  return { ...parsed, path: slash === -1 ? '/' : url.slice(slash) }
}

async function decode(encoding: string, raw: Buffer): Promise<Buffer> {
  switch (encoding.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return loadDecompressors().gunzip(raw)
    case 'deflate': {
      // Some servers send raw deflate without the zlib wrapper.
      const { inflate, inflateRaw } = loadDecompressors()
      return inflate(raw).catch(() => inflateRaw(raw))
    }
    case 'identity':
      return raw
    default:
      throw new Error(`unsupported content-encoding ${JSON.stringify(encoding)}`)
  }
}

function without(headers: Record<string, string>, names: readonly string[]): Record<string, string> {
  const copy = { ...headers }
  for (const name of names) delete copy[name]
  return copy
}

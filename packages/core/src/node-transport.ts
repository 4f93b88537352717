import type * as HttpModule from 'node:http'
import type https from 'node:https'
import { ResponseTooLargeError } from './errors.js'
import { isFormData } from './form-data.js'
import {
  checkSocketOptions,
  decode,
  encodeMultipart,
  type Hop,
  REDIRECTS,
  redirectHop,
} from './http-common.js'
import { DEFAULT_MAX_RESPONSE_SIZE } from './limits.js'
import { isMultipartBody } from './multipart.js'
import {
  type Transport,
  type TransportRequest,
  type TransportResponse,
  TransportTimeoutError,
  withTimeoutSupport,
} from './transport.js'

// `node:https` (TLS) loads on first use: a one-shot plain-HTTP call does not need it.
let httpsModule: typeof https | undefined
// Not an ESM import: building the ESM namespace of node:http reads its lazy web globals, which
// loads undici on Node 22+ (~50 ms for a one-shot CLI call); the CommonJS object does not.
const http: typeof HttpModule = process.getBuiltinModule('node:http')

const loadHttps = (): typeof https => {
  httpsModule ??= process.getBuiltinModule('node:https')
  return httpsModule
}

/** Options of {@link createNodeTransport}. */
export interface NodeTransportOptions {
  /**
   * Agent for `http:` URLs. Default: a keep-alive `http.Agent` owned by this transport.
   * Inject one to route through a proxy.
   */
  httpAgent?: HttpModule.Agent
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
  /** Redirects followed before failing with a (never retried) `RequestError`. Default 5. */
  maxRedirects?: number
  /** Connections per host on the default agents. Default: unlimited, as Node's own default. */
  maxSockets?: number
}

/**
 * A {@link Transport} over `node:http`/`node:https` with keep-alive agents shared by every request
 * of this transport (connections are reused, never one per call). It asks for gzip/deflate and
 * decodes it (gzip, deflate, br) within `request.maxResponseSize`, follows redirects (bounded; credentials are dropped when the origin changes),
 * honours `request.signal` and `request.timeout`, and sends `FormData` and `MultipartBody` as multipart.
 */
export function createNodeTransport(options: NodeTransportOptions = {}): Transport {
  const maxRedirects = checkSocketOptions('createNodeTransport', options)
  const agentOptions: https.AgentOptions = { keepAlive: true }
  if (options.maxSockets !== undefined) agentOptions.maxSockets = options.maxSockets
  const httpAgent = options.httpAgent ?? new http.Agent(agentOptions)
  const tlsOptions: https.AgentOptions = { ...agentOptions }
  // Verification stays on unless the caller explicitly writes `rejectUnauthorized: false`.
  if (options.rejectUnauthorized === false) tlsOptions.rejectUnauthorized = false
  if (options.ca !== undefined) tlsOptions.ca = options.ca
  let httpsAgent = options.httpsAgent

  return withTimeoutSupport((request: TransportRequest): Promise<TransportResponse> => {
    if (isFormData(request.body) || isMultipartBody(request.body)) {
      return encodeMultipart(request, request.body).then((encoded) =>
        send(request, request.method, request.url, encoded.headers, encoded.body, 0, encoded.timeout),
      )
    }
    return send(request, request.method, request.url, request.headers, request.body, 0, request.timeout)
  })

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
      let req: HttpModule.ClientRequest
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
          let hop: Hop
          try {
            hop = redirectHop(
              request,
              { method, url, headers, body },
              status,
              location,
              redirects,
              maxRedirects,
              'createNodeTransport',
            )
          } catch (error) {
            reject(error)
            return
          }
          let left: number | undefined
          if (timeout !== undefined) {
            left = timeout - (Date.now() - startedAt)
            if (left <= 0) {
              reject(new TransportTimeoutError(request.timeout!))
              return
            }
          }
          send(request, hop.method, hop.url, hop.headers, hop.body, redirects + 1, left).then(resolve, reject)
          return
        }
        const limit = request.maxResponseSize ?? DEFAULT_MAX_RESPONSE_SIZE
        const tooLarge = () => {
          done()
          res.destroy()
          reject(new ResponseTooLargeError(request.method, request.url, limit, status))
        }
        // A too-large announced size is refused before reading a byte.
        const announced = res.headers['content-length']
        if (announced !== undefined && Number(announced) > limit) {
          tooLarge()
          return
        }
        const chunks: Buffer[] = []
        let received = 0
        res.on('data', (chunk: Buffer) => {
          received += chunk.length
          if (received > limit) {
            chunks.length = 0
            tooLarge()
          } else chunks.push(chunk)
        })
        res.on('error', (error) => {
          done()
          reject(error)
        })
        res.on('end', () => {
          done()
          if (received > limit) return
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
          decode(encoding, raw, limit).then(
            (decoded) => resolve({ status, headers: out, body: decoded }),
            (error: unknown) =>
              reject(
                (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE'
                  ? new ResponseTooLargeError(request.method, request.url, limit, status)
                  : error,
              ),
          )
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

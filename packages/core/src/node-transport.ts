import type * as HttpModule from 'node:http'
import type https from 'node:https'
import { type Deadline, Deadlines, monotonicNow } from './deadlines.js'
import { ResponseTooLargeError } from './errors.js'
import { isFormData } from './form-data.js'
import {
  checkSocketOptions,
  decode,
  encodeMultipart,
  endsAtHost,
  type Hop,
  pathStartOf,
  REDIRECTS,
  redirectHop,
  requestPathAt,
  requestPathOf,
  sliceOf,
  withEncoding,
} from './http-common.js'
import { DEFAULT_MAX_RESPONSE_SIZE } from './limits.js'
import { isMultipartBody } from './multipart.js'
import {
  type AnswerTo,
  markReadsHeadersOnly,
  type Transport,
  type TransportRequest,
  type TransportResponse,
  TransportTimeoutError,
  withAnswerTo,
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
  const deadlines = new Deadlines()

  const transport = (request: TransportRequest): Promise<TransportResponse> =>
    new Promise<TransportResponse>((resolve, reject) => {
      const body = request.body
      if (body !== undefined && typeof body !== 'string' && !(body instanceof Uint8Array)) {
        if (isFormData(body) || isMultipartBody(body)) {
          encodeMultipart(request, body)
            .then((encoded) => {
              const { headers, timeout } = encoded
              start(request, request.method, request.url, headers, encoded.body, 0, timeout, resolve, reject)
            })
            .catch(reject)
          return
        }
      }
      start(request, request.method, request.url, request.headers, body, 0, request.timeout, resolve, reject)
    })
  // The pipeline's form for plain requests (a string body or none): the answer goes straight to it.
  const answerTo: AnswerTo = (request, onAnswer, onFailure) => {
    const body = request.body as string | undefined
    start(
      request,
      request.method,
      request.url,
      request.headers,
      body,
      0,
      request.timeout,
      onAnswer,
      onFailure,
    )
  }
  return withAnswerTo(markReadsHeadersOnly(withTimeoutSupport(transport)), answerTo)

  /**
   * One hop of a request, answering `resolve` or `reject`; an error after the answer (a socket
   * failing later) may still reach `reject`, which a promise and the pipeline ignore. It never throws
   * (what can fail goes to `reject`), so a redirect starts its next hop from a response event. Kept
   * lean on purpose: it runs once per call, so every closure, timer and copy here is paid by every
   * request (see bench/README.md, "instructions per request").
   */
  function start(
    request: TransportRequest,
    method: string,
    url: string,
    headers: Record<string, string>,
    body: string | Uint8Array | undefined,
    redirects: number,
    timeout: number | undefined,
    resolve: (answer: TransportResponse) => void,
    reject: (error: unknown) => void,
  ): void {
    const signal = request.signal
    if (signal?.aborted) {
      reject(signal.reason)
      return
    }
    let req: HttpModule.ClientRequest
    const limit = request.maxResponseSize ?? DEFAULT_MAX_RESPONSE_SIZE
    // Called once per call, so it keeps to the steps every answer takes: V8 optimises a small
    // function sooner. A redirect or an announced size over the limit goes to `onUnusual`.
    function onResponse(res: HttpModule.IncomingMessage): void {
      if (isUnusual(res, limit)) {
        onUnusual(res)
        return
      }
      const chunks: Buffer[] = []
      let received = 0
      const onData = (chunk: Buffer): void => {
        if (received > limit) return
        received += chunk.length
        if (received <= limit) chunks.push(chunk)
        else {
          chunks.length = 0
          fail(tooLarge(request, res, limit))
        }
      }
      const onEnd = (): void => {
        release(deadline, signal, onAbort)
        if (received > limit) return
        const answer: TransportResponse = {
          status: res.statusCode ?? 0,
          headers: responseHeaders(res.headers),
          body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks),
        }
        if (answer.headers['content-encoding'] === undefined || answer.body.length === 0) resolve(answer)
        else decodeAnswer(request, answer, limit).then(resolve, reject)
      }
      res.on('data', onData)
      res.on('error', fail)
      res.on('end', onEnd)
    }
    function onUnusual(res: HttpModule.IncomingMessage): void {
      release(deadline, signal, onAbort)
      if (isRedirect(res)) {
        const from: Hop = { method, url, headers, body }
        redirect(request, from, redirects, res, timeout, startedAt, resolve, reject)
      } else reject(tooLarge(request, res, limit))
    }
    function fail(error: unknown): void {
      release(deadline, signal, onAbort)
      reject(error)
    }
    try {
      const slash = pathStartOf(url)
      const origin = originOf(slash === -1 ? url : sliceOf(url, 0, slash))
      // The same options and header shapes as a hand-written `http.request` call: Node's request
      // code then takes the paths (and gets optimised when) a plain caller's does.
      let sent = withEncoding(headers)
      if (body !== undefined) sent = { ...sent, 'content-length': String(Buffer.byteLength(body)) }
      const target: HttpModule.RequestOptions = {
        protocol: origin.protocol,
        hostname: origin.hostname,
        port: origin.port,
        // A URL cut before a `/` that is not its path's (no path, or a query after the host) is parsed.
        path: slash !== -1 && origin.cut ? requestPathAt(url, slash) : requestPathOf(url),
        method,
        headers: sent,
      }
      if (origin.auth !== undefined) target.auth = origin.auth
      if (origin.secure) {
        const tls = loadHttps()
        httpsAgent ??= new tls.Agent(tlsOptions)
        target.agent = httpsAgent
        req = tls.request(target, onResponse)
      } else {
        target.agent = httpAgent
        req = http.request(target, onResponse)
      }
    } catch (error) {
      reject(error)
      return
    }
    // Redirects share the attempt's timeout: each hop gets what is left of it.
    const deadline =
      timeout === undefined
        ? undefined
        : deadlines.start(timeout, () => req.destroy(new TransportTimeoutError(request.timeout!)))
    const startedAt = deadline === undefined ? 0 : deadline.at - timeout!
    const onAbort = signal === undefined ? undefined : () => req.destroy(signal.reason)
    if (onAbort !== undefined) signal!.addEventListener('abort', onAbort, { once: true })
    req.on('error', fail)
    req.end(body)
  }

  /** Ends a hop's timer and abort listener (a function of the transport, not a closure per request). */
  function release(
    deadline: Deadline | undefined,
    signal: AbortSignal | undefined,
    onAbort: (() => void) | undefined,
  ): void {
    if (deadline !== undefined) deadlines.cancel(deadline)
    if (onAbort !== undefined) signal!.removeEventListener('abort', onAbort)
  }

  /** Starts the next hop of a redirect, or rejects with the error that ends it (final: the same request would loop again). */
  function redirect(
    request: TransportRequest,
    from: Hop,
    redirects: number,
    res: HttpModule.IncomingMessage,
    timeout: number | undefined,
    startedAt: number,
    resolve: (answer: TransportResponse) => void,
    reject: (error: unknown) => void,
  ): void {
    res.resume()
    const status = res.statusCode ?? 0
    const left = timeout === undefined ? undefined : timeout - (monotonicNow() - startedAt)
    const location = res.headers.location!
    let hop: Hop
    try {
      hop = redirectHop(request, from, status, location, redirects, maxRedirects, 'createNodeTransport')
    } catch (error) {
      reject(error)
      return
    }
    if (left !== undefined && left <= 0) {
      reject(new TransportTimeoutError(request.timeout!))
      return
    }
    const next = left === undefined ? undefined : Math.max(1, Math.ceil(left))
    start(request, hop.method, hop.url, hop.headers, hop.body, redirects + 1, next, resolve, reject)
  }
}

/** The answer with its body decoded (`content-encoding`), within `limit` bytes once decoded. */
function decodeAnswer(
  request: TransportRequest,
  answer: TransportResponse,
  limit: number,
): Promise<TransportResponse> {
  return decode(answer.headers['content-encoding']!, answer.body as Buffer, limit).then(
    (decoded) => ({ status: answer.status, headers: answer.headers, body: decoded }),
    (error: unknown) => {
      throw (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE'
        ? new ResponseTooLargeError(request.method, request.url, limit, answer.status)
        : error
    },
  )
}

function isRedirect(res: HttpModule.IncomingMessage): boolean {
  return REDIRECTS.has(res.statusCode ?? 0) && res.headers.location !== undefined
}

/** A redirect, or an answer announcing more bytes than `limit` (refused before reading a byte). */
function isUnusual(res: HttpModule.IncomingMessage, limit: number): boolean {
  const announced = res.headers['content-length']
  return isRedirect(res) || (announced !== undefined && Number(announced) > limit)
}

/** Ends an answer that is too large, and the error that says so. */
function tooLarge(
  request: TransportRequest,
  res: HttpModule.IncomingMessage,
  limit: number,
): ResponseTooLargeError {
  res.destroy()
  return new ResponseTooLargeError(request.method, request.url, limit, res.statusCode ?? 0)
}

/** Where requests to one origin go, parsed once (`http.request(url)` parses a WHATWG URL per call). */
interface Origin {
  readonly secure: boolean
  readonly protocol: string
  /** Without IPv6 brackets, as `http.request` wants it. */
  readonly hostname: string
  readonly port: string
  /** `user:password` from the URL, decoded, as Node's `auth` option takes it. */
  readonly auth: string | undefined
  /** The text ends where the host does, so the URL's path follows it (see `endsAtHost`). */
  readonly cut: boolean
}

const origins = new Map<string, Origin>()

function originOf(text: string): Origin {
  let origin = origins.get(text)
  if (origin === undefined) {
    const url = new URL(text)
    origin = {
      secure: url.protocol === 'https:',
      protocol: url.protocol,
      hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
      port: url.port,
      auth:
        url.username === '' && url.password === ''
          ? undefined
          : `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`,
      cut: endsAtHost(text),
    }
    if (origins.size > 64) origins.clear()
    origins.set(text, origin)
  }
  return origin
}

/**
 * Node's own header object, without its prototype (so no inherited names read as headers), and
 * `set-cookie`, the one header Node keeps as an array, joined like the others.
 */
function responseHeaders(incoming: HttpModule.IncomingHttpHeaders): Record<string, string> {
  const cookies = incoming['set-cookie']
  if (cookies !== undefined) (incoming as Record<string, string>)['set-cookie'] = cookies.join(', ')
  return Object.setPrototypeOf(incoming, null) as Record<string, string>
}

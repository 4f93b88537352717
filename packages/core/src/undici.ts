/**
 * `@maxclient/core/undici`: an optional transport on undici's `Pool`, for long-running services that
 * want more throughput than `node:http` gives. undici is an optional peer dependency, loaded only
 * when {@link createUndiciTransport} is called.
 * @packageDocumentation
 */
import type { Dispatcher, Pool } from 'undici'
import { type Deadline, Deadlines } from './deadlines.js'
import { RequestError, ResponseTooLargeError, redactUrl, UsageError } from './errors.js'
import { isFormData } from './form-data.js'
import {
  checkSocketOptions,
  decode,
  encodeMultipart,
  endsAtHost,
  pathStartOf,
  REDIRECTS,
  redirectHop,
  requestPathAt,
  sliceOf,
  withEncoding,
} from './http-common.js'
import { DEFAULT_MAX_RESPONSE_SIZE } from './limits.js'
import { isMultipartBody } from './multipart.js'
import type { Transport, TransportRequest, TransportResponse } from './transport.js'
import { markReadsHeadersOnly, TransportTimeoutError, withTimeoutSupport } from './transport.js'

/** Options of {@link createUndiciTransport}. */
export interface UndiciTransportOptions {
  /** Connections per origin. Default: unlimited, as `node:http`'s own default. */
  connections?: number
  /**
   * Requests sent on one connection before their answers arrive (HTTP pipelining), 1 to 100.
   * Default 1: most servers and proxies handle pipelining badly; raise it only for one that does not.
   */
  pipelining?: number
  /**
   * `false` turns OFF TLS certificate verification. Only for servers with self-signed certificates
   * you trust; prefer `ca`.
   */
  rejectUnauthorized?: boolean
  /** Extra trusted CA certificates (PEM). */
  ca?: string | Uint8Array | Array<string | Uint8Array>
  /** Redirects followed before failing with a (never retried) `RequestError`. Default 5, 0 to 100. */
  maxRedirects?: number
}

/** A {@link Transport} that holds connections until `close()` is called. */
export type ClosableTransport = Transport & {
  /**
   * Closes every pool of the transport: requests in flight finish, idle connections close, and a
   * request made afterwards fails with a `UsageError`.
   */
  close(): Promise<void>
}

/** Origins (each with its `Pool`) one transport keeps; past it the oldest pool is closed. */
const MAX_POOLS = 32
const OPTION_KEYS = new Set(['connections', 'pipelining', 'rejectUnauthorized', 'ca', 'maxRedirects'])
const FACTORY = 'createUndiciTransport'
const INSTALL = 'npm install undici@^7'

type Undici = typeof import('undici')
let undici: Undici | undefined

/** undici, found next to this package; a `UsageError` saying how to install it when it is not there. */
function loadUndici(): Undici {
  if (undici !== undefined) return undici
  // A `require` from this file's own place (`__filename` in the CommonJS build, the module URL in
  // the ESM one), so undici resolves next to this package. Loading is synchronous: a missing
  // package is a clear error here, not a failed import.
  const here = typeof __filename === 'string' ? __filename : import.meta.url
  const load = process.getBuiltinModule('node:module').createRequire(here)
  let version: string
  try {
    version = (load('undici/package.json') as { version: string }).version
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'MODULE_NOT_FOUND') throw error
    throw new UsageError(
      `${FACTORY} needs the undici package (an optional peer dependency of @maxclient/core), which is not installed: ${INSTALL}`,
      { cause: error },
    )
  }
  const major = Number.parseInt(version, 10)
  if (!(major >= 7 && major <= 8)) {
    throw new UsageError(`${FACTORY} needs undici 7 or 8, found ${version}: ${INSTALL}`)
  }
  undici = load('undici') as Undici
  return undici
}

/**
 * A {@link Transport} on undici's `Pool`: one pool of keep-alive connections per origin (at most
 * 32 origins), shared by every request of this transport. Same contract as `createNodeTransport`:
 * it asks for gzip/deflate and decodes it (gzip, deflate, br) within `request.maxResponseSize`,
 * follows redirects (bounded; credentials are dropped when the origin changes), honours
 * `request.signal` and `request.timeout`, and sends `FormData` and `MultipartBody` as multipart.
 *
 * Needs the `undici` package (7 or 8), an optional peer dependency: `npm install undici@^7`.
 * Call `close()` when done, so the process can exit without waiting for idle connections.
 *
 * @example
 * ```ts
 * import { createUndiciTransport } from '@maxclient/core/undici'
 * const transport = createUndiciTransport({ connections: 64 })
 * const max = new MaxCore(url, { transport })
 * // ...
 * await transport.close()
 * ```
 * @throws {@link UsageError} for a bad option, or when undici is not installed.
 */
export function createUndiciTransport(options: UndiciTransportOptions = {}): ClosableTransport {
  const maxRedirects = checkSocketOptions(FACTORY, options)
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) {
      throw new UsageError(
        `${FACTORY}: unknown option ${JSON.stringify(key)}; known: ${[...OPTION_KEYS].join(', ')}`,
      )
    }
  }
  const { connections, pipelining = 1, ca } = options
  if (connections !== undefined && !(Number.isInteger(connections) && connections > 0)) {
    throw new UsageError(`connections must be a positive integer, got ${String(connections)}`)
  }
  if (!(Number.isInteger(pipelining) && pipelining >= 1 && pipelining <= 100)) {
    throw new UsageError(`pipelining must be an integer from 1 to 100, got ${String(pipelining)}`)
  }
  const isPem = (value: unknown) => typeof value === 'string' || value instanceof Uint8Array
  if (ca !== undefined && !(isPem(ca) || (Array.isArray(ca) && ca.every(isPem)))) {
    throw new UsageError('ca must be a PEM string or bytes, or an array of them')
  }
  const { Pool } = loadUndici()
  // Our own timer bounds the whole attempt; undici's per-phase timeouts would cut a `timeout: 0` call.
  const plain: Pool.Options = {
    connections: connections ?? null,
    pipelining,
    headersTimeout: 0,
    bodyTimeout: 0,
  }
  const tls: Pool.Options = { ...plain, connect: {} }
  // Verification stays on unless the caller explicitly writes `rejectUnauthorized: false`.
  if (options.rejectUnauthorized === false) tls.connect = { rejectUnauthorized: false }
  if (ca !== undefined) tls.connect = { ...tls.connect, ca: ca as string | Buffer | Array<string | Buffer> }

  const state: PoolState = {
    pools: new Map(),
    closed: false,
    maxRedirects,
    deadlines: new Deadlines(),
    pool(origin: string): Pool {
      if (state.closed) throw new UsageError(`this ${FACTORY} transport was closed; create a new one`)
      const whole = new URL(origin)
      if (whole.protocol !== 'http:' && whole.protocol !== 'https:') {
        throw new UsageError(
          `${FACTORY} sends only http: and https: URLs, got ${JSON.stringify(whole.protocol)}`,
        )
      }
      if (whole.username !== '' || whole.password !== '') {
        throw new UsageError(`${FACTORY} does not send URLs with credentials; use the basicAuth option`)
      }
      if (state.pools.size >= MAX_POOLS) {
        // The oldest origin goes; its requests in flight still finish.
        const [oldest, evicted] = state.pools.entries().next().value as [string, Pool]
        state.pools.delete(oldest)
        evicted.close().catch(() => {})
      }
      const pool = new Pool(whole.origin, whole.protocol === 'https:' ? tls : plain)
      state.pools.set(origin, pool)
      return pool
    },
  }

  const send = (request: TransportRequest): Promise<TransportResponse> => {
    if (isFormData(request.body) || isMultipartBody(request.body)) {
      return encodeMultipart(request, request.body).then((encoded) =>
        start(state, request, encoded.headers, encoded.body, encoded.timeout),
      )
    }
    return start(state, request, request.headers, request.body, request.timeout)
  }
  // undici reads the headers it is given and never changes them.
  const transport = markReadsHeadersOnly(withTimeoutSupport(send)) as ClosableTransport
  transport.close = async () => {
    state.closed = true
    const pools = [...state.pools.values()]
    state.pools.clear()
    await Promise.all(pools.map((pool) => pool.close()))
  }
  return transport
}

interface PoolState {
  /** Origin as written in the URL (scheme, authority) -> its pool. */
  pools: Map<string, Pool>
  closed: boolean
  maxRedirects: number
  /** Timeouts of the requests in flight: one timer per timeout length, not one per request. */
  deadlines: Deadlines
  /** A new pool for `origin`, made when it has none (throws a `UsageError` for an unusable one). */
  pool(origin: string): Pool
}

function start(
  state: PoolState,
  request: TransportRequest,
  headers: Record<string, string>,
  body: string | Uint8Array | undefined,
  timeout: number | undefined,
): Promise<TransportResponse> {
  const signal = request.signal
  if (signal?.aborted) return Promise.reject(signal.reason)
  const exchange = new Exchange(state, request, headers, body)
  return new Promise<TransportResponse>((resolve, reject) => {
    exchange.resolve = resolve
    exchange.reject = reject
    // Redirects share the attempt's timer and signal: no closure, the exchange is the listener.
    if (timeout !== undefined) exchange.deadline = state.deadlines.start(timeout, () => expire(exchange))
    if (signal !== undefined) signal.addEventListener('abort', exchange)
    exchange.send()
  })
}

function expire(exchange: Exchange): void {
  exchange.fail(new TransportTimeoutError(exchange.request.timeout!))
}

/**
 * One attempt, across its redirects: the undici dispatch handler, the abort listener and the
 * promise's state in one object (no closures per request).
 */
class Exchange implements Dispatcher.DispatchHandler {
  resolve!: (response: TransportResponse) => void
  reject!: (error: unknown) => void
  deadline: Deadline | undefined = undefined
  /** Settled (answered, failed or aborted): later callbacks of undici are ignored. */
  done = false
  /** Why it stopped before undici started the request; the request is aborted when it starts. */
  reason: Error | undefined = undefined
  controller: Dispatcher.DispatchController | null = null
  method: string
  url: string
  redirects = 0
  status = 0
  /** The `Location` of a redirect answer, followed once its body is drained. */
  location: string | undefined = undefined
  headersOut: Record<string, string> | undefined = undefined
  chunks: Buffer[] = []
  received = 0
  readonly limit: number

  constructor(
    readonly state: PoolState,
    readonly request: TransportRequest,
    public headers: Record<string, string>,
    public body: string | Uint8Array | undefined,
  ) {
    this.method = request.method
    this.url = request.url
    this.limit = request.maxResponseSize ?? DEFAULT_MAX_RESPONSE_SIZE
  }

  /** Dispatches the current hop on its origin's pool. */
  send(): void {
    const url = this.url
    // A URL is not parsed per request: the origin is cut from the string (as node-transport does).
    const slash = pathStartOf(url)
    let origin = slash === -1 ? url : sliceOf(url, 0, slash)
    let path = slash === -1 ? '/' : requestPathAt(url, slash)
    let pool = this.state.pools.get(origin)
    if (pool === undefined) {
      try {
        if (slash === -1 || !endsAtHost(origin)) {
          // No path, or a query or fragment right after the host (`http://h?x`): parsed.
          const whole = new URL(url)
          const cut = whole.href.indexOf('/', whole.protocol.length + 2)
          origin = cut === -1 ? whole.href : whole.href.slice(0, cut)
          path = whole.pathname + whole.search
        }
        pool = this.state.pools.get(origin) ?? this.state.pool(origin)
      } catch (error) {
        // Before sending, the caller's URL was wrong; after a redirect, the server's answer was.
        const { request } = this
        this.fail(
          this.redirects === 0
            ? error
            : new RequestError(`${request.method} ${redactUrl(request.url)}: ${(error as Error).message}`, {
                status: this.status,
                method: request.method,
                url: request.url,
                cause: error,
              }),
        )
        return
      }
    }
    const headers = this.headers
    pool.dispatch(
      {
        method: this.method,
        path,
        headers: withEncoding(headers),
        body: this.body ?? null,
      },
      this,
    )
  }

  /** Settles with `error`, aborting the request (its connection is closed, never reused half-read). */
  fail(error: unknown): void {
    if (this.done) return
    this.cleanup()
    const controller = this.controller
    const reason = error instanceof Error ? error : new Error('request aborted')
    if (controller === null) this.reason = reason
    else {
      this.controller = null
      controller.abort(reason)
    }
    this.reject(error)
  }

  cleanup(): void {
    this.done = true
    if (this.deadline !== undefined) this.state.deadlines.cancel(this.deadline)
    this.request.signal?.removeEventListener('abort', this)
  }

  /** The caller's signal. */
  handleEvent(): void {
    this.fail(this.request.signal!.reason)
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    if (this.done) {
      // Aborted while queued for a connection. Throwing (undici catches it) drops the request
      // before it is written; `controller.abort` would also destroy the idle connection.
      throw this.reason ?? new Error('request aborted')
    }
    this.controller = controller
  }

  onResponseStart(
    _controller: Dispatcher.DispatchController,
    status: number,
    headers: Record<string, string | string[] | undefined>,
  ): void {
    // 1xx answers are interim: the real one follows.
    if (this.done || status < 200) return
    this.status = status
    const location = headers.location
    if (REDIRECTS.has(status) && location !== undefined) {
      this.location = typeof location === 'string' ? location : location[0]
      return
    }
    // A too-large announced size is refused before reading a byte.
    const announced = headers['content-length']
    if (announced !== undefined && Number(announced) > this.limit) {
      this.fail(this.tooLarge())
      return
    }
    const out: Record<string, string> = Object.create(null)
    for (const name in headers) {
      const value = headers[name]
      if (value !== undefined) out[name] = typeof value === 'string' ? value : value.join(', ')
    }
    this.headersOut = out
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.done) return
    this.received += chunk.length
    if (this.received > this.limit) {
      this.chunks.length = 0
      this.fail(this.tooLarge())
    } else if (this.location === undefined) this.chunks.push(chunk)
  }

  onResponseEnd(): void {
    if (this.done) return
    this.controller = null
    const location = this.location
    if (location !== undefined) {
      this.follow(location)
      return
    }
    this.cleanup()
    const chunks = this.chunks
    const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
    const headers = this.headersOut!
    const status = this.status
    const encoding = headers['content-encoding']
    if (encoding === undefined || raw.length === 0) {
      this.resolve({ status, headers, body: raw })
      return
    }
    decode(encoding, raw, this.limit).then(
      (decoded) => this.resolve({ status, headers, body: decoded }),
      (error: unknown) =>
        this.reject((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE' ? this.tooLarge() : error),
    )
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    if (this.done) return
    this.controller = null
    this.fail(error)
  }

  /** The next hop of a redirect, on the same timer and signal; its drained connection is back in the pool. */
  follow(location: string): void {
    let hop: ReturnType<typeof redirectHop>
    try {
      hop = redirectHop(
        this.request,
        this,
        this.status,
        location,
        this.redirects,
        this.state.maxRedirects,
        FACTORY,
      )
    } catch (error) {
      this.fail(error)
      return
    }
    this.redirects++
    this.method = hop.method
    this.url = hop.url
    this.headers = hop.headers
    this.body = hop.body
    this.location = undefined
    this.received = 0
    this.send()
  }

  tooLarge(): ResponseTooLargeError {
    return new ResponseTooLargeError(this.request.method, this.request.url, this.limit, this.status)
  }
}

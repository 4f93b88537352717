/**
 * What the two socket transports (`node:http` and undici's `Pool`) share: option checks,
 * multipart encoding, redirect rules and decoding within a size limit.
 */
import type zlib from 'node:zlib'
import { RequestError, redactUrl, UsageError } from './errors.js'
import { isFormData } from './form-data.js'
import { DEFAULT_MAX_REDIRECTS } from './limits.js'
import type { MultipartBody } from './multipart.js'
import { type TransportRequest, TransportTimeoutError } from './transport.js'
import { preview } from './values.js'

// Called through String.prototype, not on the string: V8 keys a method call's feedback on the
// receiver's map, and a URL built by concatenation changes map when a garbage collection shortens
// it. That happened at a random request and restarted the transport's count towards optimisation
// (bench/README.md, "Instructions per request").
const { indexOf: indexOfText, slice: sliceText } = String.prototype

/** Where an absolute URL's path starts (its first `/` after `//`), or -1 when it has none. */
export function pathStartOf(url: string): number {
  return indexOfText.call(url, '/', indexOfText.call(url, '//') + 2)
}

/**
 * True when `origin`, a URL cut before the `/` {@link pathStartOf} found, ends where its host does.
 * A host also ends at `\`, `?` or `#` (WHATWG URL, special schemes): `http://h?next=/x` cut at its
 * `/` gives `http://h?next=`, and that URL is parsed instead.
 */
export function endsAtHost(origin: string): boolean {
  return !/[\\?#]/.test(origin)
}

/**
 * The request path (path and query, no fragment) of an absolute URL, parsed: for the URLs that
 * {@link pathStartOf} cannot cut (see {@link endsAtHost}), or that have no path.
 */
export function requestPathOf(url: string): string {
  const whole = new URL(url)
  return whole.pathname + whole.search
}

/**
 * The request path (path and query) of an absolute URL whose path starts at `slash`: the text up to
 * a fragment, which stays with the client and is never part of a request.
 */
export function requestPathAt(url: string, slash: number): string {
  const hash = indexOfText.call(url, '#', slash)
  return hash === -1 ? sliceText.call(url, slash) : sliceText.call(url, slash, hash)
}

/** `text.slice(from, to)`, with feedback that does not depend on how the string is stored. */
export function sliceOf(text: string, from: number, to?: number): string {
  return sliceText.call(text, from, to)
}

/** Statuses whose `Location` is followed. */
export const REDIRECTS = new Set([301, 302, 303, 307, 308])
/** Headers dropped when a redirect leaves the origin. */
export const CREDENTIAL_HEADERS = [
  'authorization',
  'x-oauth-token',
  'x-oauth-username',
  'x-oauth-scope',
  'cookie',
]

/**
 * Checks the options both socket transports take; returns `maxRedirects` with its default.
 * `factory` names the function in the messages.
 */
export function checkSocketOptions(
  factory: string,
  options: { maxRedirects?: number | undefined; rejectUnauthorized?: boolean | undefined },
): number {
  if (typeof options !== 'object' || options === null) {
    throw new UsageError(`${factory}(options): options must be an object`)
  }
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS
  if (!Number.isInteger(maxRedirects) || maxRedirects < 0 || maxRedirects > 100) {
    throw new UsageError(`maxRedirects must be an integer from 0 to 100, got ${String(options.maxRedirects)}`)
  }
  if (options.rejectUnauthorized !== undefined && typeof options.rejectUnauthorized !== 'boolean') {
    throw new UsageError('rejectUnauthorized must be true or false')
  }
  return maxRedirects
}

/** A multipart body as the bytes to send. */
export interface EncodedBody {
  /** The request's headers with the body's `content-type`. */
  headers: Record<string, string>
  body: Uint8Array
  /** What is left of `request.timeout` for sending it (reading its streams took the rest). */
  timeout: number | undefined
}

/** A `FormData` or `MultipartBody` as bytes with its content type, read within the attempt's signal and timeout. */
export async function encodeMultipart(
  request: TransportRequest,
  form: FormData | MultipartBody,
): Promise<EncodedBody> {
  if (isFormData(form)) {
    // Response serialises FormData to multipart bytes with a matching boundary.
    const encoded = new Response(form)
    const body = new Uint8Array(await encoded.arrayBuffer())
    const headers = { ...request.headers, 'content-type': encoded.headers.get('content-type')! }
    return { headers, body, timeout: request.timeout }
  }
  // Reading the streams is part of the attempt: it stops at the caller's signal and the timeout,
  // and the request gets what is left of the timeout.
  const { timeout } = request
  const startedAt = Date.now()
  const timer = new AbortController()
  const handle =
    timeout === undefined
      ? undefined
      : setTimeout(() => timer.abort(new TransportTimeoutError(timeout)), timeout)
  const signal = request.signal === undefined ? timer.signal : AbortSignal.any([request.signal, timer.signal])
  let body: Uint8Array
  try {
    body = await form.bytes({ signal })
  } finally {
    clearTimeout(handle)
  }
  const left = timeout === undefined ? undefined : Math.max(1, timeout - (Date.now() - startedAt))
  return { headers: { ...request.headers, 'content-type': form.contentType }, body, timeout: left }
}

/** One request on the wire: the original one or a redirect's. */
export interface Hop {
  method: string
  url: string
  headers: Record<string, string>
  body: string | Uint8Array | undefined
}

/**
 * The request a redirect leads to: 303, and 301/302 after a POST, become a GET without body or
 * content type (HEAD stays HEAD); credentials are dropped when the origin changes. Throws a final
 * `RequestError` past `maxRedirects` (the same request would take the same path again) or for a
 * `Location` that is no URL.
 */
export function redirectHop(
  request: TransportRequest,
  from: Hop,
  status: number,
  location: string,
  redirects: number,
  maxRedirects: number,
  factory: string,
): Hop {
  if (redirects >= maxRedirects) {
    throw new RequestError(
      `${request.method} ${redactUrl(request.url)}: too many redirects (more than ${maxRedirects}); see the maxRedirects option of ${factory}`,
      { status, method: request.method, url: request.url },
    )
  }
  let next: URL
  try {
    next = new URL(location, from.url)
  } catch {
    throw new RequestError(
      `${request.method} ${redactUrl(from.url)} redirected to an invalid location ${JSON.stringify(preview(location))}`,
      { status, method: request.method, url: request.url },
    )
  }
  // The fragment stays with the client: it is never part of a request.
  next.hash = ''
  const hop: Hop = { method: from.method, url: next.href, headers: from.headers, body: from.body }
  if (status === 303 || ((status === 301 || status === 302) && from.method === 'POST')) {
    hop.method = from.method === 'HEAD' ? 'HEAD' : 'GET'
    hop.body = undefined
    hop.headers = without(hop.headers, ['content-type'])
  }
  if (next.origin !== new URL(from.url).origin) hop.headers = without(hop.headers, CREDENTIAL_HEADERS)
  return hop
}

/** A copy of `headers` without `names`. */
export function without(headers: Record<string, string>, names: readonly string[]): Record<string, string> {
  const copy = { ...headers }
  for (const name of names) delete copy[name]
  return copy
}

const ACCEPT_ENCODING = 'gzip, deflate'
/** The encoded-answer variant of each frozen header object (the client's shared per-client headers). */
const withEncodings = new WeakMap<object, Record<string, string>>()

/**
 * `headers` asking for a compressed answer, unless they say otherwise. Frozen header objects are
 * shared by many requests, so their variant is made once; others are copied (never changed).
 */
export function withEncoding(headers: Record<string, string>): Record<string, string> {
  if (headers['accept-encoding'] !== undefined) return headers
  if (!Object.isFrozen(headers)) return { ...headers, 'accept-encoding': ACCEPT_ENCODING }
  let variant = withEncodings.get(headers)
  if (variant === undefined) {
    variant = Object.freeze({ ...headers, 'accept-encoding': ACCEPT_ENCODING })
    withEncodings.set(headers, variant)
  }
  return variant
}

type Decompress = (raw: Buffer, options: zlib.ZlibOptions | zlib.BrotliOptions) => Promise<Buffer>
let decompressors:
  | { gunzip: Decompress; inflate: Decompress; inflateRaw: Decompress; brotli: Decompress; maxLength: number }
  | undefined
// `node:zlib` loads on the first compressed answer: a plain call never needs it.
const loadDecompressors = () => {
  if (decompressors === undefined) {
    const z: typeof zlib = process.getBuiltinModule('node:zlib')
    const { promisify } = process.getBuiltinModule('node:util')
    decompressors = {
      gunzip: promisify(z.gunzip) as Decompress,
      inflate: promisify(z.inflate) as Decompress,
      inflateRaw: promisify(z.inflateRaw) as Decompress,
      brotli: promisify(z.brotliDecompress) as Decompress,
      maxLength: process.getBuiltinModule('node:buffer').constants.MAX_LENGTH,
    }
  }
  return decompressors
}

/** Decompresses `raw`, failing with `ERR_BUFFER_TOO_LARGE` past `limit` bytes (a zip bomb stops there). */
export async function decode(encoding: string, raw: Buffer, limit: number): Promise<Buffer> {
  const z = loadDecompressors()
  const options = { maxOutputLength: Math.min(limit + 1, z.maxLength) }
  switch (encoding.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return checked(await z.gunzip(raw, options), limit)
    case 'deflate': {
      // Some servers send raw deflate without the zlib wrapper.
      const inflated = await z.inflate(raw, options).catch((error: { code?: unknown }) => {
        if (error.code === 'ERR_BUFFER_TOO_LARGE') throw error
        return z.inflateRaw(raw, options)
      })
      return checked(inflated, limit)
    }
    case 'br':
      return checked(await z.brotli(raw, options), limit)
    case 'identity':
      return raw
    default:
      throw new Error(`unsupported content-encoding ${JSON.stringify(encoding)}`)
  }
}

function checked(body: Buffer, limit: number): Buffer {
  if (body.length > limit)
    throw Object.assign(new RangeError('decompressed body too large'), { code: 'ERR_BUFFER_TOO_LARGE' })
  return body
}

import { RequestError, ResponseTooLargeError, redactUrl, UsageError } from './errors.js'
import { DEFAULT_MAX_RESPONSE_SIZE } from './limits.js'
import { isMultipartBody } from './multipart.js'
import {
  type Transport,
  type TransportRequest,
  type TransportResponse,
  TransportTimeoutError,
  withTimeoutSupport,
} from './transport.js'
import { joinBytes } from './values.js'

/** A `fetch` function, or an in-process handler taking one `Request` and answering a `Response`. */
export type FetchLike = (request: Request) => Promise<Response>

/**
 * A {@link Transport} over the standard `fetch`. The function is always called with ONE argument,
 * a `Request`, so a real `fetch` (undici, a proxy-aware fetch) and an in-process
 * `(request: Request) => Promise<Response>` handler both work. Without an argument the global
 * `fetch` is looked up at call time, so polyfills and interceptors installed later are seen.
 *
 * Redirects are followed (the fetch limit of 20 applies; reaching it is a never-retried
 * `RequestError`) and gzip/deflate/br bodies are decoded by fetch. The body is read within
 * `request.maxResponseSize`, counted after decoding, so a compression bomb stops at the limit.
 */
export function createFetchTransport(fetch?: FetchLike | typeof globalThis.fetch): Transport {
  if (fetch !== undefined && typeof fetch !== 'function') {
    throw new UsageError(`createFetchTransport(fetch): expected a function, got ${typeof fetch}`)
  }
  const call = fetch as FetchLike | undefined
  return withTimeoutSupport(async (request: TransportRequest): Promise<TransportResponse> => {
    const fetchFn: FetchLike = call ?? (globalThis.fetch as FetchLike)
    let signal = request.signal
    let timer: ReturnType<typeof setTimeout> | undefined
    // A Request follows its signal only while the Request is alive (undici holds the link weakly).
    // An in-process handler waiting on nothing but that signal is otherwise collectable, so the
    // timer keeps it reachable until it fires or is cleared.
    let outgoing: Request | undefined
    if (request.timeout !== undefined) {
      const controller = new AbortController()
      const timeout = request.timeout
      signal = signal === undefined ? controller.signal : AbortSignal.any([signal, controller.signal])
      const held = signal
      timer = setTimeout(() => {
        controller.abort(new TransportTimeoutError(timeout))
        void [outgoing, held]
      }, timeout)
    }
    try {
      const init: RequestInit = { method: request.method, headers: request.headers, redirect: 'follow' }
      const payload = request.body
      if (isMultipartBody(payload)) {
        // Read within the timeout and signal, like the rest of the attempt.
        init.body = await payload.bytes({ signal })
        init.headers = { ...request.headers, 'content-type': payload.contentType }
      } else if (payload !== undefined) init.body = payload as BodyInit
      if (signal !== undefined) init.signal = signal
      outgoing = new Request(request.url, init)
      const response = await fetchFn(outgoing)
      const headers: Record<string, string> = Object.create(null)
      response.headers.forEach((value, name) => {
        // set-cookie comes once per value; join like every other repeated header.
        const previous = headers[name]
        headers[name] = previous === undefined ? value : `${previous}, ${value}`
      })
      const limit = request.maxResponseSize ?? DEFAULT_MAX_RESPONSE_SIZE
      const body = await readBody(response, limit, () => {
        throw new ResponseTooLargeError(request.method, request.url, limit, response.status)
      })
      return { status: response.status, headers, body }
    } catch (error) {
      // fetch rejects with the abort reason; surface the timeout as such.
      if (signal?.aborted && signal.reason instanceof TransportTimeoutError) throw signal.reason
      if (isRedirectLimit(error)) {
        // Final: the same request would loop the same way.
        throw new RequestError(
          `${request.method} ${redactUrl(request.url)}: too many redirects (fetch follows at most 20)`,
          { status: 0, method: request.method, url: request.url, cause: error },
        )
      }
      throw error
    } finally {
      if (timer !== undefined) clearTimeout(timer)
    }
  })
}

/** The body bytes, refusing more than `limit` (announced or counted while reading). */
async function readBody(response: Response, limit: number, tooLarge: () => never): Promise<Uint8Array> {
  const announced = response.headers.get('content-length')
  if (announced !== null && Number(announced) > limit) {
    await response.body?.cancel().catch(() => {})
    tooLarge()
  }
  // An announced, uncompressed length within the limit cannot grow: one read.
  if (response.body === null || (announced !== null && !response.headers.has('content-encoding'))) {
    return new Uint8Array(await response.arrayBuffer())
  }
  const reader = response.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.length
    if (total > limit) {
      await reader.cancel().catch(() => {})
      tooLarge()
    }
    chunks.push(value)
  }
  if (chunks.length === 1) return chunks[0]!
  return joinBytes(chunks, total)
}

function isRedirectLimit(error: unknown): boolean {
  const cause = (error as { cause?: { message?: unknown } } | null)?.cause
  return typeof cause?.message === 'string' && /redirect count exceeded/i.test(cause.message)
}

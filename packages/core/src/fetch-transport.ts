import { UsageError } from './errors.js'
import {
  type Transport,
  type TransportRequest,
  type TransportResponse,
  TransportTimeoutError,
  withTimeoutSupport,
} from './transport.js'

/** A `fetch` function, or an in-process handler taking one `Request` and answering a `Response`. */
export type FetchLike = (request: Request) => Promise<Response>

/**
 * A {@link Transport} over the standard `fetch`. The function is always called with ONE argument,
 * a `Request`, so a real `fetch` (undici, a proxy-aware fetch) and an in-process
 * `(request: Request) => Promise<Response>` handler both work. Without an argument the global
 * `fetch` is looked up at call time, so polyfills and interceptors installed later are seen.
 *
 * Redirects are followed (the fetch limit of 20 applies) and gzip/deflate bodies are decoded by fetch.
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
      if (request.body !== undefined) init.body = request.body as BodyInit
      if (signal !== undefined) init.signal = signal
      outgoing = new Request(request.url, init)
      const response = await fetchFn(outgoing)
      const headers: Record<string, string> = Object.create(null)
      response.headers.forEach((value, name) => {
        // set-cookie comes once per value; join like every other repeated header.
        const previous = headers[name]
        headers[name] = previous === undefined ? value : `${previous}, ${value}`
      })
      const body = new Uint8Array(await response.arrayBuffer())
      return { status: response.status, headers, body }
    } catch (error) {
      // fetch rejects with the abort reason; surface the timeout as such.
      if (signal?.aborted && signal.reason instanceof TransportTimeoutError) throw signal.reason
      throw error
    } finally {
      if (timer !== undefined) clearTimeout(timer)
    }
  })
}

import type { MultipartBody } from './multipart.js'

/** One HTTP request as a transport receives it. */
export interface TransportRequest {
  /** Upper-case method. */
  method: string
  /** Absolute URL, already encoded. */
  url: string
  /** Lower-case header names. */
  headers: Record<string, string>
  /** A {@link MultipartBody} is sent as `await body.bytes()` with its `contentType`. */
  body?: string | Uint8Array | FormData | MultipartBody
  /**
   * Cancels the request. For transports made by this package it is the caller's signal and the
   * timeout comes in `timeout`; for any other transport it already combines signal and timeout.
   */
  signal?: AbortSignal
  /**
   * Milliseconds before the transport must give up. Only set for transports that declare
   * support for it (the two built-in ones); see {@link supportsTimeout}.
   */
  timeout?: number
  /**
   * Largest body accepted, in bytes, on the wire and once decompressed. Transports should stop
   * reading beyond it and throw a `ResponseTooLargeError`; the client refuses a larger body anyway.
   */
  maxResponseSize?: number
}

/** One HTTP response as a transport returns it. */
export interface TransportResponse {
  status: number
  /** Lower-case names; repeated headers joined with `', '`. */
  headers: Record<string, string>
  /** Decompressed body bytes. */
  body: Uint8Array
}

/** The one small interface both built-in transports satisfy; inject your own to change how bytes travel. */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>

const TIMEOUT_SUPPORT = Symbol.for('@maxclient/core/transport-timeout')

/**
 * Marks a transport as enforcing `request.timeout` itself, so the client can skip building a
 * combined `AbortSignal` per request (cheaper on the hot path).
 */
export function withTimeoutSupport(transport: Transport): Transport {
  Object.defineProperty(transport, TIMEOUT_SUPPORT, { value: true })
  return transport
}

const READS_HEADERS_ONLY = Symbol.for('@maxclient/core/transport-reads-headers-only')

/**
 * Marks a built-in transport as never changing `request.headers`, so the client may hand every
 * request the same (frozen) header object instead of a copy. @internal
 */
export function markReadsHeadersOnly(transport: Transport): Transport {
  Object.defineProperty(transport, READS_HEADERS_ONLY, { value: true })
  return transport
}

/**
 * A built-in transport's request form that hands the answer (or the failure) to callbacks instead
 * of settling a promise: the client's pipeline then settles its own promise in the same turn, one
 * promise and one reaction less per request. The first call of either callback is the outcome; the
 * caller ignores any later one (an error after the answer, as a promise would). @internal
 */
export type AnswerTo = (
  request: TransportRequest,
  onAnswer: (response: TransportResponse) => void,
  onFailure: (error: unknown) => void,
) => void

const ANSWER_TO = Symbol.for('@maxclient/core/transport-answer-to')

/** Gives a built-in transport its {@link AnswerTo} form. @internal */
export function withAnswerTo(transport: Transport, answerTo: AnswerTo): Transport {
  Object.defineProperty(transport, ANSWER_TO, { value: answerTo })
  return transport
}

/** The {@link AnswerTo} form of a transport, when it has one. @internal */
export function answerToOf(transport: Transport): AnswerTo | undefined {
  const answerTo = (transport as unknown as Record<symbol, unknown>)[ANSWER_TO]
  return typeof answerTo === 'function' ? (answerTo as AnswerTo) : undefined
}

/** True for transports marked by {@link markReadsHeadersOnly}. @internal */
export function readsHeadersOnly(transport: Transport): boolean {
  return (transport as unknown as Record<symbol, unknown>)[READS_HEADERS_ONLY] === true
}

/** True when the transport enforces `request.timeout` itself. */
export function supportsTimeout(transport: Transport): boolean {
  return (transport as unknown as Record<symbol, unknown>)[TIMEOUT_SUPPORT] === true
}

const TRANSPORT_TIMEOUT = Symbol.for('@maxclient/core/TransportTimeoutError')

/**
 * Thrown by the built-in transports when `request.timeout` expires. The client turns it into a
 * {@link TimeoutError} carrying method and URL.
 */
export class TransportTimeoutError extends Error {
  /**
   * `instanceof` by brand: each CJS entry of this package carries its own copy of this class, and
   * the client must recognise the timeouts of a transport from another entry.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // Subclasses keep the ordinary prototype check.
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class right of `instanceof`, maybe a subclass.
    if (this !== TransportTimeoutError) return Function.prototype[Symbol.hasInstance].call(this, value)
    return typeof value === 'object' && value !== null && TRANSPORT_TIMEOUT in value
  }

  override name = 'TimeoutError'
  constructor(readonly timeout: number) {
    super(`request timed out after ${timeout} ms`)
  }
}
Object.defineProperty(TransportTimeoutError.prototype, TRANSPORT_TIMEOUT, { value: true })

import type { FetchLike } from './fetch-transport.js'
import type { HooksOption } from './hooks.js'
import type { HttpMethod, QueryParams } from './request.js'
import type { RetryOptions } from './retry.js'
import type { Transport } from './transport.js'

/** Options of a MAX client ({@link MaxCore} and its subclasses). */
export interface MaxClientOptions {
  /** OAuth server base URL. Discovered from `GET {url}/info` (`max.oauth_server`) when absent. */
  oauthServer?: string
  /** Username requests are made as (`X-Oauth-Username`). */
  actor?: string
  /** OAuth token (`X-Oauth-Token`). */
  token?: string
  /** OAuth scope (`X-Oauth-Scope`). Default `widgetcli`, the only one MAX accepts. */
  scope?: string
  /** `grant_type` sent by {@link MaxCore.login}. Default `password`. */
  grantType?: string
  /** `client_id` sent by {@link MaxCore.login}. Default `MAX`. */
  clientId?: string
  /**
   * HTTP Basic credentials sent as `Authorization` to the MAX server. MAX itself ignores them; they
   * serve deployments behind an authenticating proxy.
   */
  basicAuth?: { username: string; password: string }
  /** Transport used for every request. Wins over `fetch`. */
  transport?: Transport
  /** A `fetch`, or an in-process `(request: Request) => Promise<Response>` handler. */
  fetch?: FetchLike | typeof globalThis.fetch
  /**
   * Milliseconds per attempt before giving up with a `TimeoutError`: an integer from 1 to
   * 2 147 483 647 (~24.8 days, the largest timer), or `0` for no timeout. Default 30 000.
   */
  timeout?: number
  /** Retry policy; a number sets how many retries; `false` turns retries off. Default: 2 retries. */
  retry?: RetryOptions | number | false
  /** Functions called around every request: `beforeRequest`, `afterResponse`, `onError`, `beforeRetry`. */
  hooks?: HooksOption
  /**
   * Dump each raw request and response, with tokens, passwords and `Authorization` redacted:
   * `true` writes to `console.error`, a function receives each dump (one call per request/response).
   */
  debug?: boolean | ((line: string) => void)
  /** Headers added to every request (lower- or mixed-case names). */
  headers?: Record<string, string>
  /**
   * Largest response body accepted, in bytes, counted on the wire and again once decompressed; a
   * larger one fails with a (never retried) `ResponseTooLargeError`. Default 67 108 864 (64 MiB).
   * A call can override it.
   */
  maxResponseSize?: number
}

/** The per-call options every MAX client shares (rest, rpc and the CLI extend them). */
export interface RequestOptions {
  /** Cancels the call (also while it waits to retry). */
  signal?: AbortSignal
  /**
   * Milliseconds per attempt for this call, overriding the client's `timeout`: an integer from 1 to
   * 2 147 483 647 (about 24.8 days), or `0` for no timeout.
   */
  timeout?: number
  /** Retry policy of this call; merged over the client's. */
  retry?: RetryOptions | number | false
  /** Headers of this call, over the client's (lower- or mixed-case names). */
  headers?: Record<string, string>
  /** Largest response body accepted for this call, in bytes, overriding the client's `maxResponseSize`. */
  maxResponseSize?: number
}

/** One call to the MAX server. */
export interface MaxRequest extends RequestOptions {
  method: HttpMethod
  /** Starts with `/`; segments already percent-encoded. */
  path: string
  /**
   * Query parameters: structured (preferred; encoded once, just before the transport) or already
   * encoded without the leading `?`.
   */
  query?: string | QueryParams
  /** JSON value (serialised by core), `FormData`, `MultipartBody`, `string` or `Uint8Array`. */
  body?: unknown
  /** Default `true`; `false` for public routes (`/info`, `/info/api`): no auth headers, no auth check. */
  auth?: boolean
}

/** What came back from one call. */
export interface MaxResponse<T = unknown> {
  method: string
  url: string
  status: number
  /** Any 2xx. */
  ok: boolean
  /** Lower-case names. */
  headers: Record<string, string>
  /**
   * Parsed JSON; `null` for an empty body; the text when the body is not JSON; a `Uint8Array`
   * for binary content types (images, files).
   */
  body: T
}

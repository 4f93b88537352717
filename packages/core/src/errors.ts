/**
 * Error classes of every MAX client package.
 *
 * `instanceof` must work when an application loads both the ESM and the CJS build (two copies of
 * each class), so class identity is checked through a global `Symbol.for` marker on the prototype.
 */

const markers = new WeakMap<Function, symbol>()

function markClass(cls: Function, name: string): void {
  const marker = Symbol.for(`@maxclient/core/${name}`)
  markers.set(cls, marker)
  Object.defineProperty(cls.prototype, marker, { value: true })
  // Explicit names survive bundlers that rename classes.
  Object.defineProperty(cls.prototype, 'name', { value: name, writable: true, configurable: true })
}

/** Base class of every error thrown by the MAX clients. */
export class MaxError extends Error {
  /** `instanceof` by brand, so it holds across the ESM and CJS copies of this package. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class right of `instanceof`, maybe a subclass.
    const marker = markers.get(this)
    // Subclasses defined outside this module keep the ordinary prototype check.
    // biome-ignore lint/complexity/noThisInStatic: as above.
    if (marker === undefined) return Function.prototype[Symbol.hasInstance].call(this, value)
    return typeof value === 'object' && value !== null && marker in value
  }

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    if (!markers.has(new.target)) this.name = new.target.name
  }
}
markClass(MaxError, 'MaxError')

/** Bad arguments or a programming error, detected before anything is sent. */
export class UsageError extends MaxError {}
markClass(UsageError, 'UsageError')

/** What a {@link RequestError} knows about the failed call. Never headers, tokens or passwords. */
export interface RequestErrorDetails {
  /** HTTP status, or 0 when no answer arrived (network failure, timeout). */
  status: number
  /** Upper-case HTTP method. */
  method: string
  /** Requested URL (secret query parameters redacted). */
  url: string
  /** MAX error name from the response body (`error`), e.g. `ObjectNotFound`. */
  error?: string
  /** MAX error text from the response body (`error_description`). */
  description?: string
  cause?: unknown
}

/** An HTTP call failed: an error status, or no answer at all (`status` 0). */
export class RequestError extends MaxError {
  /** HTTP status, or 0 when no answer arrived. */
  readonly status: number
  /** MAX error name (`error` key of the body), when the server sent one. */
  readonly error?: string
  /** MAX error description (`error_description` key of the body), when the server sent one. */
  readonly description?: string
  /** Upper-case HTTP method of the failed call. */
  readonly method: string
  /** URL of the failed call. */
  readonly url: string

  constructor(message: string, details: RequestErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.status = details.status
    this.method = details.method
    this.url = redactUrl(details.url)
    if (details.error !== undefined) this.error = details.error
    if (details.description !== undefined) this.description = details.description
  }
}
markClass(RequestError, 'RequestError')

/** No answer arrived within the timeout (per attempt). `status` is 0. */
export class TimeoutError extends RequestError {
  /** The timeout that expired, in milliseconds. */
  readonly timeout: number

  constructor(method: string, url: string, timeout: number) {
    super(`${method} ${redactUrl(url)} timed out after ${timeout} ms`, { status: 0, method, url })
    this.timeout = timeout
  }
}
markClass(TimeoutError, 'TimeoutError')

/**
 * The response was larger than the limit (`maxResponseSize`, client-wide or per call), on the wire
 * or once decompressed. Never retried: the same request would get the same answer.
 */
export class ResponseTooLargeError extends RequestError {
  /** The limit that was exceeded, in bytes. */
  readonly limit: number

  constructor(method: string, url: string, limit: number, status = 0) {
    super(
      `${method} ${redactUrl(url)}: the response is larger than ${limit} bytes (maxResponseSize); ` +
        'raise the maxResponseSize option, client-wide or for this call, if it is expected',
      { status, method, url },
    )
    this.limit = limit
  }
}
markClass(ResponseTooLargeError, 'ResponseTooLargeError')

/** The request needs authentication but the client has no token or no actor. */
export class AuthRequiredError extends UsageError {}
markClass(AuthRequiredError, 'AuthRequiredError')

/** What a {@link BadCredentialsError} reports. The password is never part of it. */
export interface BadCredentialsDetails {
  username: string
  oauthServer: string
  maxServer: string
  status: number
  /** OAuth error name (`error` key of the body), e.g. `invalid_grant`. */
  error?: string
}

/** The OAuth server refused the login. */
export class BadCredentialsError extends MaxError {
  readonly username: string
  readonly oauthServer: string
  readonly maxServer: string
  /** HTTP status of the token endpoint. */
  readonly status: number
  readonly error?: string

  constructor(details: BadCredentialsDetails) {
    const reason = details.error === undefined ? '' : `: ${details.error}`
    super(
      `Bad username or password for "${details.username}": the OAuth server ${details.oauthServer} ` +
        `(used by the MAX server ${details.maxServer}) answered HTTP ${details.status}${reason}`,
    )
    this.username = details.username
    this.oauthServer = details.oauthServer
    this.maxServer = details.maxServer
    this.status = details.status
    if (details.error !== undefined) this.error = details.error
  }
}
markClass(BadCredentialsError, 'BadCredentialsError')

const SECRET_QUERY = /([?&](?:access_token|oauth_token|token|password|t)=)[^&#]*/gi
// `scheme://user:password@host`, anywhere in a text: the user-info part before the host.
const USER_INFO = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/?#\s@]*@/gi

/** Hides secret query parameters (tokens, passwords) and user-info credentials in a URL meant for messages. */
export function redactUrl(url: string): string {
  let out = url.includes('=') ? url.replace(SECRET_QUERY, '$1[REDACTED]') : url
  if (out.includes('@')) out = out.replace(USER_INFO, '$1[REDACTED]@')
  return out
}

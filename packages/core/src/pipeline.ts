import { formatRequest, formatResponse } from './debug.js'
import {
  AuthRequiredError,
  MaxError,
  RequestError,
  ResponseTooLargeError,
  redactUrl,
  TimeoutError,
  UsageError,
} from './errors.js'
import { isFormData } from './form-data.js'
import type { HookRequest } from './hooks.js'
import { isMultipartBody, type MultipartBody } from './multipart.js'
import {
  checkHeaderValue,
  checkHookHeaders,
  checkMaxResponseSize,
  checkTimeout,
  copyHeaders,
  type Settings,
} from './options.js'
import { redactError, redactText, secretForms } from './redact.js'
import { checkRequestKeys, isHttpMethod, isTrusted, serializeQuery } from './request.js'
import { parseBody } from './response.js'
import { backoffDelay, parseRetryAfter, type RetryPolicy, resolveRetry, sleep } from './retry.js'
import { type TransportRequest, TransportTimeoutError } from './transport.js'
import type { MaxRequest, MaxResponse } from './types.js'
import { preview } from './values.js'

const CONTROL = /[\r\n\0]/

/** One request ready for {@link Pipeline.execute}: built by `prepare`, login and discovery. */
export interface Prepared {
  method: string
  url: string
  headers: Record<string, string>
  body?: string | Uint8Array | FormData | MultipartBody
  signal?: AbortSignal | undefined
  /** Milliseconds per attempt; `undefined` for none. */
  timeout: number | undefined
  maxResponseSize: number
  retry: RetryPolicy
}

/**
 * The request pipeline of one client: turns a {@link MaxRequest} into a {@link Prepared} one
 * (auth headers, query, body), then runs it through hooks, debug, transport, timeout and retries.
 * It holds the credentials, so it is the one place that knows every secret to redact.
 */
export class Pipeline {
  readonly #settings: Settings
  #actor: string | undefined
  #token: string | undefined
  #tokenForms: string[] = []

  constructor(
    readonly baseUrl: string,
    settings: Settings,
  ) {
    this.#settings = settings
  }

  get settings(): Settings {
    return this.#settings
  }

  get actor(): string | undefined {
    return this.#actor
  }

  get hasToken(): boolean {
    return this.#token !== undefined
  }

  setActor(username: string): void {
    if (typeof username !== 'string' || username.trim() === '') {
      throw new UsageError(
        `setActor(username): expected a non-empty username, got ${preview(JSON.stringify(username) ?? String(username))}`,
      )
    }
    this.#actor = checkHeaderValue('username', username, 'setActor')
  }

  setToken(token: string): void {
    if (typeof token !== 'string' || token.trim() === '') {
      throw new UsageError('setToken(token): expected a non-empty token string')
    }
    if (CONTROL.test(token)) throw new UsageError('setToken(token): the token must not contain line breaks')
    checkHeaderValue('token', token, 'setToken')
    this.#token = token
    this.#tokenForms = secretForms(token)
  }

  /** Every secret the client knows (token, basic-auth credentials, `extra`), in every form a server may echo. */
  secrets(extra: readonly string[] = []): string[] {
    return [...extra, ...this.#tokenForms, ...this.#settings.secrets]
  }

  /** The same error with every secret removed from its texts (message, stack, description, url). */
  redact<E>(error: E, extra?: readonly string[]): E {
    return redactError(error, this.secrets(extra))
  }

  /** Checks a request (unless trusted), adds auth headers and encodes query and body. */
  prepare(request: MaxRequest): Prepared {
    if (typeof request !== 'object' || request === null) {
      throw new UsageError('request must be an object { method, path, query?, body?, ... }')
    }
    const settings = this.#settings
    const { method, path, query } = request
    let url = this.baseUrl + path
    if (isTrusted(request)) {
      // Built by resources: method, path and query were checked there.
      const encoded = typeof query === 'string' || query === undefined ? query : serializeQuery(query, false)
      if (encoded) url += `?${encoded}`
    } else {
      checkRequestKeys(request)
      if (!isHttpMethod(method)) {
        throw new UsageError(
          `method must be one of GET, POST, PUT, DELETE, HEAD (upper case), got ${preview(String(method))}`,
        )
      }
      if (typeof path !== 'string' || !path.startsWith('/') || /[\s?#]/.test(path)) {
        throw new UsageError(
          `path must start with "/" and be percent-encoded, without spaces, "?" or "#" (use query), got ${preview(JSON.stringify(path) ?? String(path))}`,
        )
      }
      if (typeof query === 'string') {
        if (/[\s#]/.test(query) || query.startsWith('?')) {
          throw new UsageError(
            `query must be an encoded string without the leading "?", got ${preview(JSON.stringify(query))}`,
          )
        }
        if (query !== '') url += `?${query}`
      } else if (query !== undefined) {
        const encoded = serializeQuery(query, true)
        if (encoded !== '') url += `?${encoded}`
      }
    }
    const headers: Record<string, string> = { ...settings.headers }
    if (request.auth !== false) {
      if (this.#token === undefined || this.#actor === undefined) {
        const missing =
          this.#token === undefined ? (this.#actor === undefined ? 'token and actor' : 'token') : 'actor'
        throw new AuthRequiredError(
          `${method} ${preview(path)} needs authentication but the client has no ${missing}: ` +
            'call login(username, password), or setToken(token) and setActor(username)',
        )
      }
      headers['x-oauth-token'] = this.#token
      headers['x-oauth-username'] = this.#actor
      headers['x-oauth-scope'] = settings.scope
    }
    if (request.headers !== undefined) copyHeaders(headers, request.headers, 'request headers')
    const body = request.body
    let payload: string | Uint8Array | FormData | MultipartBody | undefined
    if (body !== undefined) {
      if (method === 'GET' || method === 'HEAD') {
        throw new UsageError(`${method} requests cannot carry a body; put parameters in query`)
      }
      if (typeof body === 'string') payload = body
      else if (body instanceof Uint8Array) payload = body
      else if (isFormData(body) || isMultipartBody(body)) payload = body
      else {
        try {
          payload = JSON.stringify(body)
        } catch (error) {
          throw new UsageError(`body cannot be sent as JSON: ${preview((error as Error).message, 200)}`)
        }
        if (payload === undefined) throw new UsageError(`body of type ${typeof body} cannot be sent as JSON`)
      }
      // Multipart bodies carry their boundary: the transport sets their content type.
      if (headers['content-type'] === undefined && !isFormData(payload) && !isMultipartBody(payload)) {
        headers['content-type'] =
          payload instanceof Uint8Array ? 'application/octet-stream' : 'application/json'
      }
    }
    if (request.signal !== undefined && !(request.signal instanceof AbortSignal)) {
      throw new UsageError('signal must be an AbortSignal')
    }
    const prepared: Prepared = {
      method,
      url,
      headers,
      signal: request.signal,
      timeout: request.timeout === undefined ? settings.timeout : checkTimeout(request.timeout, 'timeout'),
      maxResponseSize:
        request.maxResponseSize === undefined
          ? settings.maxResponseSize
          : checkMaxResponseSize(request.maxResponseSize, 'maxResponseSize'),
      retry: request.retry === undefined ? settings.retry : resolveRetry(request.retry, settings.retry),
    }
    if (payload !== undefined) prepared.body = payload
    return prepared
  }

  /** A request to an absolute URL with the client's headers and policies (login, discovery). */
  prepareAbsolute(method: string, url: string, headers?: Record<string, string>, body?: string): Prepared {
    const settings = this.#settings
    const prepared: Prepared = {
      method,
      url,
      headers: headers ?? { ...settings.headers },
      timeout: settings.timeout,
      maxResponseSize: settings.maxResponseSize,
      retry: settings.retry,
    }
    if (body !== undefined) prepared.body = body
    return prepared
  }

  /**
   * Runs one prepared request through hooks, debug, transport, timeout and retries. Errors come out
   * redacted (every secret of the client and `extraSecrets`) and through the `onError` hooks.
   */
  async execute(prepared: Prepared, extraSecrets?: readonly string[]): Promise<MaxResponse> {
    const settings = this.#settings
    const { method, retry } = prepared
    const mayRetry = retry.retries > 0 && retry.methods.has(method)
    for (let attempt = 0; ; attempt++) {
      const hookRequest: HookRequest = {
        method,
        url: prepared.url,
        headers: attempt === 0 ? prepared.headers : { ...prepared.headers },
        attempt,
      }
      if (prepared.body !== undefined) hookRequest.body = prepared.body
      if (settings.hooks.beforeRequest.length > 0) {
        for (const hook of settings.hooks.beforeRequest) await hook(hookRequest)
        // A hook's bad header would otherwise fail in the socket layer and be retried as a network error.
        checkHookHeaders(hookRequest.headers)
      }
      if (settings.debug !== undefined) settings.debug(formatRequest(hookRequest, this.secrets(extraSecrets)))
      let response: MaxResponse
      try {
        response = await this.#attempt(hookRequest, prepared)
      } catch (caught) {
        const error = this.#toRequestError(caught, hookRequest, prepared)
        // A MaxError from the transport (too large, redirect limit) is final; so is a caller's abort.
        const transient =
          error instanceof RequestError && !(caught instanceof MaxError) && !prepared.signal?.aborted
        if (transient && mayRetry && attempt < retry.retries) {
          const delay = backoffDelay(attempt + 1, retry)
          if (settings.hasHooks) {
            for (const hook of settings.hooks.beforeRetry)
              await hook({ request: hookRequest, retry: attempt + 1, delay, error })
          }
          await sleep(delay, prepared.signal)
          continue
        }
        throw await this.onError(this.redact(error, extraSecrets), hookRequest)
      }
      if (settings.debug !== undefined) settings.debug(formatResponse(response, this.secrets(extraSecrets)))
      if (mayRetry && attempt < retry.retries && retry.statusCodes.has(response.status)) {
        const delay = retryDelay(response, attempt + 1, retry)
        if (delay !== undefined) {
          if (settings.hasHooks) {
            for (const hook of settings.hooks.beforeRetry)
              await hook({ request: hookRequest, retry: attempt + 1, delay, response })
          }
          await sleep(delay, prepared.signal)
          continue
        }
      }
      if (settings.hasHooks) {
        for (const hook of settings.hooks.afterResponse)
          response = (await hook(response, hookRequest)) ?? response
      }
      return response
    }
  }

  /** Runs the `onError` hooks over an error about to be thrown. */
  async onError(error: Error, request: HookRequest): Promise<Error> {
    const settings = this.#settings
    if (!settings.hasHooks) return error
    let current = error
    for (const hook of settings.hooks.onError) current = (await hook(current, request)) ?? current
    return current
  }

  #attempt(request: HookRequest, prepared: Prepared): Promise<MaxResponse> {
    const settings = this.#settings
    // The hook request doubles as the transport request (transports ignore `attempt`): one
    // object less per call on the hot path.
    const outgoing: TransportRequest = request
    outgoing.maxResponseSize = prepared.maxResponseSize
    if (settings.nativeTimeout) {
      if (prepared.timeout !== undefined) outgoing.timeout = prepared.timeout
      if (prepared.signal !== undefined) outgoing.signal = prepared.signal
    } else if (prepared.timeout !== undefined) {
      const timeoutSignal = AbortSignal.timeout(prepared.timeout)
      outgoing.signal =
        prepared.signal === undefined ? timeoutSignal : AbortSignal.any([prepared.signal, timeoutSignal])
    } else if (prepared.signal !== undefined) {
      outgoing.signal = prepared.signal
    }
    return settings.transport(outgoing).then((result) => {
      // A custom transport may ignore the limit; the answer is still refused.
      if (result.body.length > prepared.maxResponseSize) {
        throw new ResponseTooLargeError(
          outgoing.method,
          outgoing.url,
          prepared.maxResponseSize,
          result.status,
        )
      }
      let body: unknown
      try {
        body = parseBody(result.body, result.headers['content-type'])
      } catch (error) {
        // An answer arrived (e.g. a text too long for a string): final, not a network failure.
        throw new RequestError(
          `${outgoing.method} ${redactUrl(outgoing.url)} answered a body that cannot be read: ${preview(String((error as Error).message), 200)}`,
          { status: result.status, method: outgoing.method, url: outgoing.url, cause: error },
        )
      }
      return {
        method: outgoing.method,
        url: outgoing.url,
        status: result.status,
        ok: result.status >= 200 && result.status < 300,
        headers: result.headers,
        body,
      }
    })
  }

  #toRequestError(caught: unknown, request: HookRequest, prepared: Prepared): Error {
    const signal = prepared.signal
    // The caller cancelled: hand back their reason untouched, never retry.
    if (signal?.aborted && (caught === signal.reason || !(caught instanceof TransportTimeoutError))) {
      return signal.reason instanceof Error
        ? signal.reason
        : new MaxError(`${request.method} request aborted`)
    }
    if (caught instanceof MaxError) return caught
    if (
      caught instanceof TransportTimeoutError ||
      (caught instanceof Error && caught.name === 'TimeoutError' && !this.#settings.nativeTimeout)
    ) {
      return new TimeoutError(request.method, request.url, prepared.timeout ?? 0)
    }
    // Some socket-layer errors (and test interceptors) echo the request; keep secrets out.
    const reason = preview(redactText(describeNetworkError(caught), this.secrets()), 500)
    return new RequestError(`${request.method} ${redactUrl(request.url)} got no answer: ${reason}`, {
      status: 0,
      method: request.method,
      url: request.url,
      cause: caught,
    })
  }
}

function retryDelay(response: MaxResponse, retry: number, policy: RetryPolicy): number | undefined {
  const asked = parseRetryAfter(response.headers['retry-after'])
  if (asked === undefined) return backoffDelay(retry, policy)
  // A server asking for a longer pause than we accept gets its answer returned instead.
  return asked > policy.maxRetryAfter ? undefined : asked
}

function describeNetworkError(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error)
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown }
  // fetch wraps the socket error in `cause`.
  if (message === 'fetch failed' && cause !== undefined) return describeNetworkError(cause)
  const text = typeof message === 'string' ? message : String(error)
  return typeof code === 'string' && !text.includes(code) ? `${code} ${text}` : text
}

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
import { type TransportRequest, type TransportResponse, TransportTimeoutError } from './transport.js'
import type { MaxRequest, MaxResponse } from './types.js'
import { preview } from './values.js'

const CONTROL = /[\r\n\0]/

/** The header objects requests share when nothing may change them (frozen). */
interface HeaderTemplates {
  anonymous: Readonly<Record<string, string>>
  anonymousJson: Readonly<Record<string, string>>
  signed: Readonly<Record<string, string>> | undefined
  signedJson: Readonly<Record<string, string>> | undefined
}

/**
 * Turns the response to `request` into what the caller's promise resolves to (the body, an RPC
 * tuple, the response itself). Called in the promise reaction that receives the answer.
 */
export type Settle<T> = (response: MaxResponse, request: MaxRequest) => T | PromiseLike<T>

/** The object whose `lastResponse` {@link Pipeline.run} sets before settling (the client). */
export interface ResponseOwner {
  lastResponse: MaxResponse | undefined
}

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
  /** Frozen header objects shared by requests, by auth and body kind; rebuilt when credentials change. */
  #templates: HeaderTemplates | undefined

  /** Plain requests skip `prepare` and the general loop: a built-in transport, no hooks, no debug. */
  readonly #direct: boolean

  constructor(
    readonly baseUrl: string,
    settings: Settings,
  ) {
    this.#settings = settings
    this.#direct =
      settings.sharedHeaders && settings.nativeTimeout && !settings.hasHooks && settings.debug === undefined
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
    this.#templates = undefined
  }

  setToken(token: string): void {
    if (typeof token !== 'string' || token.trim() === '') {
      throw new UsageError('setToken(token): expected a non-empty token string')
    }
    if (CONTROL.test(token)) throw new UsageError('setToken(token): the token must not contain line breaks')
    checkHeaderValue('token', token, 'setToken')
    this.#token = token
    this.#tokenForms = secretForms(token)
    this.#templates = undefined
  }

  /** The shared header objects of requests without headers of their own (see `Settings.sharedHeaders`). */
  #headerTemplates(): HeaderTemplates {
    if (this.#templates !== undefined) return this.#templates
    const base = this.#settings.headers
    const signed =
      this.#token === undefined || this.#actor === undefined
        ? undefined
        : {
            ...base,
            'x-oauth-token': this.#token,
            'x-oauth-username': this.#actor,
            'x-oauth-scope': this.#settings.scope,
          }
    this.#templates = {
      anonymous: Object.freeze({ ...base }),
      anonymousJson: Object.freeze(withJsonType(base)),
      signed: signed && Object.freeze(signed),
      signedJson: signed && Object.freeze(withJsonType(signed)),
    }
    return this.#templates
  }

  /** Every secret the client knows (token, basic-auth credentials, `extra`), in every form a server may echo. */
  secrets(extra: readonly string[] = []): string[] {
    return [...extra, ...this.#tokenForms, ...this.#settings.secrets]
  }

  /** The same error with every secret removed from its texts (message, stack, description, url). */
  redact<E>(error: E, extra?: readonly string[]): E {
    return redactError(error, this.secrets(extra))
  }

  /**
   * Prepares and runs `request`: sets `owner.lastResponse` to its response and resolves to
   * `settle(response, request)`, in the promise reaction that receives the answer.
   *
   * A trusted request without headers or per-call options, whose body (if any) is a plain object or
   * array (nearly every call of the clients), takes this one function when the client has a
   * built-in transport and no hooks or debug. It is written dense on purpose: it runs once per
   * call, and V8 optimises a function sooner when most of its code runs (see bench/README.md,
   * "Instructions per request"). Everything else goes through `prepare` and `executeThen`.
   */
  run<T>(request: MaxRequest, settle: Settle<T>, owner: ResponseOwner): Promise<T> {
    if (!this.#direct || typeof request !== 'object' || request === null || !isTrusted(request)) {
      return this.#runChecked(request, settle, owner)
    }
    const { method, path, body } = request
    if (
      request.headers !== undefined ||
      request.signal !== undefined ||
      request.timeout !== undefined ||
      request.maxResponseSize !== undefined ||
      request.retry !== undefined ||
      (body !== undefined && !isJsonBody(method, body))
    ) {
      return this.#runChecked(request, settle, owner)
    }
    const auth = request.auth !== false
    if (auth && (this.#token === undefined || this.#actor === undefined)) {
      return Promise.reject(this.#authRequired(method, path))
    }
    const settings = this.#settings
    const templates = this.#templates ?? this.#headerTemplates()
    let payload: string | undefined
    if (body !== undefined) {
      try {
        payload = toJson(body)
      } catch (error) {
        return Promise.reject(error)
      }
    }
    // The shape `hookRequestOf` and `#outgoing` give: one object shape for the transport.
    const outgoing: HookRequest & TransportRequest = {
      method,
      url: this.baseUrl + path + trustedQuery(request.query),
      headers:
        payload === undefined
          ? auth
            ? templates.signed!
            : templates.anonymous
          : auth
            ? templates.signedJson!
            : templates.anonymousJson,
      attempt: 0,
    }
    if (payload !== undefined) outgoing.body = payload
    outgoing.maxResponseSize = settings.maxResponseSize
    if (settings.timeout !== undefined) outgoing.timeout = settings.timeout
    const answerTo = settings.answerTo
    if (answerTo === undefined) {
      const onAnswer = (result: TransportResponse) => this.#answered(outgoing, result, request, settle, owner)
      const onFailure = (caught: unknown) =>
        settled(this.#firstFailed(caught, outgoing), request, settle, owner)
      return settings.transport(outgoing).then(onAnswer, onFailure)
    }
    // The node transport answers these callbacks directly: the call settles in the turn the answer
    // arrives, without a promise of the transport's and its reaction. Only the first call counts
    // (a socket error after the answer, say, is not a failure of this request).
    return new Promise<T>((resolve, reject) => {
      let answered = false
      const onFailure = (caught: unknown): void => {
        if (answered) return
        answered = true
        try {
          resolve(settled(this.#firstFailed(caught, outgoing), request, settle, owner))
        } catch (error) {
          reject(error)
        }
      }
      try {
        answerTo(
          outgoing,
          (result) => {
            if (answered) return
            answered = true
            try {
              resolve(this.#answered(outgoing, result, request, settle, owner))
            } catch (error) {
              reject(error)
            }
          },
          onFailure,
        )
      } catch (caught) {
        // A transport that throws instead of calling back fails the attempt, as a rejection would.
        onFailure(caught)
      }
    })
  }

  /** The first answer of a plain request: parsed, then retried (per the client's policy) or settled. */
  #answered<T>(
    outgoing: HookRequest & TransportRequest,
    result: TransportResponse,
    request: MaxRequest,
    settle: Settle<T>,
    owner: ResponseOwner,
  ): T | PromiseLike<T> {
    let response: MaxResponse
    try {
      response = toResponse(outgoing, outgoing.maxResponseSize!, result)
    } catch (caught) {
      return settled(this.#firstFailed(caught, outgoing), request, settle, owner)
    }
    const retry = this.#settings.retry
    if (retry.retries > 0 && retry.statusCodes.has(response.status)) {
      const prepared = this.#preparedOf(outgoing)
      const delay = this.#retryDelayAfter(prepared, 0, response)
      if (delay !== undefined)
        return settled(this.#retryLater(delay, 1, prepared, undefined), request, settle, owner)
    }
    owner.lastResponse = response
    return settle(response, request)
  }

  /**
   * A plain request's first attempt failed: its retry (per the client's policy), or the error,
   * redacted and thrown (this runs inside a promise reaction, so it rejects the call).
   */
  #firstFailed(caught: unknown, outgoing: HookRequest & TransportRequest): Promise<MaxResponse> {
    return this.#afterFirstFailure(caught, outgoing, this.#preparedOf(outgoing), undefined)
  }

  /** The prepared form of a plain request, for its retries. */
  #preparedOf(outgoing: HookRequest & TransportRequest): Prepared {
    const settings = this.#settings
    const prepared: Prepared = {
      method: outgoing.method,
      url: outgoing.url,
      headers: outgoing.headers,
      signal: undefined,
      timeout: settings.timeout,
      maxResponseSize: settings.maxResponseSize,
      retry: settings.retry,
    }
    if (outgoing.body !== undefined) prepared.body = outgoing.body
    return prepared
  }

  #runChecked<T>(request: MaxRequest, settle: Settle<T>, owner: ResponseOwner): Promise<T> {
    let prepared: Prepared
    try {
      prepared = this.prepare(request)
    } catch (error) {
      return Promise.reject(error)
    }
    return this.executeThen(prepared, (response) => {
      owner.lastResponse = response
      return settle(response, request)
    })
  }

  #authRequired(method: string, path: unknown): AuthRequiredError {
    const missing =
      this.#token === undefined ? (this.#actor === undefined ? 'token and actor' : 'token') : 'actor'
    return new AuthRequiredError(
      `${method} ${preview(String(path))} needs authentication but the client has no ${missing}: ` +
        'call login(username, password), or setToken(token) and setActor(username)',
    )
  }

  /** Checks a request (unless trusted), adds auth headers and encodes query and body. */
  prepare(request: MaxRequest): Prepared {
    if (typeof request !== 'object' || request === null) {
      throw new UsageError('request must be an object { method, path, query?, body?, ... }')
    }
    const settings = this.#settings
    const { method, path, query } = request
    // A request built by resources was checked there; others are checked apart.
    const url = isTrusted(request) ? this.baseUrl + path + trustedQuery(query) : this.#checkedUrl(request)
    const auth = request.auth !== false
    if (auth && (this.#token === undefined || this.#actor === undefined)) {
      throw this.#authRequired(method, path)
    }
    const body = request.body
    let payload: string | Uint8Array | FormData | MultipartBody | undefined
    if (body !== undefined) {
      if (method === 'GET' || method === 'HEAD') {
        throw new UsageError(`${method} requests cannot carry a body; put parameters in query`)
      }
      if (typeof body === 'string') payload = body
      else if (body instanceof Uint8Array) payload = body
      else if (isFormData(body) || isMultipartBody(body)) payload = body
      else payload = toJson(body)
    }
    const json = typeof payload === 'string'
    let headers: Record<string, string>
    if (settings.sharedHeaders && request.headers === undefined && (payload === undefined || json)) {
      const templates = this.#headerTemplates()
      headers = auth
        ? json
          ? templates.signedJson!
          : templates.signed!
        : json
          ? templates.anonymousJson
          : templates.anonymous
    } else {
      headers = { ...settings.headers }
      if (auth) {
        headers['x-oauth-token'] = this.#token!
        headers['x-oauth-username'] = this.#actor!
        headers['x-oauth-scope'] = settings.scope
      }
      if (request.headers !== undefined) copyHeaders(headers, request.headers, 'request headers')
      // Multipart bodies carry their boundary: the transport sets their content type.
      if (headers['content-type'] === undefined && (json || payload instanceof Uint8Array)) {
        headers['content-type'] = json ? 'application/json' : 'application/octet-stream'
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

  /** The URL of a request not built by resources, after checking its keys, method, path and query. */
  #checkedUrl(request: MaxRequest): string {
    const { method, path, query } = request
    let url = this.baseUrl + path
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
    return url
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
  execute(prepared: Prepared, extraSecrets?: readonly string[]): Promise<MaxResponse> {
    return this.executeThen(prepared, same, extraSecrets)
  }

  /**
   * {@link Pipeline.execute} resolving to `settle(response)`: a caller that turns the response into
   * something else does it in the same promise reaction.
   */
  executeThen<T>(
    prepared: Prepared,
    settle: (response: MaxResponse) => T | PromiseLike<T>,
    extraSecrets?: readonly string[],
  ): Promise<T> {
    const settings = this.#settings
    if (settings.hasHooks || settings.debug !== undefined) {
      return this.#executeFrom(0, prepared, extraSecrets).then(settle)
    }
    // Without hooks or debug, the first attempt takes one promise reaction, from the transport's
    // answer to `settle`. A retry continues in the general loop.
    const request = hookRequestOf(prepared, 0)
    const outgoing = this.#outgoing(request, prepared)
    return settings.transport(outgoing).then(
      (result) => {
        let response: MaxResponse
        try {
          response = toResponse(outgoing, prepared.maxResponseSize, result)
        } catch (caught) {
          return this.#afterFirstFailure(caught, request, prepared, extraSecrets).then(settle)
        }
        const delay = this.#retryDelayAfter(prepared, 0, response)
        if (delay === undefined) return settle(response)
        return this.#retryLater(delay, 1, prepared, extraSecrets).then(settle)
      },
      (caught: unknown) => this.#afterFirstFailure(caught, request, prepared, extraSecrets).then(settle),
    )
  }

  /** The retry after a failed first attempt (no hooks), or the failure redacted (thrown). */
  #afterFirstFailure(
    caught: unknown,
    request: HookRequest,
    prepared: Prepared,
    extraSecrets: readonly string[] | undefined,
  ): Promise<MaxResponse> {
    const error = this.#toRequestError(caught, request, prepared)
    const delay = this.#retryDelayFailed(prepared, 0, caught, error)
    if (delay === undefined) throw this.redact(error, extraSecrets)
    return this.#retryLater(delay, 1, prepared, extraSecrets)
  }

  async #retryLater(
    delay: number,
    attempt: number,
    prepared: Prepared,
    extraSecrets: readonly string[] | undefined,
  ): Promise<MaxResponse> {
    await sleep(delay, prepared.signal)
    return this.#executeFrom(attempt, prepared, extraSecrets)
  }

  /** The wait before retrying after `response`, or `undefined` when it is the answer. */
  #retryDelayAfter(prepared: Prepared, attempt: number, response: MaxResponse): number | undefined {
    const { retry } = prepared
    if (attempt >= retry.retries || !retry.statusCodes.has(response.status)) return undefined
    if (!retry.methods.has(prepared.method)) return undefined
    return retryDelay(response, attempt + 1, retry)
  }

  /** The wait before retrying after a failure, or `undefined` when the failure is final. */
  #retryDelayFailed(prepared: Prepared, attempt: number, caught: unknown, error: Error): number | undefined {
    const { retry } = prepared
    if (attempt >= retry.retries || !retry.methods.has(prepared.method)) return undefined
    // A MaxError from the transport (too large, redirect limit) is final; so is a caller's abort.
    const transient =
      error instanceof RequestError && !(caught instanceof MaxError) && !prepared.signal?.aborted
    return transient ? backoffDelay(attempt + 1, retry) : undefined
  }

  /** The general loop: hooks, debug and every retry, from attempt `first` on. */
  async #executeFrom(
    first: number,
    prepared: Prepared,
    extraSecrets: readonly string[] | undefined,
  ): Promise<MaxResponse> {
    const settings = this.#settings
    for (let attempt = first; ; attempt++) {
      const hookRequest = hookRequestOf(prepared, attempt)
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
        const delay = this.#retryDelayFailed(prepared, attempt, caught, error)
        if (delay !== undefined) {
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
      const delay = this.#retryDelayAfter(prepared, attempt, response)
      if (delay !== undefined) {
        if (settings.hasHooks) {
          for (const hook of settings.hooks.beforeRetry)
            await hook({ request: hookRequest, retry: attempt + 1, delay, response })
        }
        await sleep(delay, prepared.signal)
        continue
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
    const outgoing = this.#outgoing(request, prepared)
    return this.#settings
      .transport(outgoing)
      .then((result) => toResponse(outgoing, prepared.maxResponseSize, result))
  }

  /** The transport request of one attempt: the hook request with the limit, timeout and signal. */
  #outgoing(request: HookRequest, prepared: Prepared): TransportRequest {
    // The hook request doubles as the transport request (transports ignore `attempt`): one
    // object less per call on the hot path.
    const outgoing: TransportRequest = request
    outgoing.maxResponseSize = prepared.maxResponseSize
    if (this.#settings.nativeTimeout) {
      if (prepared.timeout !== undefined) outgoing.timeout = prepared.timeout
      if (prepared.signal !== undefined) outgoing.signal = prepared.signal
    } else if (prepared.timeout !== undefined) {
      const timeoutSignal = AbortSignal.timeout(prepared.timeout)
      outgoing.signal =
        prepared.signal === undefined ? timeoutSignal : AbortSignal.any([prepared.signal, timeoutSignal])
    } else if (prepared.signal !== undefined) {
      outgoing.signal = prepared.signal
    }
    return outgoing
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

/** The response itself: what `send` resolves to. */
export const same = (response: MaxResponse): MaxResponse => response

/** `settle` applied to the response `pending` resolves to, after recording it on `owner`. */
function settled<T>(
  pending: Promise<MaxResponse>,
  request: MaxRequest,
  settle: Settle<T>,
  owner: ResponseOwner,
): Promise<T> {
  return pending.then((response) => {
    owner.lastResponse = response
    return settle(response, request)
  })
}

/** The response of one attempt: the transport's answer, its size checked and its body parsed. */
function toResponse(outgoing: TransportRequest, limit: number, result: TransportResponse): MaxResponse {
  // A custom transport may ignore the limit; the answer is still refused. (The failures are built
  // out of line: this runs once per call, and its size decides when V8 optimises it.)
  if (result.body.length > limit) throw tooLarge(outgoing, limit, result)
  let body: unknown
  try {
    body = parseBody(result.body, result.headers['content-type'])
  } catch (error) {
    throw unreadable(outgoing, result, error)
  }
  return {
    method: outgoing.method,
    url: outgoing.url,
    status: result.status,
    ok: result.status >= 200 && result.status < 300,
    headers: result.headers,
    body,
  }
}

function tooLarge(outgoing: TransportRequest, limit: number, result: TransportResponse): Error {
  return new ResponseTooLargeError(outgoing.method, outgoing.url, limit, result.status)
}

/** An answer arrived that cannot be read (e.g. a text too long for a string): final, not a network failure. */
function unreadable(outgoing: TransportRequest, result: TransportResponse, error: unknown): Error {
  return new RequestError(
    `${outgoing.method} ${redactUrl(outgoing.url)} answered a body that cannot be read: ${preview(String((error as Error).message), 200)}`,
    { status: result.status, method: outgoing.method, url: outgoing.url, cause: error },
  )
}

/** A copy of `headers` with a JSON content type, unless one was set in the client's options. */
function withJsonType(headers: Record<string, string>): Record<string, string> {
  return headers['content-type'] === undefined
    ? { ...headers, 'content-type': 'application/json' }
    : { ...headers }
}

/** True for a body `run` sends as JSON itself: a plain object or array, on a method that takes one. */
function isJsonBody(method: string, body: unknown): boolean {
  if (method === 'GET' || method === 'HEAD' || typeof body !== 'object' || body === null) return false
  return Object.getPrototypeOf(body) === Object.prototype || Array.isArray(body)
}

/** The JSON text of a body that is not text, bytes or a form. */
function toJson(body: unknown): string {
  let payload: string | undefined
  try {
    payload = JSON.stringify(body)
  } catch (error) {
    throw new UsageError(`body cannot be sent as JSON: ${preview((error as Error).message, 200)}`)
  }
  if (payload === undefined) throw new UsageError(`body of type ${typeof body} cannot be sent as JSON`)
  return payload
}

/** The encoded query of a trusted request, with its `?`, or `''`. */
function trustedQuery(query: MaxRequest['query']): string {
  if (query === undefined) return ''
  const encoded = typeof query === 'string' ? query : serializeQuery(query, false)
  return encoded === '' ? '' : `?${encoded}`
}

/** The request hooks and the transport see for one attempt; retries get their own header copy. */
function hookRequestOf(prepared: Prepared, attempt: number): HookRequest {
  const request: HookRequest = {
    method: prepared.method,
    url: prepared.url,
    headers: attempt === 0 ? prepared.headers : { ...prepared.headers },
    attempt,
  }
  if (prepared.body !== undefined) request.body = prepared.body
  return request
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

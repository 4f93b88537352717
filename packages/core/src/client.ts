import { formatRequest, formatResponse, redactText } from './debug.js'
import {
  AuthRequiredError,
  BadCredentialsError,
  MaxError,
  RequestError,
  redactUrl,
  TimeoutError,
  UsageError,
} from './errors.js'
import { createFetchTransport } from './fetch-transport.js'
import { isFormData } from './form-data.js'
import { type HookRequest, type Hooks, normalizeHooks } from './hooks.js'
import { type ClientClass, resolveHubDomainWith } from './hub.js'
import { interpretResponse, parseBody } from './response.js'
import {
  backoffDelay,
  defaultRetryPolicy,
  parseRetryAfter,
  type RetryPolicy,
  resolveRetry,
  sleep,
} from './retry.js'
import { supportsTimeout, type Transport, type TransportRequest, TransportTimeoutError } from './transport.js'
import type { MaxClientOptions, MaxRequest, MaxResponse } from './types.js'

const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'HEAD'])
const OPTION_NAMES: ReadonlySet<string> = new Set([
  'oauthServer',
  'actor',
  'token',
  'scope',
  'grantType',
  'clientId',
  'basicAuth',
  'transport',
  'fetch',
  'timeout',
  'retry',
  'hooks',
  'debug',
  'headers',
] satisfies Array<keyof MaxClientOptions>)
const DEFAULT_TIMEOUT = 30_000
const CONTROL = /[\r\n\0]/

/** Everything `execute` needs; built by `send`, `login`, `serverInfo` and hub discovery. */
interface Prepared {
  method: string
  url: string
  headers: Record<string, string>
  body?: string | Uint8Array | FormData
  signal?: AbortSignal | undefined
  timeout: number
  retry: RetryPolicy
}

function checkTimeout(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new UsageError(`${where} must be a positive number of milliseconds, got ${String(value)}`)
  }
  return value
}

function checkHeaderValue(name: string, value: unknown, where: string): string {
  if (typeof value !== 'string')
    throw new UsageError(`${where} "${name}" must be a string, got ${typeof value}`)
  if (CONTROL.test(value)) throw new UsageError(`${where} "${name}" must not contain line breaks or NUL`)
  return value
}

/** Validates an absolute http(s) base URL and drops trailing slashes. @internal */
export function checkUrl(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new UsageError(
      `${what} must be an absolute http(s) URL such as "https://max.example.org", got ${String(value)}`,
    )
  }
  let parsed: URL
  try {
    parsed = new URL(value)
  } catch {
    throw new UsageError(
      `${what} must be an absolute http(s) URL such as "https://max.example.org", got "${value}"`,
    )
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new UsageError(`${what} must use http: or https:, got "${parsed.protocol}" in "${value}"`)
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    throw new UsageError(`${what} must not carry a query or fragment, got "${value}"`)
  }
  return value.replace(/\/+$/, '')
}

function copyHeaders(into: Record<string, string>, headers: unknown, where: string): void {
  if (headers === undefined) return
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) {
    throw new UsageError(`${where} must be an object of header names to string values`)
  }
  for (const name of Object.keys(headers)) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || name === '__proto__') {
      throw new UsageError(`${where}: "${name}" is not a valid header name`)
    }
    into[name.toLowerCase()] = checkHeaderValue(name, (headers as Record<string, unknown>)[name], where)
  }
}

function base64(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** Reads a public JSON document through a client (used by hub discovery). @internal */
export let readJsonDocument: (client: MaxCore, url: string, what: string) => Promise<Record<string, unknown>>

/**
 * The MAX client core: auth headers, OAuth login, `/info` discovery, retries, timeouts, hooks and
 * debug dumps around one {@link Transport}. The REST and RPC clients extend it.
 *
 * @example
 * ```ts
 * const max = new MaxCore('https://max.example.org')
 * await max.login('alice', process.env.MAX_PASSWORD)
 * const person = await max.request({ method: 'GET', path: '/people/alice' })
 * ```
 */
export class MaxCore {
  static {
    readJsonDocument = (client, url, what) => client.#readInfo(url, what)
  }

  /** MAX server base URL, without trailing slash. */
  readonly url: string
  /** The last response received by {@link MaxCore.send} (also set when `request` throws on it). */
  lastResponse: MaxResponse | undefined

  readonly #transport: Transport
  readonly #nativeTimeout: boolean
  readonly #timeout: number
  readonly #retry: RetryPolicy
  readonly #hooks: Hooks
  readonly #hasHooks: boolean
  readonly #debug: ((line: string) => void) | undefined
  readonly #headers: Record<string, string>
  readonly #scope: string
  readonly #grantType: string
  readonly #clientId: string
  readonly #basicPassword: string | undefined
  #oauthServer: string | undefined
  #actor: string | undefined
  #token: string | undefined
  #info: Promise<Record<string, unknown>> | undefined
  #oauthDiscovery: Promise<string> | undefined

  /**
   * @param url - MAX server base URL, e.g. `https://max.example.org` (a trailing slash is dropped).
   * @param options - see {@link MaxClientOptions}.
   * @throws {@link @maxclient/core!UsageError | UsageError} when the URL or an option is invalid.
   */
  constructor(url: string, options: MaxClientOptions = {}) {
    this.url = checkUrl(url, 'MAX server URL')
    if (typeof options !== 'object' || options === null) {
      throw new UsageError('MaxCore options must be an object')
    }
    for (const key of Object.keys(options)) {
      // A misspelt option would otherwise be ignored silently (subclasses strip their own first).
      if (!OPTION_NAMES.has(key)) {
        throw new UsageError(`unknown client option "${key}"; known options: ${[...OPTION_NAMES].join(', ')}`)
      }
    }
    if (options.transport !== undefined && typeof options.transport !== 'function') {
      throw new UsageError('transport must be a function (request) => Promise<response>')
    }
    if (options.fetch !== undefined && typeof options.fetch !== 'function') {
      throw new UsageError('fetch must be a function taking a Request and returning a Promise<Response>')
    }
    this.#transport =
      options.transport ??
      (options.fetch === undefined ? this.createDefaultTransport() : createFetchTransport(options.fetch))
    this.#nativeTimeout = supportsTimeout(this.#transport)
    this.#timeout = options.timeout === undefined ? DEFAULT_TIMEOUT : checkTimeout(options.timeout, 'timeout')
    this.#retry = resolveRetry(options.retry, defaultRetryPolicy)
    this.#hooks = normalizeHooks(options.hooks)
    this.#hasHooks = Object.values(this.#hooks).some((list) => list.length > 0)
    const debug = options.debug
    if (debug !== undefined && typeof debug !== 'boolean' && typeof debug !== 'function') {
      throw new UsageError('debug must be true, false or a function receiving each dump')
    }
    this.#debug =
      debug === true ? (line: string) => console.error(line) : typeof debug === 'function' ? debug : undefined
    this.#scope = this.#optionString(options.scope, 'scope', 'widgetcli')
    this.#grantType = this.#optionString(options.grantType, 'grantType', 'password')
    this.#clientId = this.#optionString(options.clientId, 'clientId', 'MAX')
    this.#headers = Object.create(null)
    this.#headers.accept = 'application/json'
    copyHeaders(this.#headers, options.headers, 'headers option')
    if (options.basicAuth !== undefined) {
      const { username, password } = options.basicAuth ?? {}
      if (typeof username !== 'string' || username === '' || typeof password !== 'string') {
        throw new UsageError('basicAuth must be { username: string, password: string }')
      }
      this.#headers.authorization = `Basic ${base64(`${username}:${password}`)}`
      this.#basicPassword = password
    }
    if (options.oauthServer !== undefined) this.#oauthServer = checkUrl(options.oauthServer, 'oauthServer')
    if (options.actor !== undefined) this.setActor(options.actor)
    if (options.token !== undefined) this.setToken(options.token)
  }

  /**
   * Creates a client for the MAX server a hub assigns to `domain` (see {@link @maxclient/core!resolveHubDomain | resolveHubDomain}).
   * Called on a subclass, it returns an instance of that subclass.
   *
   * @example
   * ```ts
   * const max = await MaxCore.fromHubDomain('upc', { hub: 'https://hub.example.org' })
   * ```
   */
  static async fromHubDomain<T extends MaxCore, O extends MaxClientOptions = MaxClientOptions>(
    this: new (
      url: string,
      options?: O,
    ) => T,
    domain: string,
    options: O & { hub: string },
  ): Promise<T> {
    if (typeof options !== 'object' || options === null) {
      throw new UsageError(
        'fromHubDomain(domain, options): options must include { hub: "https://hub.example.org" }',
      )
    }
    const { hub, ...clientOptions } = options
    // biome-ignore lint/complexity/noThisInStatic: the class called on, so subclasses get their own instances.
    const url = await resolveHubDomainWith(this as ClientClass, domain, { ...clientOptions, hub })
    // The options minus `hub` are exactly what the subclass constructor takes.
    return new this(url, clientOptions as unknown as O)
  }

  /**
   * The transport used when neither `transport` nor `fetch` is given: `fetch` here, `node:http`
   * in the Node entry point. Subclasses may override it.
   */
  protected createDefaultTransport(): Transport {
    return createFetchTransport()
  }

  #optionString(value: unknown, name: string, fallback: string): string {
    if (value === undefined) return fallback
    if (typeof value !== 'string' || value === '') throw new UsageError(`${name} must be a non-empty string`)
    return checkHeaderValue(name, value, 'option')
  }

  /** Username requests are made as (`X-Oauth-Username`), if set. */
  get actor(): string | undefined {
    return this.#actor
  }

  /** OAuth scope sent as `X-Oauth-Scope`. */
  get scope(): string {
    return this.#scope
  }

  /** True when a token is set (the token itself is not readable back, to keep it out of logs). */
  get hasToken(): boolean {
    return this.#token !== undefined
  }

  /** Sets the user requests are made as. */
  setActor(username: string): void {
    if (typeof username !== 'string' || username.trim() === '') {
      throw new UsageError(
        `setActor(username): expected a non-empty username, got ${JSON.stringify(username)}`,
      )
    }
    this.#actor = checkHeaderValue('username', username, 'setActor')
  }

  /** Sets the OAuth token sent as `X-Oauth-Token`. */
  setToken(token: string): void {
    if (typeof token !== 'string' || token.trim() === '') {
      throw new UsageError('setToken(token): expected a non-empty token string')
    }
    if (CONTROL.test(token)) throw new UsageError('setToken(token): the token must not contain line breaks')
    this.#token = token
  }

  /**
   * Gets an OAuth token with the password grant (`POST {oauthServer}/token`, form-encoded, as the
   * Python client did) and sets actor and token.
   *
   * @param username - default: the current actor.
   * @param password - default: empty (servers with `bypass` accept it).
   * @param options.bypass - sent as the text `True`/`False`. Default `false`.
   * @returns the token.
   * @throws {@link @maxclient/core!BadCredentialsError | BadCredentialsError} when the OAuth server refuses (any non-200 status).
   * @throws {@link @maxclient/core!RequestError | RequestError} when the server gives no token or no answer.
   */
  async login(username?: string, password?: string, options: { bypass?: boolean } = {}): Promise<string> {
    const user = username ?? this.#actor
    if (typeof user !== 'string' || user.trim() === '') {
      throw new UsageError('login(username, password): give a username, or call setActor() first')
    }
    if (password !== undefined && typeof password !== 'string') {
      throw new UsageError('login(username, password): password must be a string')
    }
    if (options.bypass !== undefined && typeof options.bypass !== 'boolean') {
      throw new UsageError('login(..., { bypass }): bypass must be true or false')
    }
    const oauth = await this.oauthServer()
    const form = new URLSearchParams()
    form.set('grant_type', this.#grantType)
    form.set('client_id', this.#clientId)
    form.set('scope', this.#scope)
    form.set('username', user)
    form.set('password', password ?? '')
    // The Python client sent its bool, which Python writes as True/False.
    form.set('bypass', options.bypass ? 'True' : 'False')
    const url = `${oauth}/token`
    const secrets = password ? [password] : []
    const response = await this.#execute(
      {
        method: 'POST',
        url,
        headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
        body: form.toString(),
        timeout: this.#timeout,
        retry: this.#retry,
      },
      secrets,
    )
    if (response.status !== 200) {
      const body = response.body
      const error =
        typeof body === 'object' && body !== null && 'error' in body
          ? String((body as { error: unknown }).error)
          : undefined
      throw new BadCredentialsError({
        username: user,
        oauthServer: oauth,
        maxServer: this.url,
        status: response.status,
        ...(error === undefined ? {} : { error }),
      })
    }
    const body = response.body
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new RequestError(
        `POST ${url} answered 200 without a JSON object; expected {"access_token": ...}`,
        {
          status: 200,
          method: 'POST',
          url,
        },
      )
    }
    const record = body as Record<string, unknown>
    const token = record.access_token ?? record.oauth_token
    if (typeof token !== 'string' || token === '') {
      throw new RequestError(`POST ${url} answered 200 without a token (no access_token or oauth_token)`, {
        status: 200,
        method: 'POST',
        url,
      })
    }
    this.setActor(user)
    this.setToken(token)
    return token
  }

  /**
   * The public `GET {url}/info` document (cached after the first success).
   * @throws {@link @maxclient/core!RequestError | RequestError} naming the URL when it fails or is not a JSON object.
   */
  serverInfo(): Promise<Record<string, unknown>> {
    if (this.#info === undefined) {
      this.#info = this.#readInfo(`${this.url}/info`, 'MAX server info')
      this.#info.catch(() => {
        this.#info = undefined
      })
    }
    return this.#info
  }

  /**
   * The OAuth server: the `oauthServer` option, else `max.oauth_server` of `/info` (trailing slash
   * stripped), discovered once.
   */
  oauthServer(): Promise<string> {
    if (this.#oauthServer !== undefined) return Promise.resolve(this.#oauthServer)
    if (this.#oauthDiscovery === undefined) {
      this.#oauthDiscovery = this.serverInfo().then((info) => {
        const value = info['max.oauth_server']
        if (typeof value !== 'string' || value === '') {
          throw new MaxError(
            `The MAX server ${this.url} does not announce "max.oauth_server" in GET ${this.url}/info; ` +
              'pass the oauthServer option',
          )
        }
        this.#oauthServer = checkUrl(value, `max.oauth_server of ${this.url}/info`)
        return this.#oauthServer
      })
      this.#oauthDiscovery.catch(() => {
        this.#oauthDiscovery = undefined
      })
    }
    return this.#oauthDiscovery
  }

  /**
   * Sends one request to the MAX server with auth headers, timeout, retries, hooks and debug.
   * Never throws on an HTTP status: inspect `status`, or use {@link MaxCore.request}.
   * @throws {@link @maxclient/core!AuthRequiredError | AuthRequiredError} when auth is needed and no token or actor is set (nothing is sent).
   * @throws {@link @maxclient/core!RequestError | RequestError} when no answer arrives (status 0), {@link TimeoutError} on timeout.
   */
  send(request: MaxRequest): Promise<MaxResponse> {
    let prepared: Prepared
    try {
      prepared = this.#prepare(request)
    } catch (error) {
      return Promise.reject(error)
    }
    return this.#execute(prepared)
  }

  /**
   * {@link MaxCore.send} followed by {@link @maxclient/core!interpretResponse | interpretResponse}: the body on success, `null` for a
   * missing resource, the count for HEAD.
   * @throws {@link @maxclient/core!RequestError | RequestError} for failures, with MAX's error name and description.
   */
  async request<T = unknown>(request: MaxRequest): Promise<T> {
    let response = await this.send(request)
    try {
      if (response.method === 'HEAD' && response.status === 404) {
        // HEAD has no body to tell a missing resource from a missing route: ask GET, as the
        // Python client did.
        const probe = await this.send({ ...request, method: 'GET' })
        if (probe.ok) {
          throw new RequestError(
            `HEAD ${redactUrl(response.url)}: this endpoint does not accept HEAD (HTTP 404)`,
            {
              status: 404,
              method: 'HEAD',
              url: response.url,
            },
          )
        }
        response = probe
      }
      return interpretResponse(response) as T
    } catch (error) {
      throw await this.#onError(error as Error, {
        method: response.method,
        url: response.url,
        headers: {},
        attempt: 0,
      })
    }
  }

  #prepare(request: MaxRequest): Prepared {
    if (typeof request !== 'object' || request === null) {
      throw new UsageError('request must be an object { method, path, query?, body?, ... }')
    }
    const method = request.method
    if (!METHODS.has(method)) {
      throw new UsageError(
        `method must be one of GET, POST, PUT, DELETE, HEAD (upper case), got ${String(method)}`,
      )
    }
    const path = request.path
    if (typeof path !== 'string' || !path.startsWith('/') || /[\s?#]/.test(path)) {
      throw new UsageError(
        `path must start with "/" and be percent-encoded, without spaces, "?" or "#" (use query), got ${JSON.stringify(path)}`,
      )
    }
    let url = this.url + path
    if (request.query !== undefined && request.query !== '') {
      if (typeof request.query !== 'string' || /[\s#]/.test(request.query) || request.query.startsWith('?')) {
        throw new UsageError(
          `query must be an encoded string without the leading "?", got ${JSON.stringify(request.query)}`,
        )
      }
      url += `?${request.query}`
    }
    const headers: Record<string, string> = { ...this.#headers }
    if (request.auth !== false) {
      if (this.#token === undefined || this.#actor === undefined) {
        const missing =
          this.#token === undefined ? (this.#actor === undefined ? 'token and actor' : 'token') : 'actor'
        throw new AuthRequiredError(
          `${method} ${path} needs authentication but the client has no ${missing}: ` +
            'call login(username, password), or setToken(token) and setActor(username)',
        )
      }
      headers['x-oauth-token'] = this.#token
      headers['x-oauth-username'] = this.#actor
      headers['x-oauth-scope'] = this.#scope
    }
    if (request.headers !== undefined) copyHeaders(headers, request.headers, 'request headers')
    const body = request.body
    let payload: string | Uint8Array | FormData | undefined
    if (body !== undefined) {
      if (method === 'GET' || method === 'HEAD') {
        throw new UsageError(`${method} requests cannot carry a body; put parameters in query`)
      }
      if (typeof body === 'string') payload = body
      else if (body instanceof Uint8Array) payload = body
      else if (isFormData(body)) payload = body
      else {
        try {
          payload = JSON.stringify(body)
        } catch (error) {
          throw new UsageError(`body cannot be sent as JSON: ${(error as Error).message}`)
        }
        if (payload === undefined) throw new UsageError(`body of type ${typeof body} cannot be sent as JSON`)
      }
      if (!isFormData(payload) && headers['content-type'] === undefined) {
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
      timeout: request.timeout === undefined ? this.#timeout : checkTimeout(request.timeout, 'timeout'),
      retry: request.retry === undefined ? this.#retry : resolveRetry(request.retry, this.#retry),
    }
    if (payload !== undefined) prepared.body = payload
    return prepared
  }

  /** Secrets the debug dump must hide even where no key names them. */
  #secrets(extra: readonly string[] = []): string[] {
    const secrets = [...extra]
    if (this.#token !== undefined) secrets.push(this.#token)
    if (this.#basicPassword !== undefined) secrets.push(this.#basicPassword)
    return secrets
  }

  // Runs one prepared request through hooks, debug, transport, timeout and retries; `login`,
  // `serverInfo` and hub discovery call it with absolute URLs.
  async #execute(prepared: Prepared, extraSecrets?: readonly string[]): Promise<MaxResponse> {
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
      if (this.#hasHooks) for (const hook of this.#hooks.beforeRequest) await hook(hookRequest)
      if (this.#debug !== undefined) this.#debug(formatRequest(hookRequest, this.#secrets(extraSecrets)))
      let response: MaxResponse
      try {
        response = await this.#attempt(hookRequest, prepared)
      } catch (caught) {
        const error = this.#toRequestError(caught, hookRequest, prepared)
        if (error instanceof RequestError && mayRetry && attempt < retry.retries) {
          const delay = backoffDelay(attempt + 1, retry)
          if (this.#hasHooks) {
            for (const hook of this.#hooks.beforeRetry)
              await hook({ request: hookRequest, retry: attempt + 1, delay, error })
          }
          await sleep(delay, prepared.signal)
          continue
        }
        throw await this.#onError(error, hookRequest)
      }
      if (this.#debug !== undefined) this.#debug(formatResponse(response, this.#secrets(extraSecrets)))
      if (mayRetry && attempt < retry.retries && retry.statusCodes.has(response.status)) {
        const delay = this.#retryDelay(response, attempt + 1, retry)
        if (delay !== undefined) {
          if (this.#hasHooks) {
            for (const hook of this.#hooks.beforeRetry)
              await hook({ request: hookRequest, retry: attempt + 1, delay, response })
          }
          await sleep(delay, prepared.signal)
          continue
        }
      }
      if (this.#hasHooks) {
        for (const hook of this.#hooks.afterResponse)
          response = (await hook(response, hookRequest)) ?? response
      }
      this.lastResponse = response
      return response
    }
  }

  #retryDelay(response: MaxResponse, retry: number, policy: RetryPolicy): number | undefined {
    const asked = parseRetryAfter(response.headers['retry-after'])
    if (asked === undefined) return backoffDelay(retry, policy)
    // A server asking for a longer pause than we accept gets its answer returned instead.
    return asked > policy.maxRetryAfter ? undefined : asked
  }

  #attempt(request: HookRequest, prepared: Prepared): Promise<MaxResponse> {
    // The hook request doubles as the transport request (transports ignore `attempt`): one
    // object less per call on the hot path.
    const outgoing: TransportRequest = request
    if (this.#nativeTimeout) {
      outgoing.timeout = prepared.timeout
      if (prepared.signal !== undefined) outgoing.signal = prepared.signal
    } else {
      const timeoutSignal = AbortSignal.timeout(prepared.timeout)
      outgoing.signal =
        prepared.signal === undefined ? timeoutSignal : AbortSignal.any([prepared.signal, timeoutSignal])
    }
    return this.#transport(outgoing).then((result) => ({
      method: outgoing.method,
      url: outgoing.url,
      status: result.status,
      ok: result.status >= 200 && result.status < 300,
      headers: result.headers,
      body: parseBody(result.body, result.headers['content-type']),
    }))
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
      (caught instanceof Error && caught.name === 'TimeoutError' && !this.#nativeTimeout)
    ) {
      return new TimeoutError(request.method, request.url, prepared.timeout)
    }
    // Some socket-layer errors (and test interceptors) echo the request; keep secrets out.
    const reason = redactText(describeNetworkError(caught), this.#secrets())
    return new RequestError(`${request.method} ${redactUrl(request.url)} got no answer: ${reason}`, {
      status: 0,
      method: request.method,
      url: request.url,
      cause: caught,
    })
  }

  async #onError(error: Error, request: HookRequest): Promise<Error> {
    if (!this.#hasHooks) return error
    let current = error
    for (const hook of this.#hooks.onError) current = (await hook(current, request)) ?? current
    return current
  }

  // GET an unauthenticated JSON object document (MAX /info, hub /info) with a clear error naming the URL.
  async #readInfo(url: string, what: string): Promise<Record<string, unknown>> {
    let response: MaxResponse
    try {
      response = await this.#execute({
        method: 'GET',
        url,
        headers: { ...this.#headers },
        timeout: this.#timeout,
        retry: this.#retry,
      })
    } catch (error) {
      if (error instanceof RequestError && error.status === 0 && !(error instanceof TimeoutError)) {
        throw new RequestError(`Cannot read ${what}: GET ${url} got no answer (${error.message})`, {
          status: 0,
          method: 'GET',
          url,
          cause: error,
        })
      }
      throw error
    }
    const { status, body } = response
    if (status !== 200) {
      const hint = status === 502 ? ' (is the server running behind the proxy?)' : ''
      throw new RequestError(`Cannot read ${what}: GET ${url} answered HTTP ${status}${hint}`, {
        status,
        method: 'GET',
        url,
      })
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body) || body instanceof Uint8Array) {
      throw new RequestError(`Cannot read ${what}: GET ${url} did not answer a JSON object`, {
        status,
        method: 'GET',
        url,
      })
    }
    return body as Record<string, unknown>
  }
}

function describeNetworkError(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error)
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown }
  // fetch wraps the socket error in `cause`.
  if (message === 'fetch failed' && cause !== undefined) return describeNetworkError(cause)
  const text = typeof message === 'string' ? message : String(error)
  return typeof code === 'string' && !text.includes(code) ? `${code} ${text}` : text
}

import { requestToken } from './auth.js'
import { readInfoDocument } from './discovery.js'
import { MaxError, RequestError, redactUrl, UsageError } from './errors.js'
import { createFetchTransport } from './fetch-transport.js'
import { type ClientClass, resolveHubDomainWith } from './hub.js'
import { checkUrl, resolveOptions } from './options.js'
import { Pipeline, same } from './pipeline.js'
import { interpretResponse } from './response.js'
import type { Transport } from './transport.js'
import type { MaxClientOptions, MaxRequest, MaxResponse } from './types.js'
import { preview } from './values.js'

let sendThenOf: <T>(client: MaxCore, request: MaxRequest, settle: (response: MaxResponse) => T) => Promise<T>

/**
 * {@link MaxCore.send} followed by `settle(response)` in the same promise reaction, for clients
 * that turn every response into their own result (the RPC tuple). @internal
 */
export function sendThen<T>(
  client: MaxCore,
  request: MaxRequest,
  settle: (response: MaxResponse) => T,
): Promise<T> {
  return sendThenOf(client, request, settle)
}

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
  /** MAX server base URL, without trailing slash. */
  readonly url: string
  /** The last response received by {@link MaxCore.send} (also set when `request` throws on it). */
  lastResponse: MaxResponse | undefined

  readonly #pipeline: Pipeline
  #oauthServer: string | undefined
  #info: Promise<Record<string, unknown>> | undefined
  #oauthDiscovery: Promise<string> | undefined

  /**
   * @param url - MAX server base URL, e.g. `https://max.example.org` (a trailing slash is dropped).
   *   Credentials in it (`https://user:pw@host`) are refused: use the `basicAuth` option.
   * @param options - see {@link MaxClientOptions}.
   * @throws {@link UsageError} when the URL or an option is invalid.
   */
  constructor(url: string, options: MaxClientOptions = {}) {
    this.url = checkUrl(url, 'MAX server URL')
    const settings = resolveOptions(options, () => this.createDefaultTransport())
    this.#pipeline = new Pipeline(this.url, settings)
    this.#oauthServer = settings.oauthServer
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

  /** Username requests are made as (`X-Oauth-Username`), if set. */
  get actor(): string | undefined {
    return this.#pipeline.actor
  }

  /** OAuth scope sent as `X-Oauth-Scope`. */
  get scope(): string {
    return this.#pipeline.settings.scope
  }

  /** True when a token is set (the token itself is not readable back, to keep it out of logs). */
  get hasToken(): boolean {
    return this.#pipeline.hasToken
  }

  /** Sets the user requests are made as. */
  setActor(username: string): void {
    this.#pipeline.setActor(username)
  }

  /** Sets the OAuth token sent as `X-Oauth-Token`. From then on it is redacted from every error and dump. */
  setToken(token: string): void {
    this.#pipeline.setToken(token)
  }

  /**
   * Gets an OAuth token with the password grant (`POST {oauthServer}/token`, form-encoded, as the
   * Python client did) and sets actor and token.
   *
   * @param username - default: the current actor.
   * @param password - default: empty (servers with `bypass` accept it).
   * @param options.bypass - sent as the text `True`/`False`. Default `false`.
   * @returns the token.
   * @throws {@link BadCredentialsError} when the OAuth server refuses the credentials (`invalid_grant`).
   * @throws {@link RequestError} for any other answer (an outage, an unexpected status) with its
   *   status, or when the server gives no token or no answer.
   */
  async login(username?: string, password?: string, options: { bypass?: boolean } = {}): Promise<string> {
    const user = username ?? this.#pipeline.actor
    if (typeof user !== 'string' || user.trim() === '') {
      throw new UsageError('login(username, password): give a username, or call setActor() first')
    }
    if (password !== undefined && typeof password !== 'string') {
      throw new UsageError('login(username, password): password must be a string')
    }
    if (typeof options !== 'object' || options === null) {
      throw new UsageError('login(username, password, options): options must be an object { bypass? }')
    }
    for (const key of Object.keys(options)) {
      if (key !== 'bypass') throw new UsageError(`unknown login option "${preview(key)}"; known: bypass`)
    }
    if (options.bypass !== undefined && typeof options.bypass !== 'boolean') {
      throw new UsageError('login(..., { bypass }): bypass must be true or false')
    }
    const oauthServer = await this.oauthServer()
    const token = await requestToken(this.#pipeline, {
      oauthServer,
      maxServer: this.url,
      username: user,
      password: password ?? '',
      bypass: options.bypass === true,
    })
    this.setActor(user)
    this.setToken(token)
    return token
  }

  /**
   * The public `GET {url}/info` document (cached after the first success).
   * @throws {@link RequestError} naming the URL when it fails or is not a JSON object.
   */
  serverInfo(): Promise<Record<string, unknown>> {
    if (this.#info === undefined) {
      this.#info = readInfoDocument(this.#pipeline, `${this.url}/info`)
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
   * @throws {@link AuthRequiredError} when auth is needed and no token or actor is set (nothing is sent).
   * @throws {@link RequestError} when no answer arrives (status 0), {@link TimeoutError} on timeout,
   *   {@link @maxclient/core!ResponseTooLargeError | ResponseTooLargeError} beyond `maxResponseSize`.
   */
  send(request: MaxRequest): Promise<MaxResponse> {
    return this.#pipeline.run(request, same, this)
  }

  /**
   * {@link MaxCore.send} followed by {@link @maxclient/core!interpretResponse | interpretResponse}: the body on success, `null` for a
   * missing resource, the count for HEAD.
   * @throws {@link RequestError} for failures, with MAX's error name and description (secrets redacted).
   */
  request<T = unknown>(request: MaxRequest): Promise<T> {
    // One reaction from the transport's answer to the result, and no closure per call: this runs
    // once per call of every client.
    return this.#pipeline.run(request, this.#interpretOnce, this) as Promise<T>
  }

  /** A 2xx body as it is; anything else through {@link MaxCore.#interpret}. */
  readonly #interpretOnce = (response: MaxResponse, request: MaxRequest): unknown =>
    response.status >= 200 && response.status < 300 && response.method !== 'HEAD'
      ? response.body
      : this.#interpret(request, response)

  static {
    sendThenOf = (client, request, settle) => client.#pipeline.run(request, settle, client)
  }

  async #interpret<T>(request: MaxRequest, first: MaxResponse): Promise<T> {
    let response = first
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
      // A server may echo the token (or a password) in its error text.
      throw await this.#pipeline.onError(this.#pipeline.redact(error as Error), {
        method: response.method,
        url: response.url,
        headers: {},
        attempt: 0,
      })
    }
  }
}

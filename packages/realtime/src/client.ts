import { backoffDelay, UsageError } from '@maxclient/core'
import { sha1Hex } from '@maxclient/resources'
import { decodeBody, type Envelope, type EnvelopeSource, pack } from './codec.js'
import { RealtimeAuthError, RealtimeError } from './errors.js'
import {
  type EventFilter,
  type EventOfType,
  type RealtimeEvent,
  type RealtimeEventType,
  type ReconnectEvent,
  toEvent,
} from './events.js'
import type { Connector, ConnectParams, TransportConnection, WebSocketConstructor } from './transport.js'

/** What the catch-up function is told after a reconnect. */
export interface CatchUpInfo {
  /** When the connection was lost: events after this were not delivered. */
  since: Date
  /** Last stored message id seen per conversation (from stored-message and ack events). */
  lastMessageIds: ReadonlyMap<string, string>
  /** Aborted when the client closes. */
  signal: AbortSignal
}

/** Options of {@link connectRealtime}. */
export interface RealtimeOptions {
  /**
   * Broker URL: `wss://max.example.com/ws` (STOMP over WebSocket, RabbitMQ Web-STOMP) or
   * `amqps://broker.example.com` (AMQP 0-9-1, for server-side consumers).
   */
  url: string | URL
  /** MAX username (the one the token belongs to). */
  username: string
  /** The user's OAuth token (the REST `X-Oauth-Token`). Never logged or put in errors. */
  token: string
  /** MAX domain: the broker login becomes `domain:username`, as the widgets send it. */
  domain?: string
  /** Heart-beat interval in ms; 0 disables. Default 20000. */
  heartbeat?: number
  /** Time allowed to connect and subscribe, in ms. Default 10000. */
  connectTimeout?: number
  /** Reconnection after a drop (exponential backoff with jitter), or `false` to stop instead. */
  reconnect?: { minDelay?: number; maxDelay?: number; maxAttempts?: number } | false
  /** Called after every reconnect, before the `reconnect` event, to fetch what was missed over REST. */
  catchUp?: (info: CatchUpInfo) => unknown | Promise<unknown>
  /** Closes the client when aborted. */
  signal?: AbortSignal
  /** TLS certificate verification (`wss:`, `amqps:`). Default true; only `false` turns it off. */
  rejectUnauthorized?: boolean
  /** WebSocket constructor to use instead of the platform's. */
  webSocket?: WebSocketConstructor
  /** Events buffered per `events()` iterator before it fails as too slow. Default 10000. */
  maxBuffered?: number
  /** `source` put on messages sent with {@link Realtime.send}. Default `widget`, as MAX's widgets send. */
  source?: EnvelopeSource
}

type Handler<T extends RealtimeEventType> = (event: EventOfType<T>) => void
type AnyEvent = RealtimeEvent | ReconnectEvent

const OBJECT_ID = /^[0-9a-f]{24}$/
const HASH = /^[0-9a-f]{40}$/
const MAX_TEXT = 100_000

function positive(name: string, value: number | undefined, fallback: number, zero = false): number {
  if (value === undefined) return fallback
  if (!Number.isFinite(value) || value < 0 || (!zero && value === 0))
    throw new UsageError(
      `${name} must be a ${zero ? 'non-negative' : 'positive'} number of milliseconds, got ${value}`,
    )
  return value
}

function parseUrl(value: string | URL): { url: URL; transport: 'stomp' | 'amqp' } {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new UsageError(
      'url must be an absolute URL such as wss://max.example.com/ws or amqps://broker.example.com',
    )
  }
  if (url.username || url.password)
    throw new UsageError('url must not carry credentials: pass username and token instead')
  if (url.protocol === 'ws:' || url.protocol === 'wss:') return { url, transport: 'stomp' }
  if (url.protocol === 'amqp:' || url.protocol === 'amqps:') return { url, transport: 'amqp' }
  throw new UsageError(`url must start with wss://, ws://, amqps:// or amqp://, got ${url.protocol}//`)
}

/**
 * A live connection to MAX's events for one user. Get one with {@link connectRealtime}; read
 * events with `for await (const e of realtime.events())` or `realtime.on(type, handler)`.
 */
export class Realtime {
  #connection: TransportConnection | undefined
  #listeners = new Map<string, Set<(event: AnyEvent) => void>>()
  #lastMessageIds = new Map<string, string>()
  #closed = false
  #abort = new AbortController()
  #reconnecting: Promise<void> | undefined

  /** @internal Use {@link connectRealtime}. */
  // Private fields (not TS `private`): the token inside must not show when the object is logged.
  readonly #params: ConnectParams
  readonly #options: RealtimeOptions
  readonly #connector: Connector

  constructor(params: ConnectParams, options: RealtimeOptions, connector: Connector) {
    this.#params = params
    this.#options = options
    this.#connector = connector
  }

  /** The MAX username events are received for. */
  get username(): string {
    return this.#params.username
  }

  /** True until {@link close} is called or reconnection gives up. */
  get open(): boolean {
    return !this.#closed
  }

  /** @internal Opens the first connection. */
  async start(): Promise<void> {
    this.#connection = await this.#connect()
    const { signal } = this.#options
    if (signal) {
      if (signal.aborted) await this.close()
      else
        signal.addEventListener('abort', () => void this.close(), { once: true, signal: this.#abort.signal })
    }
  }

  #connect(): Promise<TransportConnection> {
    return this.#connector(this.#params, {
      onMessage: (exchange, routingKey, body) => this.#deliver(exchange, routingKey, body),
      onLost: (error) => {
        this.#connection = undefined
        if (!this.#closed)
          this.#reconnecting ??= this.#reconnect(error).finally(() => (this.#reconnecting = undefined))
      },
    })
  }

  async #reconnect(error: Error): Promise<void> {
    const since = new Date()
    const policy = this.#options.reconnect
    if (policy === false) {
      this.#emitError(error)
      await this.close()
      return
    }
    const minDelay = policy?.minDelay ?? 500
    const maxDelay = policy?.maxDelay ?? 30_000
    const maxAttempts = policy?.maxAttempts ?? Number.POSITIVE_INFINITY
    for (let attempt = 1; !this.#closed; attempt++) {
      await new Promise((resolve) => {
        // backoffDelay reads only the two delays of a retry policy.
        const policy = { minDelay, maxDelay } as Parameters<typeof backoffDelay>[1]
        const timer = setTimeout(resolve, backoffDelay(attempt, policy))
        this.#abort.signal.addEventListener(
          'abort',
          () => {
            clearTimeout(timer)
            resolve(undefined)
          },
          { once: true },
        )
      })
      if (this.#closed) return
      try {
        const connection = await this.#connect()
        if (this.#closed) {
          await connection.close()
          return
        }
        this.#connection = connection
        const event: ReconnectEvent = { type: 'reconnect', attempts: attempt - 1, since }
        if (this.#options.catchUp) {
          try {
            await this.#options.catchUp({
              since,
              lastMessageIds: this.#lastMessageIds,
              signal: this.#abort.signal,
            })
          } catch (catchUpError) {
            event.catchUpError = catchUpError
          }
        }
        this.#emit(event)
        return
      } catch (failure) {
        if (failure instanceof RealtimeAuthError || attempt >= maxAttempts) {
          this.#emitError(failure as Error)
          await this.close()
          return
        }
      }
    }
  }

  #deliver(exchange: string, routingKey: string, body: string): void {
    const envelope = decodeBody(body) ?? ({ data: { text: body } } as Envelope)
    const event = toEvent(envelope, exchange, routingKey)
    if (event.type === 'ack') this.#lastMessageIds.set(event.conversationId, event.messageId)
    else if (event.type === 'message' && event.messageId)
      this.#lastMessageIds.set(event.conversationId, event.messageId)
    this.#emit(event)
  }

  #emit(event: AnyEvent): void {
    this.#dispatch(this.#listeners.get(event.type), event)
    this.#dispatch(this.#listeners.get('*'), event)
  }

  #dispatch(listeners: Set<(event: AnyEvent) => void> | undefined, event: AnyEvent): void {
    if (listeners === undefined) return
    for (const listener of listeners) {
      try {
        listener(event)
      } catch {
        // A throwing handler must not stop delivery to the others.
      }
    }
  }

  #emitError(error: Error): void {
    for (const listener of this.#listeners.get('error') ?? []) listener(error as never)
  }

  /**
   * Calls `handler` for every event of `type` (`'*'` for all, `'error'` for the failure that
   * ends the client). Returns a function that removes the handler.
   */
  on<T extends RealtimeEventType>(type: T, handler: Handler<T>): () => void
  on(type: '*', handler: (event: AnyEvent) => void): () => void
  on(type: 'error', handler: (error: Error) => void): () => void
  on(type: string, handler: (event: any) => void): () => void {
    const set = this.#listeners.get(type) ?? new Set()
    this.#listeners.set(type, set)
    set.add(handler)
    return () => set.delete(handler)
  }

  /**
   * Events as an async iterable, optionally filtered (reconnect notices always pass). Ends when
   * the client closes; fails when the consumer falls `maxBuffered` events behind.
   *
   * @example
   * for await (const event of realtime.events({ conversations: true })) console.log(event.type)
   */
  events(filter: EventFilter = {}): AsyncIterableIterator<AnyEvent> {
    const accept = makeFilter(filter)
    const limit = this.#options.maxBuffered ?? 10_000
    const queue: AnyEvent[] = []
    let wake: (() => void) | undefined
    let failure: Error | undefined
    let done = false
    const removers = [
      this.on('*', (event) => {
        if (done || !accept(event)) return
        if (queue.length >= limit)
          failure ??= new RealtimeError(`The consumer fell ${limit} events behind (maxBuffered)`)
        else queue.push(event)
        wake?.()
      }),
      this.on('error', (error) => {
        failure ??= error
        wake?.()
      }),
    ]
    const finish = () => {
      done = true
      for (const remove of removers) remove()
      this.#abort.signal.removeEventListener('abort', onClose)
      wake?.()
    }
    const onClose = () => wake?.()
    this.#abort.signal.addEventListener('abort', onClose)
    const iterator: AsyncIterableIterator<AnyEvent> = {
      next: async () => {
        for (;;) {
          if (queue.length > 0) return { value: queue.shift()!, done: false }
          if (failure) {
            finish()
            throw failure
          }
          if (done || this.#closed) {
            finish()
            return { value: undefined, done: true }
          }
          await new Promise<void>((resolve) => (wake = resolve))
          wake = undefined
        }
      },
      return: async () => {
        finish()
        return { value: undefined, done: true }
      },
      [Symbol.asyncIterator]: () => iterator,
    }
    return iterator
  }

  /**
   * Sends a chat message to a conversation as MAX's widgets do (to
   * `{username}.publish` with key `{conversationId}.messages`). Every participant, you included,
   * receives it at once; maxbunny stores it and answers with an `ack` event. Returns its uuid.
   */
  async send(conversationId: string, text: string): Promise<{ uuid: string }> {
    if (typeof conversationId !== 'string' || !OBJECT_ID.test(conversationId))
      throw new UsageError(`conversationId must be a 24-hex MAX id, got ${JSON.stringify(conversationId)}`)
    if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_TEXT)
      throw new UsageError(`text must be a non-empty string of at most ${MAX_TEXT} characters`)
    if (!this.#connection)
      throw new RealtimeError('Not connected (reconnecting or closed): the message was not sent')
    const uuid = globalThis.crypto.randomUUID()
    const envelope: Envelope = {
      action: 'add',
      object: 'message',
      data: { text },
      source: this.#options.source ?? 'widget',
      user: { username: this.#params.username, displayname: this.#params.username },
      published: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      uuid,
    }
    if (this.#options.domain) envelope.domain = this.#options.domain
    await this.#connection.publish(
      `${this.#params.username}.publish`,
      `${conversationId}.messages`,
      JSON.stringify(pack(envelope)),
    )
    return { uuid }
  }

  /** Closes the connection and ends every `events()` iterator. Safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#abort.abort(new RealtimeError('The realtime client was closed'))
    const connection = this.#connection
    this.#connection = undefined
    await connection?.close()
  }

  /** `await using realtime = await connectRealtime(...)` closes it at the end of the scope. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.close()
  }
}

function makeFilter(filter: EventFilter): (event: AnyEvent) => boolean {
  if (filter.conversations === undefined && filter.contexts === undefined) return () => true
  const conversations = Array.isArray(filter.conversations) ? new Set(filter.conversations) : undefined
  const contexts = Array.isArray(filter.contexts)
    ? new Set(filter.contexts.map((c) => (HASH.test(c) ? c : sha1Hex(c))))
    : undefined
  return (event) => {
    if (event.type === 'reconnect') return true
    if ('conversationId' in event)
      return filter.conversations === true || (conversations?.has(event.conversationId) ?? false)
    if ('contextHash' in event) return filter.contexts === true || (contexts?.has(event.contextHash) ?? false)
    return false
  }
}

/** Checks the options and turns them into connection parameters. */
export function connectParams(options: RealtimeOptions): {
  params: ConnectParams
  transport: 'stomp' | 'amqp'
} {
  if (typeof options !== 'object' || options === null)
    throw new UsageError('connectRealtime needs an options object')
  const { url, transport } = parseUrl(options.url)
  if (typeof options.username !== 'string' || options.username === '' || /[:\s]/.test(options.username))
    throw new UsageError('username must be a MAX username (no spaces or colons)')
  if (typeof options.token !== 'string' || options.token === '')
    throw new UsageError('token must be the OAuth token of the user (a non-empty string)')
  if (
    options.domain !== undefined &&
    (typeof options.domain !== 'string' || /[:\s]/.test(options.domain) || options.domain === '')
  )
    throw new UsageError('domain must be a MAX domain name (no spaces or colons)')
  if (options.rejectUnauthorized !== undefined && typeof options.rejectUnauthorized !== 'boolean')
    throw new UsageError('rejectUnauthorized must be true or false')
  if (options.catchUp !== undefined && typeof options.catchUp !== 'function')
    throw new UsageError('catchUp must be a function')
  if (options.reconnect !== undefined && options.reconnect !== false) {
    if (typeof options.reconnect !== 'object' || options.reconnect === null)
      throw new UsageError('reconnect must be false or { minDelay?, maxDelay?, maxAttempts? }')
    positive('reconnect.minDelay', options.reconnect.minDelay, 1)
    positive('reconnect.maxDelay', options.reconnect.maxDelay, 1)
    const attempts = options.reconnect.maxAttempts
    if (
      attempts !== undefined &&
      !(attempts === Number.POSITIVE_INFINITY || (Number.isInteger(attempts) && attempts > 0))
    )
      throw new UsageError(`reconnect.maxAttempts must be a positive integer, got ${attempts}`)
  }
  if (
    options.maxBuffered !== undefined &&
    !(Number.isInteger(options.maxBuffered) && options.maxBuffered > 0)
  )
    throw new UsageError(`maxBuffered must be a positive integer, got ${options.maxBuffered}`)
  const username = options.username.toLowerCase()
  const params: ConnectParams = {
    url,
    username,
    login: options.domain ? `${options.domain}:${username}` : username,
    passcode: options.token,
    heartbeat: positive('heartbeat', options.heartbeat, 20_000, true),
    connectTimeout: positive('connectTimeout', options.connectTimeout, 10_000),
    rejectUnauthorized: options.rejectUnauthorized !== false,
  }
  if (options.webSocket) params.webSocket = options.webSocket
  return { params, transport }
}

import { backoffDelay, UsageError } from '@maxclient/core'
import { sha1Hex } from '@maxclient/resources'
import { decodeBody, type Envelope, pack } from './codec.js'
import { RealtimeAuthError, RealtimeError } from './errors.js'
import {
  type EventFilter,
  type EventOfType,
  type RealtimeEvent,
  type RealtimeEventType,
  type ReconnectEvent,
  toEvent,
} from './events.js'
import type { RealtimeOptions } from './options.js'
import type { Connector, ConnectParams, TransportConnection } from './transport.js'

type Handler<T extends RealtimeEventType> = (event: EventOfType<T>) => void
type AnyEvent = RealtimeEvent | ReconnectEvent

const OBJECT_ID = /^[0-9a-f]{24}$/
const HASH = /^[0-9a-f]{40}$/
const MAX_TEXT = 100_000

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

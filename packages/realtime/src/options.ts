import { UsageError } from '@maxclient/core'
import type { EnvelopeSource } from './codec.js'
import type { ConnectParams, WebSocketConstructor } from './transport.js'

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

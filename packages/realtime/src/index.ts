/**
 * `@maxclient/realtime`: MAX's live events (conversation messages, conversation creation,
 * context activity and comments) over RabbitMQ, by STOMP on a WebSocket or by AMQP 0-9-1.
 */
import { Realtime } from './client.js'
import { connectParams, type RealtimeOptions } from './options.js'

export { Realtime } from './client.js'
export {
  ACTION_CODES,
  decodeBody,
  type Envelope,
  type EnvelopeAction,
  type EnvelopeObject,
  type EnvelopeSource,
  type EnvelopeUser,
  OBJECT_CODES,
  pack,
  SOURCE_CODES,
  unpack,
} from './codec.js'
export { RealtimeAuthError, RealtimeError } from './errors.js'
export type {
  AckEvent,
  ActivityEvent,
  CommentEvent,
  ConversationEvent,
  EventBase,
  EventFilter,
  EventOfType,
  MessageEvent,
  RealtimeEvent,
  RealtimeEventType,
  ReconnectEvent,
  RefreshEvent,
  UnknownEvent,
} from './events.js'
export { toEvent } from './events.js'
export type { CatchUpInfo, RealtimeOptions } from './options.js'
export type { WebSocketConstructor } from './transport.js'

/**
 * Connects to the broker as a MAX user and subscribes to `{username}.subscribe`, the one
 * destination MAX lets a user read. Resolves once events flow; rejects with
 * {@link RealtimeAuthError} for a refused token and {@link RealtimeError} for other failures.
 *
 * @example
 * const realtime = await connectRealtime({ url: 'wss://max.example.com/ws', username, token })
 * realtime.on('message', (m) => console.log(m.conversationId, m.text))
 */
export async function connectRealtime(options: RealtimeOptions): Promise<Realtime> {
  const { params, transport } = connectParams(options)
  const connector =
    transport === 'amqp' ? (await import('./amqp.js')).connectAmqp : (await import('./stomp.js')).connectStomp
  const realtime = new Realtime(params, options, connector)
  await realtime.start()
  return realtime
}
export { type ChatOptions, runChat } from './chat.js'
export { defaultBrokerUrl, describeEvent } from './format.js'

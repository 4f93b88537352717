import type { Envelope, EnvelopeUser } from './codec.js'

/** Fields every broker event carries, whatever its kind. */
export interface EventBase {
  /** Message id; an ack repeats the uuid of the message it confirms (deduplicate on it). */
  uuid?: string
  /** Who caused the event. For a group conversation's creation MAX puts the group's name here. */
  user: EnvelopeUser
  /** When the producer created the message (RFC 3339). */
  published?: string
  /** Which program produced it (`max`, `widget`, `maxbunny`, ...). */
  source?: string
  /** MAX instance the event belongs to (exchanges are shared by every instance on a broker). */
  domain?: string
  /** Exchange the message was first published to. */
  exchange: string
  /** Routing key (`{conversationId}.messages`, `{conversationId}.notifications`, `{contextHash}`). */
  routingKey: string
  /** The whole unpacked envelope, unknown keys included. */
  envelope: Envelope
}

/** A chat message: sent by a client (not yet stored, `messageId` absent) or stored by MAX. */
export interface MessageEvent extends EventBase {
  type: 'message'
  conversationId: string
  text: string
  /** Id of the stored message (only when MAX announces a message it stored). */
  messageId?: string
}

/** maxbunny stored a message sent over the broker; `uuid` is that message's uuid. */
export interface AckEvent extends EventBase {
  type: 'ack'
  conversationId: string
  messageId: string
  text: string
}

/** A conversation was created (or a two-person one reused), or a partner rejoined. */
export interface ConversationEvent extends EventBase {
  type: 'conversation'
  conversationId: string
  /** Group conversations only: the last message and the creator's display name. */
  text?: string
  creator?: string
}

/** A client asked everyone to reload a conversation over REST. */
export interface RefreshEvent extends EventBase {
  type: 'refresh'
  conversationId: string
}

/** A new activity in a context the user is subscribed to (with notifications on). */
export interface ActivityEvent extends EventBase {
  type: 'activity'
  contextHash: string
  activityId: string
  text: string
}

/** A new comment in such a context (the context's notifications setting is `comments`). */
export interface CommentEvent extends EventBase {
  type: 'comment'
  contextHash: string
  activityId: string
  commentId: string
  text: string
}

/** Anything else: a code or shape this version does not know, passed through rather than dropped. */
export interface UnknownEvent extends EventBase {
  type: 'unknown'
}

/** A decoded broker event. */
export type RealtimeEvent =
  | MessageEvent
  | AckEvent
  | ConversationEvent
  | RefreshEvent
  | ActivityEvent
  | CommentEvent
  | UnknownEvent

/** The connection came back after a drop; events in between were lost unless caught up. */
export interface ReconnectEvent {
  type: 'reconnect'
  /** Failed attempts before this one succeeded. */
  attempts: number
  /** When the connection was lost. */
  since: Date
  /** The error returned by the catch-up function, if it failed. */
  catchUpError?: unknown
}

/** Every event type, broker events and the reconnect notice. */
export type RealtimeEventType = RealtimeEvent['type'] | 'reconnect'
/** The event of a given type. */
export type EventOfType<T extends RealtimeEventType> = T extends 'reconnect'
  ? ReconnectEvent
  : Extract<RealtimeEvent, { type: T }>

const str = (value: unknown): string => (typeof value === 'string' ? value : '')

function kindOf(
  envelope: Envelope,
  data: Record<string, unknown>,
  conversation: boolean,
): RealtimeEvent['type'] {
  const { action, object } = envelope
  if (conversation) {
    if (object === 'message' && action === 'add') return 'message'
    if (object === 'message' && action === 'ack' && typeof data.id === 'string') return 'ack'
    if (object === 'conversation' && action === 'add') return 'conversation'
    if (object === 'conversation' && action === 'refresh') return 'refresh'
  } else if (action === 'add' && typeof data.activityid === 'string') {
    if (object === 'comment' && typeof data.commentid === 'string') return 'comment'
    if (object === 'activity') return 'activity'
  }
  return 'unknown'
}

/** Turns an unpacked envelope and where it was routed into a typed event. */
export function toEvent(envelope: Envelope, exchange: string, routingKey: string): RealtimeEvent {
  const data = envelope.data ?? {}
  const dot = routingKey.indexOf('.')
  const target = dot === -1 ? routingKey : routingKey.slice(0, dot)
  const type = kindOf(envelope, data, dot !== -1)
  // Built field by field, never deleting: this runs for every delivery.
  const event: Record<string, unknown> = { type, user: envelope.user ?? {}, exchange, routingKey, envelope }
  if (typeof envelope.uuid === 'string') event.uuid = envelope.uuid
  if (typeof envelope.published === 'string') event.published = envelope.published
  if (typeof envelope.source === 'string') event.source = envelope.source
  if (typeof envelope.domain === 'string') event.domain = envelope.domain
  switch (type) {
    case 'message':
      event.conversationId = target
      event.text = str(data.text)
      if (typeof data.message_id === 'string') event.messageId = data.message_id
      break
    case 'ack':
      event.conversationId = target
      event.messageId = data.id
      event.text = str(data.text)
      break
    case 'conversation':
      event.conversationId = target
      if (typeof data.text === 'string') event.text = data.text
      if (typeof data.creator === 'string') event.creator = data.creator
      break
    case 'refresh':
      event.conversationId = target
      break
    case 'activity':
    case 'comment':
      event.contextHash = target
      event.activityId = data.activityid
      if (type === 'comment') event.commentId = data.commentid
      event.text = str(data.text)
      break
  }
  return event as unknown as RealtimeEvent
}

/** Which events a listener wants. Omitted means everything the user's subscription receives. */
export interface EventFilter {
  /** `true` for every conversation, or a list of conversation ids. */
  conversations?: boolean | readonly string[]
  /** Contexts by URL or 40-hex hash; `true` for every context. */
  contexts?: boolean | readonly string[]
}

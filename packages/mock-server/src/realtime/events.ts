import type { Ctx } from '../context.js'
import type { ObjectRecord } from '../model.js'
import type { Store } from '../store.js'
import { LETTERS, type TopologyNames } from './topology.js'

/** One message MAX would publish: where, and the event-specific part of its envelope. */
export interface OutgoingEvent {
  exchange: string
  routingKey: string
  body: Record<string, unknown>
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The text MAX puts in a notification for a message: its content, or a placeholder for uploads. */
function messageText(object: ObjectRecord): string | undefined {
  if (object.objectType === 'note') return object.content ?? ''
  if (object.objectType === 'image') return 'Add image'
  if (object.objectType === 'file') return 'Add file'
  return undefined
}

/**
 * What MAX publishes after the request just answered (its five event kinds; see realtime.json's
 * serverActions): conversation created, message stored (mobile posts only), context activity, comment.
 */
export async function eventsFor(
  ctx: Ctx,
  response: Response,
  store: Store,
  names: TopologyNames,
): Promise<OutgoingEvent[]> {
  const key = `${ctx.method} ${ctx.route.pattern}`
  const created = async () => {
    const body = (await response.clone().json()) as unknown
    return isObject(body) && typeof body.id === 'string' ? body.id : ''
  }
  const userOf = (username: string) => ({
    u: username,
    d: store.people.get(username)?.displayName ?? username,
  })

  if (key === 'POST /conversations') {
    const id = await created()
    // MAX answers the first message; its conversation is the one created.
    const conversation = store.conversations.get(store.messages.get(id)?.conversation ?? id)
    if (!conversation) return []
    const group = conversation.tags.length === 1 && conversation.tags[0] === 'group'
    const last = conversation.lastMessage ? store.messages.get(conversation.lastMessage) : undefined
    const text = last ? messageText(last.object) : undefined
    const name = conversation.displayName ?? ''
    const data =
      group && text !== undefined
        ? {
            text,
            conversation_id: conversation.id,
            creator: store.people.get(ctx.actor)?.displayName ?? ctx.actor,
          }
        : {}
    return [
      {
        exchange: names.conversations,
        routingKey: `${conversation.id}.notifications`,
        body: {
          a: LETTERS.add,
          o: LETTERS.conversation,
          d: data,
          u: group ? { u: name, d: name } : userOf(ctx.actor),
        },
      },
    ]
  }
  if (
    key === 'POST /conversations/{id}/messages' ||
    key === 'POST /people/{username}/conversations/{id}/messages'
  ) {
    const object = isObject(ctx.body) ? ctx.body.object : undefined
    if (!isObject(object) || !object.mobile) return []
    const message = store.messages.get(await created())
    if (!message) return []
    return [
      {
        exchange: names.conversations,
        routingKey: `${message.conversation}.notifications`,
        body: {
          a: LETTERS.add,
          o: LETTERS.message,
          d: { text: messageText(message.object) ?? message.object.content ?? '', message_id: message.id },
          u: userOf(message.actor),
        },
      },
    ]
  }
  if (key === 'POST /contexts/{hash}/activities' || key === 'POST /people/{username}/activities') {
    const activity = store.activities.get(await created())
    const context = activity?.context ? store.contexts.get(activity.context) : undefined
    if (!activity || !context || ![true, 'posts', 'comments'].includes(context.notifications)) return []
    return [
      {
        exchange: names.activity,
        routingKey: context.hash,
        body: {
          a: LETTERS.add,
          o: LETTERS.activity,
          d: { text: activity.object.content ?? '', activityid: activity.id },
          u: userOf(activity.actor.kind === 'person' ? activity.actor.username : ctx.actor),
        },
      },
    ]
  }
  if (key === 'POST /activities/{activity}/comments') {
    const parent = store.activities.get(ctx.params.activity ?? '')
    const context = parent?.context ? store.contexts.get(parent.context) : undefined
    const commentId = await created()
    if (!parent || !context || context.notifications !== 'comments' || commentId === '') return []
    return [
      {
        exchange: names.activity,
        routingKey: context.hash,
        body: {
          a: LETTERS.add,
          o: LETTERS.comment,
          d: {
            text: store.activities.get(commentId)?.object.content ?? '',
            activityid: parent.id,
            commentid: commentId,
          },
          u: userOf(ctx.actor),
        },
      },
    ]
  }
  return []
}

import type {
  ActivityRecord,
  ActorRef,
  ContextRecord,
  ConversationRecord,
  DeviceTokenRecord,
  MessageRecord,
  ObjectRecord,
  PersonRecord,
  SubscriptionRecord,
} from './model.js'
import {
  CONVERSATION_PERMISSIONS,
  canOnContext,
  fullPermissions,
  subscriptionPermissions,
} from './permissions.js'
import type { Store } from './store.js'

type Json = Record<string, unknown>

/** The short person form used inside activities, messages and participant lists. */
export function personRef(store: Store, username: string): Json {
  return { username, displayName: store.people.get(username)?.displayName ?? username, objectType: 'person' }
}

/** A subscription as listed under a user (the context plus the effective permissions). */
export function subscriptionView(store: Store, sub: SubscriptionRecord): Json | undefined {
  const context = store.contexts.get(sub.hash)
  if (!context) return undefined
  return {
    ...contextSummary(context),
    permissions: subscriptionPermissions(context, sub),
  }
}

/** The context fields copied into subscriptions and activities. */
export function contextSummary(context: ContextRecord): Json {
  return {
    displayName: context.displayName,
    tags: [...context.tags],
    url: context.url,
    notifications: context.notifications,
    hash: context.hash,
    objectType: 'context',
  }
}

/** A person profile: the whole record for the owner or a Manager, public fields otherwise. */
export function personView(store: Store, person: PersonRecord, requester: string): Json {
  const publicPart: Json = {
    username: person.username,
    displayName: person.displayName,
    objectType: 'person',
    published: person.published,
  }
  if (person.twitterUsername) publicPart.twitterUsername = person.twitterUsername
  if (requester !== person.username && !store.isManager(requester)) return publicPart
  return {
    id: person.id,
    ...publicPart,
    last_login: person.lastLogin,
    following: [],
    subscribedTo: person.subscribedTo.flatMap((s) => subscriptionView(store, s) ?? []),
    unsubscribedToPush: person.unsubscribedToPush.flatMap((hash) => {
      const context = store.contexts.get(hash)
      return context ? [contextSummary(context)] : []
    }),
    talkingIn: person.talkingIn.flatMap((id) => {
      const conversation = store.conversations.get(id)
      if (!conversation) return []
      const view = conversationView(store, conversation, person.username)
      return [
        {
          id: view.id,
          objectType: 'conversation',
          displayName: view.displayName,
          participants: view.participants,
          tags: view.tags,
          lastMessage: view.lastMessage,
          messages: 0,
        },
      ]
    }),
    creator: person.creator,
    owner: person.owner,
  }
}

/** A context as GET /contexts/{hash} shows it. */
export function contextView(context: ContextRecord, options: { completePermissions: boolean }): Json {
  const out: Json = {
    id: context.id,
    hash: context.hash,
    url: context.url,
    displayName: context.displayName,
    objectType: 'context',
    tags: [...context.tags],
    notifications: context.notifications,
    permissions: options.completePermissions ? fullPermissions(context) : { ...context.permissions },
    published: context.published,
    creator: context.creator,
    owner: context.owner,
  }
  for (const key of ['twitterHashtag', 'twitterUsername', 'uploadURL'] as const) {
    if (context[key]) out[key] = context[key]
  }
  return out
}

export function actorView(store: Store, actor: ActorRef): Json {
  if (actor.kind === 'person') return personRef(store, actor.username)
  const context = store.contexts.get(actor.hash)
  return {
    url: context?.url ?? '',
    hash: actor.hash,
    displayName: context?.displayName ?? actor.hash,
    objectType: 'context',
  }
}

/** Public form of an uploaded object: the internal file key becomes download URLs. */
function objectView(object: ObjectRecord, kind: 'activities' | 'messages', id: string): Json {
  const { fileId, ...rest } = object
  const out: Json = { ...rest }
  if (fileId && object.objectType === 'image') {
    out.fullURL = `/${kind}/${id}/image/full`
    out.thumbURL = `/${kind}/${id}/image/thumb`
  } else if (fileId && object.objectType === 'file') {
    out.fullURL = `/${kind}/${id}/file/download`
  }
  return out
}

/** Whether `requester` may delete the activity (own it, Manager, or context delete permission). */
export function canDeleteActivity(store: Store, activity: ActivityRecord, requester: string): boolean {
  if (store.isManager(requester) || activity.owner === requester) return true
  const context = activity.context ? store.contexts.get(activity.context) : undefined
  return context ? canOnContext(store, requester, context, 'delete') : false
}

export function commentsOf(store: Store, activityId: string): ActivityRecord[] {
  return [...store.activities.values()]
    .filter((a) => a.verb === 'comment' && a.inReplyTo === activityId)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
}

/** A comment as listed in `replies` and GET /activities/{id}/comments. */
export function commentView(store: Store, comment: ActivityRecord, requester: string): Json {
  return {
    id: comment.id,
    objectType: 'comment',
    actor: actorView(store, comment.actor),
    content: comment.object.content ?? '',
    published: comment.published,
    deletable: canDeleteActivity(store, comment, requester),
  }
}

/** An activity (post, comment or subscribe) as MAX returns it to `requester`. */
export function activityView(store: Store, activity: ActivityRecord, requester: string): Json {
  const context = activity.context ? store.contexts.get(activity.context) : undefined
  const out: Json = {
    id: activity.id,
    objectType: 'activity',
    verb: activity.verb,
    actor: actorView(store, activity.actor),
    object: objectView(activity.object, 'activities', activity.id),
    published: activity.published,
    generator: activity.generator,
    creator: activity.creator,
    owner: activity.owner,
    keywords: [...activity.keywords],
    likes: activity.likes.map((l) => ({ username: l.username, published: l.published })),
    likesCount: activity.likes.length,
    liked: activity.likes.some((l) => l.username === requester),
    favorites: activity.favorites.map((f) => ({ username: f.username, published: f.published })),
    favoritesCount: activity.favorites.length,
    favorited: activity.favorites.some((f) => f.username === requester),
    replies:
      activity.verb === 'post'
        ? commentsOf(store, activity.id).map((c) => commentView(store, c, requester))
        : [],
    lastComment: activity.lastComment,
    deletable: canDeleteActivity(store, activity, requester),
  }
  if (context) out.contexts = [contextSummary(context)]
  if (activity.hashtags.length > 0) (out.object as Json).hashtags = [...activity.hashtags].sort()
  if (activity.flagged) out.flagged = activity.flagged
  if (activity.lastLike) out.lastLike = activity.lastLike
  if (activity.inReplyTo) {
    const parent = store.activities.get(activity.inReplyTo)
    ;(out.object as Json).inReplyTo = [
      {
        id: activity.inReplyTo,
        objectType: parent?.object.objectType ?? 'note',
        contexts: parent?.context ? [parent.context] : [],
      },
    ]
  }
  return out
}

/** A participant as a conversation lists them (a deleted user keeps the name they had). */
function participantRef(store: Store, conversation: ConversationRecord, username: string): Json {
  if (store.people.has(username)) return personRef(store, username)
  const former = conversation.formerNames?.find((n) => n.username === username)
  return { username, displayName: former?.displayName ?? username, objectType: 'person' }
}

/** A conversation as seen by `requester` (two-person ones are named after the other person). */
export function conversationView(store: Store, conversation: ConversationRecord, requester: string): Json {
  const isGroup = conversation.tags.includes('group')
  const others = conversation.participants.filter((p) => p !== requester)
  let displayName = conversation.displayName
  if (!isGroup && others.length === 1)
    displayName = participantRef(store, conversation, others[0]!).displayName as string
  const last = conversation.lastMessage ? store.messages.get(conversation.lastMessage) : undefined
  const out: Json = {
    id: conversation.id,
    objectType: 'conversation',
    displayName: displayName ?? conversation.participants.join(', '),
    creator: conversation.creator,
    owner: conversation.owner,
    tags: [...conversation.tags],
    participants: conversation.participants.map((p) => participantRef(store, conversation, p)),
    published: conversation.published,
    permissions: { ...CONVERSATION_PERMISSIONS },
    messages: [...store.messages.values()].filter((m) => m.conversation === conversation.id).length,
  }
  if (last) {
    const lastObject = objectView(last.object, 'messages', last.id)
    out.lastMessage = {
      content: last.object.content ?? '',
      published: last.published,
      objectType: last.object.objectType,
      actor: (personRef(store, last.actor).displayName as string) ?? last.actor,
      ...(lastObject.fullURL ? { fullURL: lastObject.fullURL } : {}),
      ...(lastObject.thumbURL ? { thumbURL: lastObject.thumbURL } : {}),
    }
  }
  return out
}

/** A message as MAX returns it. */
export function messageView(store: Store, message: MessageRecord): Json {
  const conversation = store.conversations.get(message.conversation)
  return {
    id: message.id,
    objectType: 'message',
    verb: 'post',
    actor: personRef(store, message.actor),
    object: objectView(message.object, 'messages', message.id),
    contexts: [
      {
        id: message.conversation,
        displayName: conversation?.displayName ?? conversation?.participants.join(', ') ?? '',
        objectType: 'conversation',
        tags: conversation ? [...conversation.tags] : [],
      },
    ],
    published: message.published,
    generator: message.generator,
    creator: message.creator,
    owner: message.owner,
    keywords: [...message.keywords],
    replies: [],
  }
}

export function deviceTokenView(token: DeviceTokenRecord): Json {
  return {
    id: token.id,
    token: token.token,
    platform: token.platform,
    device: token.device,
    published: token.published,
    objectType: 'token',
  }
}

export function deviceTokenItem(token: DeviceTokenRecord): Json {
  return { platform: token.platform, token: token.token, username: token.username }
}

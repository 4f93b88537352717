import {
  bodyObject,
  type Ctx,
  empty,
  fullList,
  type Handler,
  isManager,
  json,
  listAnswer,
  objectField,
  pathConversation,
  pathMessage,
  pathPerson,
  requirePermission,
  requireSelfOrManager,
  stringField,
} from '../context.js'
import { leaveConversation, reopenSingle } from '../domain.js'
import { forbiddenBecause, notFound, validationError } from '../errors.js'
import type { ConversationRecord, MessageRecord } from '../model.js'
import { conversationSubscriptionPermissions } from '../permissions.js'
import { DEFAULT_AVATAR_PNG } from '../png.js'
import { pageOf, parseSearch, passesDateFilter } from '../search.js'
import { formatDate, keywordsOf } from '../text.js'
import { conversationView, messageView } from '../views.js'
import { objectFromBody, publishedFromBody } from './activities.js'
import { attachment, binary, storeUpload } from './files.js'

/** MAX's CONVERSATION_PARTICIPANTS_LIMIT. */
export const PARTICIPANTS_LIMIT = 200
const MESSAGE_OBJECT_TYPES = new Set(['note', 'image', 'file'])

const isParticipant = (conversation: ConversationRecord, username: string) =>
  conversation.participants.includes(username)

/** Whether `username` is subscribed to the conversation (a two-person one keeps a leaver as participant). */
const isSubscribed = (ctx: Ctx, conversation: ConversationRecord, username: string) =>
  ctx.store.people.get(username)?.talkingIn.includes(conversation.id) ?? false

/** Whether `username`'s subscription grants `permission`. */
const subscriptionGrants = (
  ctx: Ctx,
  conversation: ConversationRecord,
  username: string,
  permission: string,
) =>
  isSubscribed(ctx, conversation, username) &&
  conversationSubscriptionPermissions(conversation, username).includes(permission)

/** The conversation of the path, visible to subscribers, its owner and Managers. */
function visibleConversation(ctx: Ctx): ConversationRecord {
  const conversation = pathConversation(ctx)
  requirePermission(
    ctx,
    isManager(ctx) || conversation.owner === ctx.me || isSubscribed(ctx, conversation, ctx.me),
  )
  return conversation
}

/** MAX's add_message: Managers, or a subscriber writing as themself in a conversation not archived. */
function requireWrite(ctx: Ctx, conversation: ConversationRecord, sender: string): void {
  requirePermission(
    ctx,
    isManager(ctx) ||
      (sender === ctx.me &&
        subscriptionGrants(ctx, conversation, sender, 'write') &&
        !conversation.tags.includes('archive')),
  )
}

function messagesOf(ctx: Ctx, conversationId: string): MessageRecord[] {
  return [...ctx.store.messages.values()].filter((m) => m.conversation === conversationId)
}

/** Stores a message from the request body, sent by `sender`. */
function postMessage(ctx: Ctx, conversation: ConversationRecord, sender: string): MessageRecord {
  const { store } = ctx
  const body = bodyObject(ctx)
  const { object, upload } = objectFromBody(ctx, body, MESSAGE_OBJECT_TYPES)
  const id = store.newId()
  if (upload) object.fileId = storeUpload(store, upload, id)
  const message: MessageRecord = {
    id,
    conversation: conversation.id,
    actor: sender,
    object,
    published: publishedFromBody(ctx, body),
    creator: ctx.me,
    owner: sender,
    generator: typeof body.generator === 'string' ? body.generator : null,
    keywords: keywordsOf(object.content, sender),
  }
  store.messages.set(id, message)
  conversation.lastMessage = id
  return message
}

const listConversations: Handler = (ctx) => {
  const lastOf = (c: ConversationRecord) => c.lastMessage ?? c.id
  const mine = [...ctx.store.conversations.values()]
    .filter((c) => isParticipant(c, ctx.me) && isSubscribed(ctx, c, ctx.me))
    .sort((a, b) => (lastOf(a) < lastOf(b) ? 1 : -1))
  return fullList(ctx, mine, (c) => conversationView(ctx.store, c, ctx.me))
}

const addConversation: Handler = (ctx) => {
  const { store } = ctx
  const body = bodyObject(ctx)
  const contexts = body.contexts
  const first = Array.isArray(contexts) ? (contexts[0] as unknown) : undefined
  const participantsRaw = objectField({ first }, 'first')?.participants
  if (!Array.isArray(participantsRaw) || participantsRaw.some((p) => typeof p !== 'string'))
    throw validationError(
      'contexts[0].participants must be a list of usernames, e.g. {"contexts": [{"objectType": "conversation", "participants": ["alice", "bob"]}]}',
    )
  const participants = (participantsRaw as string[]).map((p) => p.toLowerCase())
  if (new Set(participants).size !== participants.length)
    throw validationError('Participants must not repeat: list each username once')
  if (!participants.includes(ctx.actor) && !isManager(ctx))
    throw validationError(`The actor (${ctx.actor}) must be one of the participants`)
  if (participants.length < 2 || participants.every((p) => p === ctx.actor))
    throw validationError('A conversation needs at least one participant besides the actor')
  if (participants.length > PARTICIPANTS_LIMIT)
    throw forbiddenBecause(
      `Too many participants (${participants.length}): a conversation holds at most ${PARTICIPANTS_LIMIT}`,
    )
  for (const username of participants)
    if (!store.people.has(username)) throw notFound(`Object with username ${username} not found inside users`)
  // Check the message before creating anything, so a bad message leaves no empty conversation.
  objectFromBody(ctx, body, MESSAGE_OBJECT_TYPES)
  const isGroup = participants.length > 2
  let conversation = isGroup
    ? undefined
    : [...store.conversations.values()].find(
        (c) =>
          !c.tags.includes('group') &&
          c.participants.length === 2 &&
          participants.every((p) => c.participants.includes(p)),
      )
  if (conversation) reopenSingle(store, conversation)
  if (!conversation) {
    const displayName = stringField(first, 'displayName')
    conversation = {
      id: store.newId(),
      participants,
      tags: isGroup ? ['group'] : [],
      creator: ctx.me,
      owner: ctx.actor,
      published: formatDate(store.now()),
    }
    if (displayName) conversation.displayName = displayName
    store.conversations.set(conversation.id, conversation)
    for (const username of participants) {
      const person = store.people.get(username)!
      if (!person.talkingIn.includes(conversation.id)) person.talkingIn.push(conversation.id)
    }
  }
  const message = postMessage(ctx, conversation, ctx.actor)
  return json(201, messageView(store, message))
}

const purgeConversations: Handler = (ctx) => {
  requirePermission(ctx, isManager(ctx))
  const { store } = ctx
  for (const message of store.messages.values())
    if (message.object.fileId) store.files.delete(message.object.fileId)
  store.messages.clear()
  store.conversations.clear()
  for (const person of store.people.values()) person.talkingIn = []
  return empty()
}

const activeConversations: Handler = (ctx) => {
  if (ctx.method !== 'HEAD') requirePermission(ctx, isManager(ctx))
  const search = parseSearch(ctx.query)
  const messages = [...ctx.store.messages.values()]
    .filter((m) => passesDateFilter(m.published, search.dateFilter))
    .sort((a, b) => (a.id < b.id ? 1 : -1))
  const scanned = pageOf(messages, search, (m) => m.id).items
  const ids = [...new Set(scanned.map((m) => m.conversation))]
  const conversations = ids.flatMap((id) => ctx.store.conversations.get(id) ?? [])
  return fullList(ctx, conversations, (c) => ({
    id: c.id,
    displayName: conversationView(ctx.store, c, ctx.me).displayName,
    objectType: 'conversation',
    tags: [...c.tags],
  }))
}

const getConversation: Handler = (ctx) =>
  json(200, conversationView(ctx.store, visibleConversation(ctx), ctx.me))

function requireConversationOwner(ctx: Ctx, conversation: ConversationRecord): void {
  requirePermission(ctx, isManager(ctx) || conversation.owner === ctx.me)
}

const modifyConversation: Handler = (ctx) => {
  const conversation = pathConversation(ctx)
  requireConversationOwner(ctx, conversation)
  const body = bodyObject(ctx)
  if (Object.hasOwn(body, 'displayName') && body.displayName !== null) {
    if (typeof body.displayName !== 'string' || body.displayName === '')
      throw validationError('displayName must be a non-empty string')
    conversation.displayName = body.displayName
  }
  return json(200, conversationView(ctx.store, conversation, ctx.me))
}

function removeConversation(ctx: Ctx, conversation: ConversationRecord): void {
  const { store } = ctx
  for (const message of messagesOf(ctx, conversation.id)) {
    if (message.object.fileId) store.files.delete(message.object.fileId)
    store.messages.delete(message.id)
  }
  for (const person of store.people.values())
    person.talkingIn = person.talkingIn.filter((id) => id !== conversation.id)
  store.conversations.delete(conversation.id)
}

const deleteConversation: Handler = (ctx) => {
  const conversation = pathConversation(ctx)
  requireConversationOwner(ctx, conversation)
  removeConversation(ctx, conversation)
  return empty()
}

const transferOwnership: Handler = (ctx) => {
  const conversation = pathConversation(ctx)
  requireConversationOwner(ctx, conversation)
  const newOwner = stringField(objectField(ctx.body, 'actor'), 'username')?.toLowerCase()
  if (!newOwner) throw validationError('The new owner must be given as {"actor": {"username": "..."}}')
  if (!isSubscribed(ctx, conversation, newOwner))
    throw forbiddenBecause(`${newOwner} is not a participant of conversation ${conversation.id}`)
  conversation.owner = newOwner
  return json(200, conversationView(ctx.store, conversation, ctx.me))
}

const conversationAvatar: Handler = (ctx) => {
  pathConversation(ctx)
  return binary(ctx, DEFAULT_AVATAR_PNG, 'image/png')
}

const userConversation: Handler = (ctx) => {
  const person = pathPerson(ctx)
  requireSelfOrManager(ctx, person.username)
  const conversation = pathConversation(ctx)
  if (!isSubscribed(ctx, conversation, person.username))
    throw notFound(`${person.username} is not a participant of conversation ${conversation.id}`)
  return json(200, {
    ...conversationView(ctx.store, conversation, person.username),
    permissions: conversationSubscriptionPermissions(conversation, person.username),
    messages: 0,
  })
}

/** The subscribe activity answered when someone joins a conversation. */
function joinAnswer(ctx: Ctx, status: number, conversation: ConversationRecord, username: string): Response {
  const view = conversationView(ctx.store, conversation, username)
  return json(status, {
    id: ctx.store.newId(),
    objectType: 'activity',
    verb: 'subscribe',
    actor: {
      username,
      displayName: ctx.store.people.get(username)?.displayName ?? username,
      objectType: 'person',
    },
    object: { id: conversation.id, objectType: 'conversation', displayName: view.displayName },
    published: formatDate(ctx.store.now()),
    generator: null,
    creator: ctx.me,
    owner: username,
    replies: [],
  })
}

const addParticipant: Handler = (ctx) => {
  const conversation = pathConversation(ctx)
  requirePermission(ctx, isManager(ctx) || subscriptionGrants(ctx, conversation, ctx.me, 'invite'))
  const username = ctx.actor
  if (isSubscribed(ctx, conversation, username)) return joinAnswer(ctx, 200, conversation, username)
  if (!conversation.tags.includes('group'))
    throw forbiddenBecause('This is not a group conversation, so no one else can be added to it')
  if (conversation.participants.length >= PARTICIPANTS_LIMIT)
    throw forbiddenBecause(`This conversation is full: it already has ${PARTICIPANTS_LIMIT} participants`)
  conversation.participants.push(username)
  conversation.tags = conversation.tags.filter((t) => t !== 'archive')
  const person = ctx.store.people.get(username)!
  if (!person.talkingIn.includes(conversation.id)) person.talkingIn.push(conversation.id)
  return joinAnswer(ctx, 201, conversation, username)
}

const removeParticipant: Handler = (ctx) => {
  const conversation = pathConversation(ctx)
  const person = pathPerson(ctx)
  const leaving = person.username === ctx.me
  // MAX: leaving needs the subscription's unsubscribe (a group owner lacks it), kicking needs kick.
  requirePermission(
    ctx,
    isManager(ctx) ||
      (leaving
        ? subscriptionGrants(ctx, conversation, ctx.me, 'unsubscribe')
        : subscriptionGrants(ctx, conversation, ctx.me, 'kick')),
  )
  if (!isParticipant(conversation, person.username))
    throw notFound(`${person.username} is not a participant of conversation ${conversation.id}`)
  leaveConversation(ctx.store, conversation, person.username)
  return empty()
}

const listMessages: Handler = (ctx) => {
  const conversation = visibleConversation(ctx)
  const search = parseSearch(ctx.query)
  requirePermission(ctx, isManager(ctx) || isSubscribed(ctx, conversation, ctx.me))
  const newestFirst = messagesOf(ctx, conversation.id)
    .filter((m) => passesDateFilter(m.published, search.dateFilter))
    .sort((a, b) => (a.id < b.id ? 1 : -1))
  const page = pageOf(newestFirst, search, (m) => m.id)
  // MAX answers each page oldest first.
  return listAnswer(ctx, { ...page, items: page.items.reverse() }, (m) => messageView(ctx.store, m))
}

const addMessage: Handler = (ctx) => {
  const conversation = pathConversation(ctx)
  const sender = ctx.actor
  requireWrite(ctx, conversation, sender)
  requirePermission(ctx, isManager(ctx) || isParticipant(conversation, sender))
  reopenSingle(ctx.store, conversation)
  return json(201, messageView(ctx.store, postMessage(ctx, conversation, sender)))
}

const addUserMessage: Handler = (ctx) => {
  const person = pathPerson(ctx)
  const conversation = pathConversation(ctx)
  requireWrite(ctx, conversation, person.username)
  requirePermission(ctx, isManager(ctx) || isParticipant(conversation, person.username))
  reopenSingle(ctx.store, conversation)
  return json(201, messageView(ctx.store, postMessage(ctx, conversation, person.username)))
}

const listAllMessages: Handler = (ctx) => {
  if (ctx.method !== 'HEAD') requirePermission(ctx, isManager(ctx))
  const search = parseSearch(ctx.query)
  const messages = [...ctx.store.messages.values()]
    .filter((m) => search.keywords.every((k) => m.keywords.includes(k)))
    .filter((m) => passesDateFilter(m.published, search.dateFilter))
    .sort((a, b) => (a.id < b.id ? 1 : -1))
  return listAnswer(
    ctx,
    pageOf(messages, search, (m) => m.id),
    (m) => messageView(ctx.store, m),
  )
}

/** The message of the path, visible to its conversation's participants and Managers. */
function visibleMessage(ctx: Ctx): MessageRecord {
  const message = pathMessage(ctx)
  const conversation = ctx.store.conversations.get(message.conversation)
  requirePermission(
    ctx,
    isManager(ctx) || (conversation !== undefined && isParticipant(conversation, ctx.me)),
  )
  return message
}

const messageImage: Handler = (ctx) => {
  const message = visibleMessage(ctx)
  return attachment(ctx, message.object, 'image', message.id, ctx.params.size)
}

const messageFile: Handler = (ctx) => {
  const message = visibleMessage(ctx)
  return attachment(ctx, message.object, 'file', message.id)
}

export const conversationHandlers: Record<string, Handler> = {
  'GET /conversations': listConversations,
  'POST /conversations': addConversation,
  'DELETE /conversations': purgeConversations,
  'GET /conversations/active': activeConversations,
  'GET /conversations/{id}': getConversation,
  'PUT /conversations/{id}': modifyConversation,
  'DELETE /conversations/{id}': deleteConversation,
  'PUT /conversations/{id}/owner': transferOwnership,
  'GET /conversations/{id}/avatar': conversationAvatar,
  'GET /people/{username}/conversations/{id}': userConversation,
  'POST /conversations/{id}/participants': addParticipant,
  'DELETE /conversations/{id}/participants/{username}': removeParticipant,
  'GET /conversations/{id}/messages': listMessages,
  'POST /conversations/{id}/messages': addMessage,
  'POST /people/{username}/conversations/{id}/messages': addUserMessage,
  'GET /messages': listAllMessages,
  'GET /messages/{id}/image': messageImage,
  'GET /messages/{id}/image/{size}': messageImage,
  'GET /messages/{id}/file/download': messageFile,
}

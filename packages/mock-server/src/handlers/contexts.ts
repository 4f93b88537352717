import {
  bodyObject,
  type Ctx,
  empty,
  fullList,
  type Handler,
  isManager,
  json,
  listAnswer,
  pathContext,
  pathPerson,
  requirePermission,
  requireSelfOrManager,
  stringField,
} from '../context.js'
import { hashOfUrl } from '../domain.js'
import { MaxApiError, missingField, notFound, validationError } from '../errors.js'
import type {
  ActivityRecord,
  ContextRecord,
  PermissionName,
  PermissionPolicy,
  PersonRecord,
} from '../model.js'
import {
  CONTEXT_CREATION_DEFAULTS,
  canOnContext,
  findSubscription,
  isPermissionName,
  isPolicy,
  subscriptionPermissions,
} from '../permissions.js'
import { DEFAULT_AVATAR_PNG } from '../png.js'
import { pageOf, parseSearch } from '../search.js'
import { formatDate } from '../text.js'
import { activityView, contextView, subscriptionView } from '../views.js'
import { binary } from './files.js'

const NOTIFICATIONS = new Set<unknown>([true, false, 'posts', 'comments'])

function checkPermissions(value: unknown): Partial<Record<PermissionName, PermissionPolicy>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw validationError('permissions must be an object such as {"read": "public", "write": "subscribed"}')
  const out: Partial<Record<PermissionName, PermissionPolicy>> = {}
  for (const [name, policy] of Object.entries(value)) {
    if (!isPermissionName(name))
      throw validationError(
        `Unknown permission "${name}": use read, write, subscribe, unsubscribe, invite, kick, delete or flag`,
      )
    if (!isPolicy(policy))
      throw validationError(
        `Permission "${name}" must be public, subscribed or restricted, got ${JSON.stringify(policy)}`,
      )
    out[name] = policy
  }
  return out
}

function checkTags(value: unknown): string[] {
  if (!Array.isArray(value) || value.some((t) => typeof t !== 'string'))
    throw validationError(`tags must be a list of strings, got ${JSON.stringify(value)}`)
  return [...new Set(value as string[])]
}

/** Applies the editable fields of a POST/PUT body to a context. */
function applyContextFields(context: ContextRecord, body: Record<string, unknown>): void {
  if (Object.hasOwn(body, 'displayName') && body.displayName !== null) {
    if (typeof body.displayName !== 'string') throw validationError('displayName must be a string')
    context.displayName = body.displayName || context.url
  }
  if (Object.hasOwn(body, 'tags') && body.tags !== null) context.tags = checkTags(body.tags)
  if (Object.hasOwn(body, 'permissions') && body.permissions !== null)
    context.permissions = { ...context.permissions, ...checkPermissions(body.permissions) }
  if (Object.hasOwn(body, 'notifications') && body.notifications !== null) {
    if (!NOTIFICATIONS.has(body.notifications))
      throw validationError(
        `notifications must be true, false, "posts" or "comments", got ${JSON.stringify(body.notifications)}`,
      )
    context.notifications = body.notifications as boolean | string
  }
  for (const key of ['twitterHashtag', 'twitterUsername', 'uploadURL'] as const) {
    if (!Object.hasOwn(body, key) || body[key] === null) continue
    const value = body[key]
    if (typeof value !== 'string') throw validationError(`${key} must be a string`)
    if (value === '') delete context[key]
    else context[key] = key === 'twitterHashtag' ? value.replace(/^#/, '').toLowerCase() : value
  }
}

const listContexts: Handler = (ctx) => {
  requirePermission(ctx, isManager(ctx))
  const search = parseSearch(ctx.query)
  const contexts = [...ctx.store.contexts.values()]
    .filter((c) => search.tags.every((t) => c.tags.includes(t)))
    .filter((c) => (search.twitterEnabled ? Boolean(c.twitterHashtag || c.twitterUsername) : true))
    .filter((c) => search.keywords.every((k) => `${c.displayName} ${c.url}`.toLowerCase().includes(k)))
    .sort((a, b) => (a.id < b.id ? 1 : -1))
  return listAnswer(
    ctx,
    pageOf(contexts, search, (c) => c.id),
    (c) => contextView(c, { completePermissions: false }),
  )
}

const addContext: Handler = (ctx) => {
  requirePermission(ctx, isManager(ctx))
  const body = bodyObject(ctx)
  const url = stringField(body, 'url')
  if (!url) throw missingField('url')
  const hash = hashOfUrl(url)
  const existing = ctx.store.contexts.get(hash)
  if (existing) return json(200, contextView(existing, { completePermissions: false }))
  const now = formatDate(ctx.store.now())
  const owner = stringField(body, 'owner')?.toLowerCase() || ctx.me
  const context: ContextRecord = {
    id: ctx.store.newId(),
    hash,
    url,
    displayName: url,
    tags: [],
    notifications: false,
    // Explicit permissions are stored as given; the defaults apply only when none are sent.
    permissions:
      Object.hasOwn(body, 'permissions') && body.permissions !== null ? {} : { ...CONTEXT_CREATION_DEFAULTS },
    published: now,
    creator: ctx.me,
    owner,
  }
  applyContextFields(context, body)
  ctx.store.contexts.set(hash, context)
  return json(201, contextView(context, { completePermissions: false }))
}

const listPublicContexts: Handler = (ctx) => {
  const search = parseSearch(ctx.query)
  const contexts = [...ctx.store.contexts.values()]
    .filter((c) => c.permissions.subscribe === 'public')
    .filter((c) => search.tags.every((t) => c.tags.includes(t)))
    .sort((a, b) => (a.id < b.id ? 1 : -1))
  return listAnswer(
    ctx,
    pageOf(contexts, search, (c) => c.id),
    (c) => {
      const {
        owner: _owner,
        creator: _creator,
        published: _published,
        ...rest
      } = contextView(c, {
        completePermissions: false,
      })
      return rest
    },
  )
}

const getContext: Handler = (ctx) => json(200, contextView(pathContext(ctx), { completePermissions: true }))

function requireContextOwner(ctx: Ctx, context: ContextRecord): void {
  requirePermission(ctx, isManager(ctx) || context.owner === ctx.me)
}

/** Moves every reference of a context to its new hash after a URL change. */
function rehash(ctx: Ctx, context: ContextRecord, newHash: string): void {
  const old = context.hash
  ctx.store.contexts.delete(old)
  context.hash = newHash
  ctx.store.contexts.set(newHash, context)
  for (const person of ctx.store.people.values()) {
    for (const sub of person.subscribedTo) if (sub.hash === old) sub.hash = newHash
    person.unsubscribedToPush = person.unsubscribedToPush.map((h) => (h === old ? newHash : h))
  }
  for (const activity of ctx.store.activities.values()) {
    if (activity.context === old) activity.context = newHash
    if (activity.actor.kind === 'context' && activity.actor.hash === old)
      activity.actor = { kind: 'context', hash: newHash }
  }
}

const modifyContext: Handler = (ctx) => {
  const context = pathContext(ctx)
  requireContextOwner(ctx, context)
  const body = bodyObject(ctx)
  if (Object.hasOwn(body, 'url') && body.url !== null) {
    if (typeof body.url !== 'string' || body.url === '')
      throw validationError('url must be a non-empty string')
    const newHash = hashOfUrl(body.url)
    if (newHash !== context.hash) {
      if (ctx.store.contexts.has(newHash))
        throw validationError(`A context with url ${body.url} already exists`)
      rehash(ctx, context, newHash)
    }
    context.url = body.url
  }
  applyContextFields(context, body)
  return json(200, contextView(context, { completePermissions: false }))
}

const deleteContext: Handler = (ctx) => {
  const context = pathContext(ctx)
  requireContextOwner(ctx, context)
  const { store } = ctx
  for (const person of store.people.values()) {
    person.subscribedTo = person.subscribedTo.filter((s) => s.hash !== context.hash)
    person.unsubscribedToPush = person.unsubscribedToPush.filter((h) => h !== context.hash)
  }
  for (const activity of [...store.activities.values()]) {
    if (activity.context === context.hash) {
      if (activity.object.fileId) store.files.delete(activity.object.fileId)
      store.activities.delete(activity.id)
    }
  }
  store.contexts.delete(context.hash)
  return empty()
}

const contextAvatar: Handler = (ctx) => {
  pathContext(ctx)
  return binary(ctx, DEFAULT_AVATAR_PNG, 'image/png')
}

/** The path user's subscription to the path context (404 when not subscribed). */
function pathSubscription(ctx: Ctx) {
  const context = pathContext(ctx)
  const person = pathPerson(ctx)
  const sub = findSubscription(person, context.hash)
  if (!sub) throw notFound(`${person.username} is not subscribed to context ${context.hash}`)
  return { context, person, sub }
}

function subscriptionAnswer(ctx: Ctx, status: number, person: PersonRecord, hash: string): Response {
  const sub = findSubscription(person, hash)!
  return json(status, {
    ...subscriptionView(ctx.store, sub),
    username: person.username,
    _grants: [...sub.grants],
    _vetos: [...sub.vetos],
  })
}

const resetPermissions: Handler = (ctx) => {
  const { context, person, sub } = pathSubscription(ctx)
  requireContextOwner(ctx, context)
  sub.grants = []
  sub.vetos = []
  return subscriptionAnswer(ctx, 200, person, context.hash)
}

function permissionFromPath(ctx: Ctx): PermissionName {
  const name = ctx.params.permission ?? ''
  if (!isPermissionName(name))
    throw new MaxApiError(
      400,
      'InvalidPermission',
      `There's not any permission named "${name}": use read, write, subscribe, unsubscribe, invite, kick, delete or flag`,
    )
  return name
}

const grantPermission: Handler = (ctx) => {
  const permission = permissionFromPath(ctx)
  const { context, person, sub } = pathSubscription(ctx)
  requireContextOwner(ctx, context)
  const vetoed = sub.vetos.includes(permission)
  sub.vetos = sub.vetos.filter((p) => p !== permission)
  if (sub.grants.includes(permission) && !vetoed) return subscriptionAnswer(ctx, 200, person, context.hash)
  if (!sub.grants.includes(permission)) sub.grants.push(permission)
  return subscriptionAnswer(ctx, 201, person, context.hash)
}

const revokePermission: Handler = (ctx) => {
  const permission = permissionFromPath(ctx)
  const { context, person, sub } = pathSubscription(ctx)
  requireContextOwner(ctx, context)
  const granted = sub.grants.includes(permission)
  sub.grants = sub.grants.filter((p) => p !== permission)
  if (sub.vetos.includes(permission) && !granted) return subscriptionAnswer(ctx, 200, person, context.hash)
  if (!sub.vetos.includes(permission)) sub.vetos.push(permission)
  return subscriptionAnswer(ctx, 201, person, context.hash)
}

const listContextSubscriptions: Handler = (ctx) => {
  const context = pathContext(ctx)
  const allowed =
    isManager(ctx) ||
    context.owner === ctx.me ||
    findSubscription(ctx.store.people.get(ctx.me), context.hash) !== undefined
  requirePermission(ctx, allowed)
  const search = parseSearch(ctx.query)
  const subscribers = [...ctx.store.people.values()]
    .filter((p) => findSubscription(p, context.hash))
    .sort((a, b) => (a.id < b.id ? 1 : -1))
  return listAnswer(
    ctx,
    pageOf(subscribers, search, (p) => p.id),
    (p) => {
      const sub = findSubscription(p, context.hash)!
      return {
        username: p.username,
        permissions: subscriptionPermissions(context, sub),
        vetos: [...sub.vetos],
        grants: [...sub.grants],
        hash: context.hash,
      }
    },
  )
}

/** The subscribe activity answered by the subscription endpoints. */
function subscribeActivity(ctx: Ctx, context: ContextRecord, username: string): ActivityRecord {
  const id = ctx.store.newId()
  const activity: ActivityRecord = {
    id,
    verb: 'subscribe',
    actor: { kind: 'person', username },
    object: { objectType: 'context', url: context.url },
    published: formatDate(ctx.store.now()),
    creator: ctx.me,
    owner: username,
    generator: null,
    keywords: [],
    hashtags: [],
    likes: [],
    favorites: [],
    lastComment: id,
  }
  return activity
}

const subscribe: Handler = (ctx) => {
  const context = pathContext(ctx)
  const person = ctx.store.people.get(ctx.actor)!
  const self = ctx.actor === ctx.me
  requirePermission(ctx, canOnContext(ctx.store, ctx.me, context, self ? 'subscribe' : 'invite'))
  const existing = findSubscription(person, context.hash)
  const activity = subscribeActivity(ctx, context, person.username)
  if (existing) return json(200, activityView(ctx.store, activity, ctx.me))
  person.subscribedTo.push({ hash: context.hash, grants: [], vetos: [] })
  ctx.store.activities.set(activity.id, activity)
  return json(201, activityView(ctx.store, activity, ctx.me))
}

const unsubscribe: Handler = (ctx) => {
  // MAX checks the permission before it looks for the subscription (403 before 404).
  const context = pathContext(ctx)
  const self = (ctx.params.username ?? '').toLowerCase() === ctx.me
  // Leaving needs the unsubscribe permission of one's own subscription: without one, no permission.
  const mine = findSubscription(ctx.store.people.get(ctx.me), context.hash)
  requirePermission(
    ctx,
    self
      ? isManager(ctx) ||
          context.owner === ctx.me ||
          (mine !== undefined && canOnContext(ctx.store, ctx.me, context, 'unsubscribe'))
      : canOnContext(ctx.store, ctx.me, context, 'kick'),
  )
  const { person } = pathSubscription(ctx)
  person.subscribedTo = person.subscribedTo.filter((s) => s.hash !== context.hash)
  person.unsubscribedToPush = person.unsubscribedToPush.filter((h) => h !== context.hash)
  return empty()
}

const listPushOptOuts: Handler = (ctx) => {
  const context = pathContext(ctx)
  requireContextOwner(ctx, context)
  const search = parseSearch(ctx.query)
  const people = [...ctx.store.people.values()]
    .filter((p) => p.unsubscribedToPush.includes(context.hash))
    .sort((a, b) => (a.id < b.id ? 1 : -1))
  return listAnswer(
    ctx,
    pageOf(people, search, (p) => p.id),
    (p) => ({ username: p.username }),
  )
}

const pushOff: Handler = (ctx) => {
  const { context, person } = pathSubscription(ctx)
  requireSelfOrManager(ctx, person.username)
  const activity = subscribeActivity(ctx, context, person.username)
  if (person.unsubscribedToPush.includes(context.hash))
    return json(200, activityView(ctx.store, activity, ctx.me))
  person.unsubscribedToPush.push(context.hash)
  return json(201, activityView(ctx.store, activity, ctx.me))
}

const pushOn: Handler = (ctx) => {
  const context = pathContext(ctx)
  const person = pathPerson(ctx)
  requireSelfOrManager(ctx, person.username)
  if (!person.unsubscribedToPush.includes(context.hash))
    throw notFound(`${person.username} has not turned push notifications off for context ${context.hash}`)
  person.unsubscribedToPush = person.unsubscribedToPush.filter((h) => h !== context.hash)
  return empty()
}

const getTags: Handler = (ctx) => fullList(ctx, pathContext(ctx).tags, (t) => t)

const addTags: Handler = (ctx) => {
  const context = pathContext(ctx)
  requireContextOwner(ctx, context)
  const tags = checkTags(ctx.body)
  context.tags = [...new Set([...context.tags, ...tags])]
  return json(200, context.tags)
}

const clearTags: Handler = (ctx) => {
  const context = pathContext(ctx)
  requireContextOwner(ctx, context)
  context.tags = []
  return json(200, [])
}

const removeTag: Handler = (ctx) => {
  const context = pathContext(ctx)
  requireContextOwner(ctx, context)
  const tag = ctx.params.tag ?? ''
  if (!context.tags.includes(tag)) throw notFound(`Tag "${tag}" not found in context ${context.hash}`)
  context.tags = context.tags.filter((t) => t !== tag)
  return empty()
}

export const contextHandlers: Record<string, Handler> = {
  'GET /contexts': listContexts,
  'POST /contexts': addContext,
  'GET /contexts/public': listPublicContexts,
  'GET /contexts/{hash}': getContext,
  'PUT /contexts/{hash}': modifyContext,
  'DELETE /contexts/{hash}': deleteContext,
  'GET /contexts/{hash}/avatar': contextAvatar,
  'POST /contexts/{hash}/permissions/{username}/defaults': resetPermissions,
  'PUT /contexts/{hash}/permissions/{username}/{permission}': grantPermission,
  'DELETE /contexts/{hash}/permissions/{username}/{permission}': revokePermission,
  'GET /contexts/{hash}/subscriptions': listContextSubscriptions,
  'POST /contexts/{hash}/subscriptions': subscribe,
  'DELETE /contexts/{hash}/subscriptions/{username}': unsubscribe,
  'GET /contexts/{hash}/unsubscriptionpush': listPushOptOuts,
  'POST /contexts/{hash}/unsubscriptionpush/{username}': pushOff,
  'DELETE /contexts/{hash}/subscriptionpush/{username}': pushOn,
  'GET /contexts/{hash}/tags': getTags,
  'PUT /contexts/{hash}/tags': addTags,
  'DELETE /contexts/{hash}/tags': clearTags,
  'DELETE /contexts/{hash}/tags/{tag}': removeTag,
}

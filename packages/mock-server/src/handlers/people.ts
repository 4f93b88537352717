import {
  bodyObject,
  type Ctx,
  empty,
  fullList,
  type Handler,
  json,
  listAnswer,
  pathPerson,
  requirePermission,
  requireSelfOrManager,
  stringField,
} from '../context.js'
import { deletePerson, ensurePerson, restoreArchived, twitterUsername } from '../domain.js'
import { validationError } from '../errors.js'
import type { PersonRecord } from '../model.js'
import { DEFAULT_AVATAR_PNG } from '../png.js'
import { parseSearch } from '../search.js'
import { contextSummary, personView, subscriptionView } from '../views.js'
import { binary, storeUpload } from './files.js'

/** Whether `requester` can see `person` in listings (NonVisible users are hidden from others). */
function visibleTo(ctx: Ctx, person: PersonRecord): boolean {
  const { store } = ctx
  if (!store.roles.NonVisible.has(person.username)) return true
  return store.isManager(ctx.me) || store.roles.NonVisible.has(ctx.me)
}

const listPeople: Handler = (ctx) => {
  const search = parseSearch(ctx.query)
  const needle = search.username?.toLowerCase()
  let people = [...ctx.store.people.values()].filter((p) => {
    if (!visibleTo(ctx, p)) return false
    if (search.twitterEnabled && !p.twitterUsername) return false
    if (!needle) return true
    // A literal substring match: MAX uses the text as a regular expression, which a mock should not run.
    return p.username.includes(needle) || p.displayName.toLowerCase().includes(needle)
  })
  const byName = (a: PersonRecord, b: PersonRecord) =>
    a.username < b.username ? -1 : a.username > b.username ? 1 : 0
  // Default order is username descending with ObjectId cursors; max_users switches to ascending
  // username order with username cursors.
  const cursorOf = search.maxUsers ? (p: PersonRecord) => p.username : (p: PersonRecord) => p.id
  if (search.before !== undefined) people = people.filter((p) => cursorOf(p) < search.before!)
  if (search.after !== undefined) people = people.filter((p) => cursorOf(p) > search.after!)
  people.sort(search.maxUsers ? byName : (a, b) => byName(b, a))
  const limit = Math.abs(search.limit)
  const items = limit === 0 ? people : people.slice(0, limit)
  const page = { items, total: people.length, hasMore: people.length > items.length }
  return listAnswer(ctx, page, (p) => {
    const item: Record<string, unknown> = {
      id: p.id,
      username: p.username,
      displayName: p.displayName,
      objectType: 'person',
    }
    if (search.twitterEnabled && p.twitterUsername) item.twitterUsername = p.twitterUsername
    return item
  })
}

const addPerson: Handler = (ctx) => {
  const body = bodyObject(ctx)
  const raw = stringField(body, 'username')
  if (raw === undefined || raw.trim() === '')
    throw validationError('Required parameter "username" not found in the request')
  const username = raw.trim().toLowerCase()
  requireSelfOrManager(ctx, username)
  const displayName = stringField(body, 'displayName')
  const twitter = body.twitterUsername !== undefined && body.twitterUsername !== null
  const twitterValue =
    twitter && body.twitterUsername !== '' ? twitterUsername(body.twitterUsername) : undefined
  const { person, created } = ensurePerson(ctx.store, username, ctx.me || username, displayName)
  if (created && twitterValue) person.twitterUsername = twitterValue
  if (created) restoreArchived(ctx.store, username)
  return json(created ? 201 : 200, personView(ctx.store, person, ctx.me))
}

const getPerson: Handler = (ctx) => json(200, personView(ctx.store, pathPerson(ctx), ctx.me))

const modifyPerson: Handler = (ctx) => {
  const person = pathPerson(ctx)
  requireSelfOrManager(ctx, person.username)
  const body = bodyObject(ctx)
  if (Object.hasOwn(body, 'displayName') && body.displayName !== null) {
    if (typeof body.displayName !== 'string')
      throw validationError(`displayName must be a string, got ${JSON.stringify(body.displayName)}`)
    person.displayName = body.displayName === '' ? person.username : body.displayName
  }
  if (Object.hasOwn(body, 'twitterUsername') && body.twitterUsername !== null) {
    if (body.twitterUsername === '') delete person.twitterUsername
    else person.twitterUsername = twitterUsername(body.twitterUsername)
  }
  return json(200, personView(ctx.store, person, ctx.me))
}

const deleteUser: Handler = (ctx) => {
  const person = pathPerson(ctx)
  requirePermission(ctx, ctx.store.isManager(ctx.me))
  deletePerson(ctx.store, person.username)
  return empty()
}

const getAvatar: Handler = (ctx) => {
  const person = pathPerson(ctx)
  const fileId = ctx.store.avatars.get(person.username)
  const file = fileId ? ctx.store.files.get(fileId) : undefined
  if (!file) return binary(ctx, DEFAULT_AVATAR_PNG, 'image/png')
  return binary(ctx, Buffer.from(file.base64, 'base64'), file.mimetype)
}

const uploadAvatar: Handler = (ctx) => {
  const person = pathPerson(ctx)
  requireSelfOrManager(ctx, person.username)
  const isMultipart = (ctx.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')
  if (!isMultipart || ctx.files.length !== 1)
    throw validationError(
      'The avatar must be sent as multipart/form-data with exactly one file field (for example "file")',
    )
  const previous = ctx.store.avatars.get(person.username)
  if (previous) ctx.store.files.delete(previous)
  const id = storeUpload(ctx.store, ctx.files[0]!)
  ctx.store.avatars.set(person.username, id)
  return json(201, { Image: 'updated' })
}

const listSubscriptions: Handler = (ctx) => {
  const person = pathPerson(ctx)
  requireSelfOrManager(ctx, person.username)
  const tags = ctx.query.getAll('tags')
  const items = person.subscribedTo.filter((sub) => {
    const context = ctx.store.contexts.get(sub.hash)
    return context !== undefined && tags.every((t) => context.tags.includes(t))
  })
  return fullList(ctx, items, (sub) => subscriptionView(ctx.store, sub))
}

const listPushOptOuts: Handler = (ctx) => {
  const person = pathPerson(ctx)
  requireSelfOrManager(ctx, person.username)
  const tags = ctx.query.getAll('tags')
  const contexts = person.unsubscribedToPush.flatMap((hash) => {
    const context = ctx.store.contexts.get(hash)
    return context && tags.every((t) => context.tags.includes(t)) ? [context] : []
  })
  return fullList(ctx, contexts, contextSummary)
}

export const peopleHandlers: Record<string, Handler> = {
  'GET /people': listPeople,
  'POST /people': addPerson,
  'GET /people/{username}': getPerson,
  'PUT /people/{username}': modifyPerson,
  'DELETE /people/{username}': deleteUser,
  'GET /people/{username}/avatar': getAvatar,
  'POST /people/{username}/avatar': uploadAvatar,
  'GET /people/{username}/avatar/{size}': getAvatar,
  'GET /people/{username}/subscriptions': listSubscriptions,
  'GET /people/{username}/unsubscriptionpush': listPushOptOuts,
}

import {
  bodyObject,
  type Ctx,
  empty,
  fullList,
  type Handler,
  isManager,
  json,
  pathContext,
  pathConversation,
  pathPerson,
  requirePermission,
  requireSelfOrManager,
  stringField,
} from '../context.js'
import { missingField, notFound, validationError } from '../errors.js'
import type { DeviceTokenRecord } from '../model.js'
import { findSubscription } from '../permissions.js'
import { formatDate } from '../text.js'
import { deviceTokenItem, deviceTokenView } from '../views.js'

function platformOf(value: string): 'ios' | 'android' {
  const platform = value.toLowerCase()
  if (platform !== 'ios' && platform !== 'android')
    throw validationError(`platform must be "ios" or "android", got ${JSON.stringify(value)}`)
  return platform
}

function tokensOf(ctx: Ctx, usernames: ReadonlySet<string>, platform?: string): DeviceTokenRecord[] {
  return [...ctx.store.deviceTokens.values()].filter(
    (t) => usernames.has(t.username) && (platform === undefined || t.platform === platform),
  )
}

const listUserTokens: Handler = (ctx) => {
  const person = pathPerson(ctx)
  requireSelfOrManager(ctx, person.username)
  const platform = ctx.params.platform === undefined ? undefined : platformOf(ctx.params.platform)
  return fullList(ctx, tokensOf(ctx, new Set([person.username]), platform), deviceTokenItem)
}

const deleteUserTokens: Handler = (ctx) => {
  const person = pathPerson(ctx)
  requireSelfOrManager(ctx, person.username)
  const platform = ctx.params.platform === undefined ? undefined : platformOf(ctx.params.platform)
  for (const token of tokensOf(ctx, new Set([person.username]), platform))
    ctx.store.deviceTokens.delete(token.token)
  return empty()
}

const addToken: Handler = (ctx) => {
  const body = bodyObject(ctx)
  const token = stringField(body, 'token')
  if (!token) throw missingField('token')
  const rawPlatform = stringField(body, 'platform')
  if (!rawPlatform) throw missingField('platform')
  const platform = platformOf(rawPlatform)
  // No check of the iOS token's shape: MAX means to validate it, but its validator returns a
  // (success, message) tuple that is always truthy, so the real server accepts any token.
  // The body `username` makes it the actor; registering for someone else needs a Manager.
  requireSelfOrManager(ctx, ctx.actor)
  const record: DeviceTokenRecord = {
    id: ctx.store.deviceTokens.get(token)?.id ?? ctx.store.newId(),
    token,
    platform,
    device: stringField(body, 'device') ?? null,
    username: ctx.actor,
    published: formatDate(ctx.store.now()),
  }
  ctx.store.deviceTokens.set(token, record)
  return json(201, deviceTokenView(record))
}

const deleteToken: Handler = (ctx) => {
  const value = ctx.params.token ?? ''
  const record = ctx.store.deviceTokens.get(value)
  if (!record) throw notFound(`Object with token ${value} not found inside tokens`)
  requireSelfOrManager(ctx, record.username)
  ctx.store.deviceTokens.delete(value)
  return empty()
}

const contextTokens: Handler = (ctx) => {
  const context = pathContext(ctx)
  requirePermission(ctx, isManager(ctx))
  const usernames = new Set(
    [...ctx.store.people.values()]
      .filter((p) => findSubscription(p, context.hash) && !p.unsubscribedToPush.includes(context.hash))
      .map((p) => p.username),
  )
  return fullList(ctx, tokensOf(ctx, usernames), deviceTokenItem)
}

const conversationTokens: Handler = (ctx) => {
  const conversation = pathConversation(ctx)
  requirePermission(ctx, isManager(ctx))
  // Newest first, as MAX lists them.
  const tokens = tokensOf(ctx, new Set(conversation.participants)).sort((a, b) => (a.id < b.id ? 1 : -1))
  return fullList(ctx, tokens, deviceTokenItem)
}

export const tokenHandlers: Record<string, Handler> = {
  'GET /people/{username}/tokens': listUserTokens,
  'DELETE /people/{username}/tokens': deleteUserTokens,
  'GET /people/{username}/tokens/platforms/{platform}': listUserTokens,
  'DELETE /people/{username}/tokens/platforms/{platform}': deleteUserTokens,
  'POST /tokens': addToken,
  'DELETE /tokens/{token}': deleteToken,
  'GET /contexts/{hash}/tokens': contextTokens,
  'GET /conversations/{id}/tokens': conversationTokens,
}

import type { HttpMethod, MethodSpec, RouteSpec } from '@maxclient/resources'
import { badRequest, forbidden, invalidId, notFound, unknownUser } from './errors.js'
import { isObjectId } from './ids.js'
import type {
  ActivityRecord,
  ContextRecord,
  ConversationRecord,
  MessageRecord,
  PersonRecord,
} from './model.js'
import type { Page } from './search.js'
import type { Store } from './store.js'

/** A file part of a multipart upload (or of the base64 JSON variant). */
export interface UploadedFile {
  field: string
  filename?: string
  mimetype: string
  bytes: Uint8Array
}

/** Everything a route handler needs about the request being served. */
export interface Ctx {
  store: Store
  /** Request headers (after a tunnelled GET copied its auth fields into them). */
  headers: Headers
  url: URL
  /** The method after X-HTTP-Method-Override and deprecation rewrites; HEAD stays HEAD. */
  method: HttpMethod
  route: RouteSpec
  spec: MethodSpec
  params: Record<string, string>
  query: URLSearchParams
  /** Parsed JSON body ({} when absent or unparsable, as MAX reads it). */
  body: unknown
  files: UploadedFile[]
  /** Authenticated username; '' on public routes. */
  me: string
  /** The user the action is performed as (see conventions: path user, body actor, then `me`). */
  actor: string
  /** Set when the body actor is a context (posting as a context). */
  actorContext?: string
  /** Origin the request reached, e.g. `http://127.0.0.1:8081`. */
  origin: string
  server: { oauthUrl: string; serverId: string }
}

export type Handler = (ctx: Ctx) => Response | Promise<Response>

const JSON_TYPE = 'application/json'

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': JSON_TYPE, ...headers },
  })
}

/** An empty answer (204 for deletions). */
export function empty(status = 204): Response {
  return new Response(null, { status })
}

/** Routes whose GET may send X-Has-Remaining-Items (only these two in MAX). */
const REMAINING_HEADER_ROUTES = new Set(['/people', '/conversations/{id}/messages'])

/**
 * Answers a list: on HEAD the count in X-totalItems when the route counts (200 and no count
 * otherwise, as the server does); on GET the page, with X-Has-Remaining-Items where MAX sends it.
 */
export function listAnswer<T>(ctx: Ctx, page: Page<T>, render: (item: T) => unknown): Response {
  if (ctx.method === 'HEAD') {
    return new Response(null, {
      status: 200,
      headers: ctx.spec.count ? { 'x-totalitems': String(page.total) } : {},
    })
  }
  const headers: Record<string, string> = {}
  if (page.hasMore && REMAINING_HEADER_ROUTES.has(ctx.route.pattern)) headers['x-has-remaining-items'] = '1'
  return json(200, page.items.map(render), headers)
}

/** A whole (unpaginated) list; HEAD counts it when the route counts. */
export function fullList<T>(ctx: Ctx, items: readonly T[], render: (item: T) => unknown): Response {
  return listAnswer(ctx, { items: [...items], total: items.length, hasMore: false }, render)
}

export function isManager(ctx: Ctx): boolean {
  return ctx.store.isManager(ctx.me)
}

/** 403 unless `allowed`, worded with the route permission label. */
export function requirePermission(ctx: Ctx, allowed: boolean): void {
  if (!allowed) throw forbidden(ctx.me, ctx.spec.permissionLabel)
}

/** Manager or the user themself. */
export function requireSelfOrManager(ctx: Ctx, username: string): void {
  requirePermission(ctx, ctx.me === username || isManager(ctx))
}

/** The user named by a path parameter (MAX treats it as the actor: unknown gives UnknownUserError). */
export function pathPerson(ctx: Ctx, name = 'username'): PersonRecord {
  const username = (ctx.params[name] ?? '').toLowerCase()
  const person = ctx.store.people.get(username)
  if (!person) throw unknownUser(username)
  return person
}

export function pathContext(ctx: Ctx): ContextRecord {
  const hash = ctx.params.hash ?? ''
  const context = ctx.store.contexts.get(hash)
  if (!context) throw notFound(`Object with hash ${hash} not found inside contexts`)
  return context
}

function pathObjectId(ctx: Ctx, name: string): string {
  const id = ctx.params[name] ?? ''
  if (!isObjectId(id)) throw invalidId(id)
  return id
}

/** A post activity (or any activity when `anyVerb`) named by the path. */
export function pathActivity(ctx: Ctx, name = 'activity'): ActivityRecord {
  const id = pathObjectId(ctx, name)
  const activity = ctx.store.activities.get(id)
  if (!activity) throw notFound(`Object with _id ${id} not found inside activity`)
  return activity
}

export function pathConversation(ctx: Ctx): ConversationRecord {
  const id = pathObjectId(ctx, 'id')
  const conversation = ctx.store.conversations.get(id)
  if (!conversation) throw notFound(`Object with _id ${id} not found inside conversations`)
  return conversation
}

export function pathMessage(ctx: Ctx): MessageRecord {
  const id = pathObjectId(ctx, 'id')
  const message = ctx.store.messages.get(id)
  if (!message) throw notFound(`Object with _id ${id} not found inside messages`)
  return message
}

/** The JSON body as an object, or a 400 naming what was expected. */
export function bodyObject(ctx: Ctx): Record<string, unknown> {
  const body = ctx.body
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw badRequest('ValidationError', 'The request body must be a JSON object')
  return body as Record<string, unknown>
}

/** A nested object field of the body, or undefined. */
export function objectField(value: unknown, key: string): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const inner = Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined
  if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return undefined
  return inner as Record<string, unknown>
}

/** A string field of an object (own property only). */
export function stringField(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const inner = Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined
  return typeof inner === 'string' ? inner : undefined
}

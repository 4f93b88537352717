import { collect, type MaxCore, paginate } from '@maxclient/core'
import { findRoute, methodOf, paginationFor } from '@maxclient/resources'
import { callEndpoint, prepare } from './call.js'
import { usageError } from './errors.js'
import type { EndpointCall } from './operations.js'

/** Parses a `--limit` option: a whole number from 1 up. */
export function parseLimit(value: string | undefined, fallback: number, option = '--limit'): number {
  if (value === undefined) return fallback
  const limit = Number(value)
  if (!Number.isInteger(limit) || limit < 1)
    throw usageError(`${option} expects a whole number from 1, got "${value}".`)
  return limit
}

/** Reads up to `limit` items of a list endpoint, following pages when the catalog says it pages. */
export async function listItems(client: MaxCore, call: EndpointCall, limit: number): Promise<unknown[]> {
  const route = findRoute(call.pattern)
  const spec = route ? methodOf(route, 'GET') : undefined
  if (!spec?.paginated) {
    const result = await callEndpoint(client, call)
    return Array.isArray(result) ? result.slice(0, limit) : [result]
  }
  return collect(iterateItems(client, call, { pageSize: Math.min(limit, 100), max: limit }))
}

/**
 * Every item of a paged list call, one page in memory at a time, with the catalog's cursor rules
 * (which field is the cursor, oldest- or newest-first) for that list.
 */
export function iterateItems(
  client: MaxCore,
  call: EndpointCall,
  options: { pageSize: number; max?: number },
): AsyncIterable<unknown> {
  const built = prepare(client, call)
  const request: Parameters<typeof paginate>[1] = { method: 'GET', path: built.path, auth: built.auth }
  if (built.query) request.query = built.query
  return paginate(client, request, { ...options, ...paginationFor(call.pattern, 'GET', built.query) })
}

/** Table columns per kind of result. */
export const columns = {
  person: ['username', 'displayName', 'published'],
  context: ['url', 'displayName', 'hash', 'tags'],
  subscriber: ['username', 'displayName', 'permissions'],
  activity: ['id', 'actor.username', 'object.content', 'published'],
  comment: ['id', 'actor.username', 'content', 'published'],
  conversation: ['id', 'displayName', 'participants', 'lastMessage.content'],
  message: ['id', 'actor.username', 'object.content', 'published'],
  token: ['token', 'platform', 'username'],
  role: ['role', 'users'],
}

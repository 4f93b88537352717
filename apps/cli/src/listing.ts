import { collect, countOf, type MaxCore, paginate } from '@maxclient/core'
import { findRoute, methodOf, paginationFor } from '@maxclient/resources'
import { callEndpoint, requestFor, sendCall } from './call.js'
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

/** A page of a list as a command shows it: the items, and whether more exist beyond the limit. */
export interface ListResult {
  items: unknown[]
  /** More items exist than were read (only when a limit applied). */
  truncated: boolean
  /** The server's count of every item, when the list has one and it was asked for. */
  total?: number
}

function withQuery(call: EndpointCall, query: Record<string, unknown>): EndpointCall {
  const input = { ...call.input }
  input.qs = { ...(input.qs as Record<string, unknown> | undefined), ...query }
  return { ...call, input }
}

/**
 * Reads up to `limit` items of a list endpoint (every item when `limit` is undefined), following
 * pages when the catalog says the list pages. One item more than the limit is read to know
 * whether the list was cut.
 */
export async function listItems(
  client: MaxCore,
  call: EndpointCall,
  limit: number | undefined,
): Promise<ListResult> {
  const route = findRoute(call.pattern)
  const spec = route ? methodOf(route, 'GET') : undefined
  let items: unknown[]
  if (spec?.paginated) {
    const max = limit === undefined ? undefined : limit + 1
    const pageSize = Math.min(max ?? 100, 100)
    items = await collect(iterateItems(client, call, max === undefined ? { pageSize } : { pageSize, max }))
  } else {
    // MAX lists answer 10 items unless asked: ask for the limit (0 means every item).
    const result = await callEndpoint(client, withQuery(call, { limit: limit === undefined ? 0 : limit + 1 }))
    items = Array.isArray(result) ? result : [result]
  }
  const truncated = limit !== undefined && items.length > limit
  return { items: truncated ? items.slice(0, limit) : items, truncated }
}

/** The server's total for a list that answers HEAD counts, or undefined. */
export async function countItems(client: MaxCore, call: EndpointCall): Promise<number | undefined> {
  const route = findRoute(call.pattern)
  if (!route || !methodOf(route, 'GET')?.count) return undefined
  const response = await sendCall(client, { ...call, method: 'HEAD' })
  return response.ok ? countOf(response) : undefined
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
  const request = requestFor(client, { ...call, method: 'GET' })
  return paginate(client, request, { ...options, ...paginationFor(call.pattern, 'GET', request.query) })
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

import type { MaxCore } from './client.js'
import { MaxError, UsageError } from './errors.js'
import { isTrusted, type QueryParams, type QueryValue, trustRequest } from './request.js'
import { interpretResponse } from './response.js'
import type { MaxRequest } from './types.js'
import { isPlainObject, preview } from './values.js'

/** Options of {@link paginate}. */
export interface PaginateOptions<T> {
  /** Items per page (`limit`). Default: the `limit` of the caller's query, else 100. */
  pageSize?: number
  /** Stop after this many items. */
  max?: number
  /** Cursor of an item, passed as `before`. Default: the item's `id`. */
  cursor?: (item: T) => string
  /**
   * Which item of a page gives the next cursor. Default `'last'`; `'first'` for lists served
   * oldest-first, such as `/conversations/{id}/messages`.
   */
  cursorItem?: 'first' | 'last'
}

// An encoded query (the older form) is read once into the structured one.
function structured(query: string | QueryParams | undefined): QueryParams {
  if (query === undefined) return {}
  if (typeof query !== 'string') {
    if (!isPlainObject(query)) {
      throw new UsageError('paginate: query must be an encoded string or a plain object of parameters')
    }
    return { ...query }
  }
  const params: Record<string, QueryValue | QueryValue[]> = {}
  for (const [key, value] of new URLSearchParams(query)) {
    const previous = params[key]
    if (previous === undefined) params[key] = value
    else if (Array.isArray(previous)) previous.push(value)
    else params[key] = [previous, value]
  }
  return params
}

function single(params: QueryParams, key: string): string | undefined {
  const value = params[key]
  if (value === undefined) return undefined
  if (Array.isArray(value)) {
    throw new UsageError(`paginate: the query gives "${key}" ${value.length} times; give it once`)
  }
  return String(value)
}

function defaultCursor(item: unknown): string {
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined
  if (typeof id !== 'string' || id === '') {
    throw new UsageError(
      'paginate: an item has no string "id"; pass options.cursor to say which value goes in "before"',
    )
  }
  return id
}

/**
 * Iterates every item of a MAX list endpoint, one page at a time (flat memory). Sends
 * `limit=pageSize` and `before=<cursor of the last item>`, keeping the caller's other query
 * parameters (a `before` in the query is the starting point).
 *
 * It stops when a page is shorter than the page size or empty, when `max` items were yielded, or
 * when `X-Has-Remaining-Items` was announced by an earlier page and is now absent. Endpoints that
 * never send that header are read until a short page.
 *
 * @example
 * ```ts
 * for await (const person of paginate(max, { method: 'GET', path: '/people' }, { pageSize: 50 })) { ... }
 * ```
 */
export async function* paginate<T = unknown>(
  client: MaxCore,
  request: MaxRequest,
  options: PaginateOptions<T> = {},
): AsyncGenerator<T, void, undefined> {
  if (request.method !== 'GET') {
    throw new UsageError(`paginate works on GET list endpoints, got ${String(request.method)}`)
  }
  const params = structured(request.query)
  const queryLimit = single(params, 'limit')
  let pageSize = options.pageSize
  if (queryLimit !== undefined) {
    const limit = Number(queryLimit)
    if (pageSize !== undefined && pageSize !== limit) {
      throw new UsageError(
        `paginate: query limit=${preview(queryLimit)} and pageSize ${pageSize} disagree; give only one`,
      )
    }
    pageSize = limit
  }
  pageSize ??= 100
  if (!Number.isInteger(pageSize) || pageSize < 1) {
    throw new UsageError(`paginate: pageSize must be a positive integer, got ${String(pageSize)}`)
  }
  const max = options.max
  if (max !== undefined && (!Number.isInteger(max) || max < 0)) {
    throw new UsageError(`paginate: max must be a non-negative integer, got ${String(max)}`)
  }
  const cursorOf = options.cursor ?? defaultCursor
  const pick = options.cursorItem ?? 'last'
  if (pick !== 'first' && pick !== 'last') {
    throw new UsageError(`paginate: cursorItem must be "first" or "last", got ${String(pick)}`)
  }
  params.limit = pageSize
  let yielded = 0
  let headerSeen = false
  let before = single(params, 'before')
  if (max === 0) return
  // Pages of a request built (and checked) by resources stay trusted.
  const trusted = isTrusted(request)
  for (;;) {
    if (before !== undefined) params.before = before
    const pageRequest: MaxRequest = { ...request, query: { ...params } }
    const response = await client.send(trusted ? trustRequest(pageRequest) : pageRequest)
    const page = interpretResponse(response)
    if (page === null) return
    if (!Array.isArray(page)) {
      throw new MaxError(`paginate: ${response.method} ${response.url} did not answer a list`)
    }
    for (const item of page as T[]) {
      yield item
      yielded++
      if (max !== undefined && yielded >= max) return
    }
    const remaining = response.headers['x-has-remaining-items']
    if (remaining !== undefined) headerSeen = true
    if (page.length === 0 || page.length < pageSize) return
    if (headerSeen && (remaining === undefined || remaining === '0')) return
    const next = cursorOf((pick === 'last' ? page[page.length - 1] : page[0]) as T)
    if (next === before) {
      throw new MaxError(`paginate: ${response.url} gave the same page twice (cursor ${next}); stopping`)
    }
    before = next
  }
}

/** Reads an async iterable into an array, stopping after `max` items. */
export async function collect<T>(iterable: AsyncIterable<T>, max?: number): Promise<T[]> {
  if (max !== undefined && (!Number.isInteger(max) || max < 0)) {
    throw new UsageError(`collect: max must be a non-negative integer, got ${String(max)}`)
  }
  const items: T[] = []
  if (max === 0) return items
  for await (const item of iterable) {
    items.push(item)
    if (max !== undefined && items.length >= max) break
  }
  return items
}

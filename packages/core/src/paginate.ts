import type { MaxCore } from './client.js'
import { MaxError, UsageError } from './errors.js'
import { interpretResponse } from './response.js'
import type { MaxRequest } from './types.js'

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
  request: MaxRequest & { query?: string },
  options: PaginateOptions<T> = {},
): AsyncGenerator<T, void, undefined> {
  if (request.method !== 'GET') {
    throw new UsageError(`paginate works on GET list endpoints, got ${String(request.method)}`)
  }
  const params = new URLSearchParams(request.query ?? '')
  const queryLimit = params.get('limit')
  let pageSize = options.pageSize
  if (queryLimit !== null) {
    const limit = Number(queryLimit)
    if (pageSize !== undefined && pageSize !== limit) {
      throw new UsageError(
        `paginate: query limit=${queryLimit} and pageSize ${pageSize} disagree; give only one`,
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
  params.set('limit', String(pageSize))
  let yielded = 0
  let headerSeen = false
  let before = params.get('before')
  if (max === 0) return
  for (;;) {
    if (before !== null) params.set('before', before)
    const response = await client.send({ ...request, query: params.toString() })
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

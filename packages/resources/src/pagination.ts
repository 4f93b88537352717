import type { PaginateOptions } from '@maxclient/core'
import { UsageError } from './errors.js'
import { describe } from './params.js'
import { buildQuery } from './query.js'
import { findRoute, methodOf } from './routes.js'
import type { HttpMethod, PaginationSpec } from './spec.js'

/** The options of core's `paginate` that depend on the list: which value is the cursor, from which item. */
export type ListPaging<T = unknown> = Required<Pick<PaginateOptions<T>, 'cursor' | 'cursorItem'>>

const cursorReaders = new Map<string, (item: unknown) => string>()

function cursorReader(field: string, where: string): (item: unknown) => string {
  const key = `${where}\n${field}`
  let read = cursorReaders.get(key)
  if (!read) {
    read = (item: unknown): string => {
      const value =
        typeof item === 'object' && item !== null && Object.hasOwn(item, field)
          ? (item as Record<string, unknown>)[field]
          : undefined
      if (typeof value !== 'string' || value === '') {
        throw new UsageError(
          `${where}: an item has no string '${field}', which this list pages by; got ${describe(value)}`,
        )
      }
      return value
    }
    cursorReaders.set(key, read)
  }
  return read
}

function queryParams(query: string | Record<string, unknown> | undefined): URLSearchParams {
  if (query === undefined) return new URLSearchParams()
  // The encoded form is what the server reads, so modes are judged on it.
  return new URLSearchParams(typeof query === 'string' ? query : buildQuery(query))
}

/**
 * The paging options core's `paginate` needs for one catalog list: the cursor field (which can
 * depend on the query, e.g. `priority=comments` pages by `lastComment`) and whether the next
 * cursor comes from the last item (newest-first lists) or the first (oldest-first pages).
 *
 * @param query - the caller's query, as an object or already encoded.
 * @throws {@link @maxclient/core!UsageError | UsageError} for an unknown route, a method that is not a paginated GET, or a query
 * whose mode cannot be paged with `before`.
 *
 * @example
 * ```ts
 * paginate(client, request, { pageSize: 50, ...paginationFor('/conversations/{id}/messages', 'GET') })
 * ```
 */
export function paginationFor<T = unknown>(
  pattern: string,
  method: HttpMethod = 'GET',
  query?: string | Record<string, unknown>,
): ListPaging<T> {
  const route = findRoute(pattern)
  if (!route) {
    throw new UsageError(
      `Unknown route pattern ${describe(pattern)}: use a catalog pattern such as '/people/{username}/timeline'`,
    )
  }
  const spec = method === 'GET' ? methodOf(route, method) : undefined
  const paging: PaginationSpec | undefined = spec?.paginated ? spec.pagination : undefined
  if (!paging) {
    throw new UsageError(
      `${method} ${pattern} is not a paginated list; only GET on lists paged with limit + before can be iterated`,
    )
  }
  const where = `GET ${pattern}`
  let cursor = paging.cursor
  if (paging.modes) {
    const params = queryParams(query)
    for (const mode of paging.modes) {
      const value = params.get(mode.param)
      const on = mode.value === undefined ? Boolean(value) : value === mode.value
      if (!on || mode.unless?.some((name) => params.has(name))) continue
      if ((mode.cursorParam ?? 'before') !== 'before') {
        throw new UsageError(
          `${where} with ${mode.param}${mode.value === undefined ? '' : `=${mode.value}`} cannot be iterated: ${mode.note}, so the next page needs '${mode.cursorParam}'; drop ${mode.param} or page by hand`,
        )
      }
      cursor = mode.cursor
      break
    }
  }
  return {
    cursor: cursorReader(cursor, where) as (item: T) => string,
    cursorItem: paging.order === 'oldest-first' ? 'first' : 'last',
  }
}

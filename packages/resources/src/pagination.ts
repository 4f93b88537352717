import { type HttpMethod, type PaginateOptions, type QueryParams, UsageError } from '@maxclient/core'
import { describe } from './params.js'
import { toQueryParams } from './query.js'
import { findRoute, methodOf } from './routes.js'
import type { PaginationSpec, RouteSpec } from './spec.js'

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

/** The first value of a query parameter, as the server reads it. */
function paramOf(query: QueryParams | URLSearchParams, name: string): string | undefined {
  if (query instanceof URLSearchParams) return query.get(name) ?? undefined
  const value = Object.hasOwn(query, name) ? query[name] : undefined
  const first = Array.isArray(value) ? value[0] : value
  return first === undefined ? undefined : String(first)
}

function readQuery(query: string | Record<string, unknown> | undefined): QueryParams | URLSearchParams {
  // A request built by resources carries its query structured: read as is, never re-parsed.
  if (typeof query === 'string') return new URLSearchParams(query)
  return toQueryParams(query) ?? {}
}

/**
 * The paging options core's `paginate` needs for one catalog list: the cursor field (which can
 * depend on the query, e.g. `priority=comments` pages by `lastComment`) and whether the next
 * cursor comes from the last item (newest-first lists) or the first (oldest-first pages).
 *
 * @param route - the catalog route (as the caller already holds it) or its pattern.
 * @param query - the query: structured (a built request's `query`) or already encoded.
 * @throws {@link @maxclient/core!UsageError | UsageError} for an unknown route, a method that is not a paginated GET, or a query
 * whose mode cannot be paged with `before`.
 *
 * @example
 * ```ts
 * paginate(client, request, { pageSize: 50, ...paginationFor('/conversations/{id}/messages', 'GET') })
 * ```
 */
export function paginationFor<T = unknown>(
  route: RouteSpec | string,
  method: HttpMethod = 'GET',
  query?: string | QueryParams | Record<string, unknown>,
): ListPaging<T> {
  if (typeof route !== 'object') {
    const found = findRoute(route)
    if (!found) {
      throw new UsageError(
        `Unknown route pattern ${describe(route)}: use a catalog pattern such as '/people/{username}/timeline'`,
      )
    }
    route = found
  }
  const pattern = route.pattern
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
    const params = readQuery(query)
    for (const mode of paging.modes) {
      const value = paramOf(params, mode.param)
      const on = mode.value === undefined ? Boolean(value) : value === mode.value
      if (!on || mode.unless?.some((name) => paramOf(params, name) !== undefined)) continue
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

import { MaxApiError } from './errors.js'
import { isObjectId } from './ids.js'

/** Shared search/pagination parameters, parsed and checked as MAX does. */
export interface SearchParams {
  /** 0 means no limit. */
  limit: number
  before?: string
  after?: string
  sort: 'published' | 'likes' | 'flagged'
  priority: 'activity' | 'comments'
  dateFilter?: { mode: 'exact' | 'after' | 'before'; start: string; end: string }
  hashtags: string[]
  keywords: string[]
  actor?: string
  username?: string
  tags: string[]
  contextTags: string[]
  favorites: boolean
  twitterEnabled: boolean
  maxUsers: boolean
}

const invalid = (description: string) => new MaxApiError(400, 'InvalidSearchParams', description)

const SORT_BY: Record<string, { sort: SearchParams['sort']; priority: SearchParams['priority'] }> = {
  activities: { sort: 'published', priority: 'activity' },
  comments: { sort: 'published', priority: 'comments' },
  likes: { sort: 'likes', priority: 'activity' },
  flagged: { sort: 'flagged', priority: 'activity' },
}

const truthy = (value: string | null) => value !== null && value !== '' && value !== '0' && value !== 'false'

/**
 * Reads the search parameters. `cursorIsUsername` is the people listing with `max_users`, whose
 * cursors are usernames instead of ObjectIds.
 */
export function parseSearch(query: URLSearchParams, options: { defaultLimit?: number } = {}): SearchParams {
  const rawLimit = query.get('limit')
  let limit = options.defaultLimit ?? 10
  if (rawLimit !== null) {
    if (!/^-?\d+$/.test(rawLimit.trim())) throw invalid(`limit must be an integer, got "${rawLimit}"`)
    limit = Number.parseInt(rawLimit, 10)
  }
  const maxUsers = truthy(query.get('max_users'))
  const before = query.get('before') ?? undefined
  const after = query.get('after') ?? undefined
  if (before !== undefined && after !== undefined)
    throw invalid('before and after cannot be used together: pass only one of them')
  for (const [name, value] of [
    ['before', before],
    ['after', after],
  ] as const) {
    if (value !== undefined && !maxUsers && !isObjectId(value))
      throw invalid(`${name} must be an ObjectId (24 hex characters), got "${value}"`)
  }

  let sort: SearchParams['sort'] = 'published'
  let priority: SearchParams['priority'] = 'activity'
  const sortBy = query.get('sortBy')
  if (sortBy && SORT_BY[sortBy]) ({ sort, priority } = SORT_BY[sortBy])
  const rawSort = query.get('sort')
  if (rawSort !== null) {
    if (rawSort !== 'published' && rawSort !== 'likes' && rawSort !== 'flagged')
      throw invalid(`sort must be published, likes or flagged, got "${rawSort}"`)
    sort = rawSort
  }
  const rawPriority = query.get('priority')
  if (rawPriority !== null) {
    if (rawPriority !== 'activity' && rawPriority !== 'comments')
      throw invalid(`priority must be activity or comments, got "${rawPriority}"`)
    priority = rawPriority
  }

  const params: SearchParams = {
    limit,
    sort,
    priority,
    hashtags: query.getAll('hashtag').map((h) => h.replace(/^#/, '').toLowerCase()),
    keywords: query.getAll('keyword').map((k) => k.toLowerCase()),
    // MAX drops empty values (`?tags` alone, `context_tags=`).
    tags: query.getAll('tags').filter((t) => t !== ''),
    contextTags: query.getAll('context_tags').filter((t) => t !== ''),
    favorites: truthy(query.get('favorites')),
    twitterEnabled: truthy(query.get('twitter_enabled')),
    maxUsers,
  }
  if (before !== undefined) params.before = before
  if (after !== undefined) params.after = after
  const actor = query.get('actor')
  if (actor) params.actor = actor.toLowerCase()
  const username = query.get('username')
  if (username) params.username = username
  const dateFilter = query.get('date_filter')
  if (dateFilter) params.dateFilter = parseDateFilter(dateFilter)
  return params
}

/** `[+|-]YYYY[-MM[-DD]]`: an exact period, or after (+) / before (-) it. */
function parseDateFilter(value: string): NonNullable<SearchParams['dateFilter']> {
  const match = /^([+-]?)(\d{4})(?:\D(\d{1,2}))?(?:\D(\d{1,2}))?$/.exec(value.trim())
  if (!match) throw invalid(`date_filter must look like [+|-]YYYY[-MM[-DD]], got "${value}"`)
  const [, sign, y, m, d] = match
  const year = Number(y)
  const month = m ? Number(m) - 1 : 0
  const day = d ? Number(d) : 1
  const start = new Date(Date.UTC(year, month, day))
  const end = d
    ? new Date(Date.UTC(year, month, day + 1))
    : m
      ? new Date(Date.UTC(year, month + 1, 1))
      : new Date(Date.UTC(year + 1, 0, 1))
  const mode = sign === '+' ? 'after' : sign === '-' ? 'before' : 'exact'
  return { mode, start: start.toISOString(), end: end.toISOString() }
}

/** Whether an RFC 3339 date passes the date filter. */
export function passesDateFilter(published: string, filter: SearchParams['dateFilter']): boolean {
  if (!filter) return true
  const at = new Date(published).toISOString()
  if (filter.mode === 'after') return at >= filter.end
  if (filter.mode === 'before') return at < filter.start
  return at >= filter.start && at < filter.end
}

/** One page of a list sorted by cursor descending (newest first), with the total and remaining flag. */
export interface Page<T> {
  items: T[]
  /** Items matching the filters and cursor, ignoring the limit (what HEAD counts). */
  total: number
  hasMore: boolean
}

/**
 * Applies `before`/`after` and `limit` to items already sorted newest first. With `after` the page
 * holds the items closest to the cursor, still newest first.
 */
export function pageOf<T>(
  sorted: readonly T[],
  search: SearchParams,
  cursorOf: (item: T) => string,
): Page<T> {
  let window: readonly T[] = sorted
  if (search.before !== undefined) window = sorted.filter((item) => cursorOf(item) < search.before!)
  if (search.after !== undefined) window = sorted.filter((item) => cursorOf(item) > search.after!)
  const total = window.length
  // MongoDB reads a negative limit as its absolute value; 0 means no limit.
  const limit = Math.abs(search.limit)
  if (limit === 0) return { items: [...window], total, hasMore: false }
  const items = search.after !== undefined ? window.slice(-limit) : window.slice(0, limit)
  return { items, total, hasMore: total > items.length }
}

/**
 * Paging for orders that are not chronological (sort=likes|flagged): `before` means "after this
 * item in the list order", `after` "before it".
 */
export function pageByPosition<T>(
  sorted: readonly T[],
  search: SearchParams,
  idOf: (item: T) => string,
): Page<T> {
  let window: readonly T[] = sorted
  if (search.before !== undefined) {
    const at = sorted.findIndex((item) => idOf(item) === search.before)
    window = at === -1 ? [] : sorted.slice(at + 1)
  } else if (search.after !== undefined) {
    const at = sorted.findIndex((item) => idOf(item) === search.after)
    window = at === -1 ? [] : sorted.slice(0, at)
  }
  const total = window.length
  const limit = Math.abs(search.limit)
  if (limit === 0) return { items: [...window], total, hasMore: false }
  const items = search.after !== undefined ? window.slice(-limit) : window.slice(0, limit)
  return { items, total, hasMore: total > items.length }
}

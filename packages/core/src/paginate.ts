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
 * Behaves as an async generator: nothing is sent before the first `next()`, calls made while one
 * is pending wait their turn, an error ends the iteration, and `return()` (a `break` out of
 * `for await`) stops it.
 *
 * @example
 * ```ts
 * for await (const person of paginate(max, { method: 'GET', path: '/people' }, { pageSize: 50 })) { ... }
 * ```
 */
export function paginate<T = unknown>(
  client: MaxCore,
  request: MaxRequest,
  options: PaginateOptions<T> = {},
): AsyncGenerator<T, void, undefined> {
  return new Pager<T>(client, request, options)
}

const DONE: IteratorReturnResult<void> = Object.freeze({ value: undefined, done: true })

/**
 * {@link paginate}'s iterator. Written out rather than as an `async function*`: an item already
 * received is handed over with one settled promise, where a generator's `yield` costs several
 * promise jobs per item.
 */
class Pager<T> implements AsyncGenerator<T, void, undefined> {
  readonly #client: MaxCore
  readonly #request: MaxRequest
  readonly #options: PaginateOptions<T>
  #paging: Paging<T> | undefined
  #page: readonly T[] = []
  #index = 0
  #finished = false
  /** The last call still pending (calls run one after another, as a generator's do). */
  #busy: Promise<unknown> | undefined

  constructor(client: MaxCore, request: MaxRequest, options: PaginateOptions<T>) {
    this.#client = client
    this.#request = request
    this.#options = options
  }

  [Symbol.asyncIterator](): this {
    return this
  }

  next(): Promise<IteratorResult<T, void>> {
    // The common case: the next item is already here and nothing is pending.
    if (this.#busy === undefined && this.#index < this.#page.length) {
      return Promise.resolve({ value: this.#take(), done: false })
    }
    return this.#queue(() => this.#advance())
  }

  return(): Promise<IteratorResult<T, void>> {
    return this.#queue(async () => {
      this.#finish()
      return DONE
    })
  }

  throw(error: unknown): Promise<IteratorResult<T, void>> {
    return this.#queue(async () => {
      this.#finish()
      throw error
    })
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.return()
  }

  #queue(step: () => Promise<IteratorResult<T, void>>): Promise<IteratorResult<T, void>> {
    const previous = this.#busy
    const result = previous === undefined ? step() : previous.then(step, step)
    const settled = result.then(
      () => undefined,
      () => undefined,
    )
    this.#busy = settled
    void settled.then(() => {
      if (this.#busy === settled) this.#busy = undefined
    })
    return result
  }

  #take(): T {
    const paging = this.#paging!
    const item = this.#page[this.#index++]!
    paging.yielded++
    if (paging.max !== undefined && paging.yielded >= paging.max) this.#finish()
    return item
  }

  #finish(): void {
    this.#finished = true
    this.#page = []
    this.#index = 0
  }

  async #advance(): Promise<IteratorResult<T, void>> {
    try {
      while (this.#index >= this.#page.length) {
        if (this.#finished) return DONE
        await this.#fetch()
      }
      return { value: this.#take(), done: false }
    } catch (error) {
      this.#finish()
      throw error
    }
  }

  /** Loads the next page into `#page`, or finishes. */
  async #fetch(): Promise<void> {
    let paging = this.#paging
    if (paging === undefined) {
      paging = startPaging(this.#request, this.#options)
      this.#paging = paging
      if (paging.max === 0) return this.#finish()
    } else if (paging.last) {
      return this.#finish()
    }
    const { params, request } = paging
    const previous = this.#page
    if (previous.length > 0) {
      // The cursor comes from the page just handed out, after its items (as a generator would).
      const next = paging.cursorOf(
        (paging.pick === 'last' ? previous[previous.length - 1] : previous[0]) as T,
      )
      if (next === paging.before) {
        throw new MaxError(`paginate: ${paging.url} gave the same page twice (cursor ${next}); stopping`)
      }
      paging.before = next
    }
    if (paging.before !== undefined) params.before = paging.before
    const pageRequest: MaxRequest = { ...request, query: { ...params } }
    const response = await this.#client.send(paging.trusted ? trustRequest(pageRequest) : pageRequest)
    const page = interpretResponse(response)
    if (page === null) return this.#finish()
    if (!Array.isArray(page)) {
      throw new MaxError(`paginate: ${response.method} ${response.url} did not answer a list`)
    }
    this.#page = page as T[]
    this.#index = 0
    const remaining = response.headers['x-has-remaining-items']
    if (remaining !== undefined) paging.headerSeen = true
    if (
      page.length === 0 ||
      page.length < paging.pageSize ||
      (paging.headerSeen && (remaining === undefined || remaining === '0'))
    ) {
      // This page is the last one: its items are still handed out.
      paging.last = true
    }
    paging.url = response.url
  }
}

/** The state of one pagination, from its checked options. */
interface Paging<T> {
  readonly request: MaxRequest
  readonly params: QueryParams
  readonly pageSize: number
  readonly max: number | undefined
  readonly cursorOf: (item: T) => string
  readonly pick: 'first' | 'last'
  /** Pages of a request built (and checked) by resources stay trusted. */
  readonly trusted: boolean
  before: string | undefined
  yielded: number
  headerSeen: boolean
  /** The page held now is the last one. */
  last: boolean
  /** URL of the last page, for messages. */
  url: string
}

function startPaging<T>(request: MaxRequest, options: PaginateOptions<T>): Paging<T> {
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
  const pick = options.cursorItem ?? 'last'
  if (pick !== 'first' && pick !== 'last') {
    throw new UsageError(`paginate: cursorItem must be "first" or "last", got ${String(pick)}`)
  }
  params.limit = pageSize
  return {
    request,
    params,
    pageSize,
    max,
    cursorOf: options.cursor ?? defaultCursor,
    pick,
    trusted: isTrusted(request),
    before: single(params, 'before'),
    yielded: 0,
    headerSeen: false,
    last: false,
    url: '',
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

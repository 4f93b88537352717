import { isPlainObject, preview, type QueryParams, type QueryValue, UsageError } from '@maxclient/core'
import { kindOf } from './json.js'
import { describe } from './params.js'

export type { QueryParams, QueryValue }

// A lone surrogate cannot be percent-encoded as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function checkValue(name: string, value: unknown): QueryValue {
  switch (typeof value) {
    case 'string':
      if (LONE_SURROGATE.test(value)) {
        throw new UsageError(
          `Query parameter '${preview(name)}' must be well-formed text (it has an unpaired surrogate)`,
        )
      }
      return value
    case 'boolean':
      return value
    case 'number':
      if (!Number.isFinite(value)) {
        throw new UsageError(
          `Query parameter '${preview(name)}' must be a finite number, got ${kindOf(value)}`,
        )
      }
      return value
  }
  const hint =
    kindOf(value) === 'a Date' ? '; MAX takes dates as ISO 8601 strings: pass date.toISOString()' : ''
  throw new UsageError(
    `Query parameter '${preview(name)}' must be a string, number, boolean or an array of them, got ${kindOf(value)}${hint}`,
  )
}

/**
 * Checks a caller's query object and copies it into core's structured form: arrays repeat the key,
 * booleans are sent as `true`/`false`, a `null` or `undefined` parameter is left out. Anything the
 * query cannot carry unchanged (objects, NaN, bigints, Dates, `null` inside an array...) is a
 * {@link @maxclient/core!UsageError | UsageError} naming the parameter (`tags[1]`). `undefined` when nothing is left to send.
 */
export function toQueryParams(query: unknown): QueryParams | undefined {
  if (query === undefined || query === null) return undefined
  if (!isPlainObject(query)) {
    throw new UsageError(
      `The query must be a plain object of parameter names to values, got ${describe(query)}`,
    )
  }
  const out: QueryParams = {}
  let empty = true
  for (const key of Object.keys(query)) {
    const value = query[key]
    if (value === undefined || value === null) continue
    if (key === '') throw new UsageError('A query parameter name cannot be empty')
    if (LONE_SURROGATE.test(key)) {
      throw new UsageError('A query parameter name must be well-formed text (it has an unpaired surrogate)')
    }
    if (Array.isArray(value)) {
      const items: QueryValue[] = new Array(value.length)
      for (let i = 0; i < value.length; i++) items[i] = checkValue(`${key}[${i}]`, value[i])
      if (items.length === 0) continue
      out[key] = items
    } else {
      out[key] = checkValue(key, value)
    }
    empty = false
  }
  return empty ? undefined : out
}

/**
 * Builds a query string (without `?`) from an object, by the rules of {@link toQueryParams}; keys
 * and values are UTF-8 percent-encoded. An empty or absent object gives `''`.
 */
export function buildQuery(query: Record<string, unknown> | undefined): string {
  const params = toQueryParams(query)
  let out = ''
  if (params === undefined) return out
  for (const key of Object.keys(params)) {
    const value = params[key]!
    const name = encodeURIComponent(key)
    for (const item of Array.isArray(value) ? value : [value]) {
      out += `${out ? '&' : ''}${name}=${typeof item === 'string' ? encodeURIComponent(item) : String(item)}`
    }
  }
  return out
}

import { UsageError } from './errors.js'
import { isPlainObject } from './merge.js'
import { describe } from './params.js'

/** Values a query parameter accepts; arrays repeat the key. */
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[]

function encodeValue(key: string, value: unknown): string {
  switch (typeof value) {
    case 'string':
      return encodeURIComponent(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      if (!Number.isFinite(value)) {
        throw new UsageError(`Query parameter '${key}' must be a finite number, got ${value}`)
      }
      return String(value)
    case 'bigint':
      return String(value)
    default:
      throw new UsageError(
        `Query parameter '${key}' must be a string, number, boolean or an array of them, got ${describe(value)}`,
      )
  }
}

/**
 * Builds a query string (without `?`) from an object: arrays become repeated keys, booleans
 * `true`/`false`, `null`/`undefined` are left out, and keys and values are UTF-8 percent-encoded.
 * An empty or absent object gives `''`.
 */
export function buildQuery(query: Record<string, unknown> | undefined): string {
  if (query === undefined || query === null) return ''
  if (!isPlainObject(query)) {
    throw new UsageError(
      `The query must be a plain object of parameter names to values, got ${describe(query)}`,
    )
  }
  let out = ''
  for (const key of Object.keys(query)) {
    const value = query[key]
    if (value === undefined || value === null) continue
    if (key === '') throw new UsageError('A query parameter name cannot be empty')
    let encodedKey: string
    try {
      encodedKey = encodeURIComponent(key)
    } catch {
      throw new UsageError('A query parameter name must be well-formed text (it has an unpaired surrogate)')
    }
    const values = Array.isArray(value) ? value : [value]
    for (const item of values) {
      if (item === undefined || item === null) continue
      let encoded: string
      try {
        encoded = encodeValue(key, item)
      } catch (error) {
        if (error instanceof URIError) {
          throw new UsageError(
            `Query parameter '${key}' must be well-formed text (it has an unpaired surrogate)`,
          )
        }
        throw error
      }
      out += `${out ? '&' : ''}${encodedKey}=${encoded}`
    }
  }
  return out
}

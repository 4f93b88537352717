// The one check every body value and query value passes (fields, `data`, `qs`, rpc arguments and
// per-client defaults): JSON must carry it unchanged, or the call fails before anything is sent.
import { isPlainObject, preview, UsageError } from '@maxclient/core'

/** How deep a body may nest (objects and arrays); deeper values are a {@link @maxclient/core!UsageError | UsageError}. */
export const MAX_DEPTH = 64

const ACCEPTED = 'pass plain objects, arrays, strings, finite numbers, booleans or null'

/** What a value is, for a message: `a Map`, `a bigint`, `NaN`, `an instance of Foo`. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'undefined'
  switch (typeof value) {
    case 'number':
      return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity'
    case 'bigint':
      return 'a bigint'
    case 'symbol':
      return 'a symbol'
    case 'function':
      return 'a function'
    case 'string':
      return 'a string'
    case 'boolean':
      return 'a boolean'
  }
  if (Array.isArray(value)) return 'an array'
  const name = Object.getPrototypeOf(value)?.constructor?.name
  if (typeof name !== 'string' || name === '' || name === 'Object') return 'an object'
  if (name === 'Date') return Number.isNaN((value as Date).getTime()) ? 'an invalid Date' : 'a Date'
  return /^[AEIO]/.test(name) ? `an ${name}` : `a ${name}`
}

function reject(path: string, value: unknown, why?: string): never {
  const kind = kindOf(value)
  const hint =
    why ??
    (kind === 'a Date'
      ? 'MAX takes dates as ISO 8601 strings: pass date.toISOString()'
      : `JSON cannot carry it unchanged; ${ACCEPTED}`)
  throw new UsageError(`The value at '${preview(path)}' is ${kind}: ${hint}`)
}

function visit(value: unknown, path: string, depth: number, ancestors: unknown[] | undefined): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return
    case 'number':
      if (!Number.isFinite(value)) reject(path, value)
      return
    case 'object':
      break
    default:
      reject(path, value)
  }
  if (value === null) return
  if (depth >= MAX_DEPTH) {
    throw new UsageError(
      `The value at '${preview(path)}' nests deeper than ${MAX_DEPTH} levels, the limit of a body or query`,
    )
  }
  ancestors ??= []
  if (ancestors.includes(value)) {
    throw new UsageError(`The value at '${preview(path)}' contains itself (a cycle), which JSON cannot carry`)
  }
  ancestors.push(value)
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) reject(path, value)
    for (let i = 0; i < value.length; i++) {
      const item = value[i]
      if (item === undefined) {
        reject(
          `${path}[${i}]`,
          item,
          'an array cannot hold undefined (JSON would send null); pass null or leave the item out',
        )
      }
      visit(item, `${path}[${i}]`, depth + 1, ancestors)
    }
  } else if (isPlainObject(value)) {
    for (const key of Object.keys(value)) {
      const item = value[key]
      // An undefined property is an absent optional field, as JSON leaves it out.
      if (item !== undefined) visit(item, `${path}.${key}`, depth + 1, ancestors)
    }
  } else {
    reject(path, value)
  }
  ancestors.pop()
}

/**
 * Checks that JSON carries `value` unchanged: plain objects, arrays, strings, finite numbers,
 * booleans and null, nested at most {@link MAX_DEPTH} levels, without cycles. `undefined` is
 * allowed as an object property (an absent optional field) but not in an array.
 *
 * @param path - the key path messages name, e.g. `object_content` (a field), `data` or `qs`.
 * @throws {@link @maxclient/core!UsageError | UsageError} naming the key path (`data.items[2]`) and what was found there:
 * functions, symbols, bigints, NaN and ±Infinity, Dates (MAX takes ISO strings: `toISOString()`),
 * Maps, Sets, RegExps, Errors, class instances, Buffers and typed arrays.
 */
export function checkJson(value: unknown, path: string): void {
  // Strings and numbers, the common field values, need no walk (and no allocation).
  if (typeof value !== 'object' || value === null) visit(value, path, 0, undefined)
  else visit(value, path, 0, [])
}

import { isPlainObject, UsageError } from '@maxclient/core'
import { checkJson } from './json.js'
import { assertSafeKey, deepCopy, FORBIDDEN_KEYS } from './merge.js'

/** Options of {@link expandFields}. */
export interface ExpandOptions {
  /** Split keys on `_` as well as `.` (default true, as the Python client did). */
  expandUnderscores?: boolean
}

const DOT = 46
const UNDERSCORE = 95

export function splitField(field: string, underscores: boolean): string[] {
  const parts: string[] = []
  let start = 0
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i)
    if (c === DOT || (underscores && c === UNDERSCORE)) {
      parts.push(field.slice(start, i))
      start = i + 1
    }
  }
  parts.push(start === 0 ? field : field.slice(start))
  for (const part of parts) {
    if (part === '') {
      throw new UsageError(
        `Field '${field}' has an empty part: separators ('.'${underscores ? " or '_'" : ''}) must sit between names, as in 'object_content'`,
      )
    }
    if (FORBIDDEN_KEYS.has(part)) {
      throw new UsageError(`Field '${field}' contains '${part}', which is reserved to keep prototypes safe`)
    }
  }
  return parts
}

/** Whether `field` (split into `parts`, with `value`) sets anything at or above `path`, or below it. */
function touches(parts: readonly string[], value: unknown, path: readonly string[]): boolean {
  const shared = Math.min(parts.length, path.length)
  for (let i = 0; i < shared; i++) if (parts[i] !== path[i]) return false
  if (parts.length >= path.length) return true
  let node = value
  for (let i = parts.length; i < path.length; i++) {
    if (!isPlainObject(node)) return true
    if (!Object.hasOwn(node, path[i]!) || node[path[i]!] === undefined) return false
    node = node[path[i]!]
  }
  return true
}

/**
 * Turns flat caller fields into a nested body: `object_content` and `object.content` both become
 * `{ object: { content } }`, to any depth; plain-object values merge with expanded keys.
 *
 * Strict and order-independent: two fields that set the same place, or one that sets a value where
 * another needs an object (`a` and `a_b`), are an error naming both. Empty parts (`a__b`, `_a`) and
 * the keys `__proto__`, `constructor`, `prototype` are errors. Keys inside nested values are kept
 * as written (that is the way to send a key that contains `_`). `undefined` values are left out.
 * Every value must survive JSON unchanged (`checkJson`): a Map, a Date, NaN... is an error naming its path.
 */
export function expandFields(
  fields: Record<string, unknown>,
  options: ExpandOptions = {},
): Record<string, unknown> {
  if (!isPlainObject(fields)) {
    throw new UsageError('Body fields must be a plain object of field names to values')
  }
  const underscores = options.expandUnderscores !== false
  const result: Record<string, unknown> = {}
  // Sorted, so the result and the first error reported never depend on the caller's key order.
  const names = Object.keys(fields)
  if (names.length > 1) names.sort()
  for (let n = 0; n < names.length; n++) {
    const field = names[n]!
    const value = fields[field]
    if (value === undefined) continue
    assertSafeKey(field, 'A field name')
    checkJson(value, field)
    const parts = splitField(field, underscores)
    let node = result
    const last = parts.length - 1
    for (let i = 0; i < last; i++) {
      const part = parts[i]!
      const next = Object.hasOwn(node, part) ? node[part] : undefined
      if (next === undefined) {
        const created: Record<string, unknown> = {}
        node[part] = created
        node = created
      } else if (isPlainObject(next)) {
        node = next
      } else {
        conflict(fields, names, n, underscores, parts.slice(0, i + 1))
      }
    }
    const key = parts[last]!
    const existing = Object.hasOwn(node, key) ? node[key] : undefined
    if (existing === undefined) {
      node[key] = isPlainObject(value) ? cleanCopy(value, field) : deepCopy(value, `Field '${field}'`)
    } else if (isPlainObject(existing) && isPlainObject(value)) {
      mergeChecked(existing, value, parts, fields, names, n, underscores)
    } else {
      conflict(fields, names, n, underscores, parts)
    }
  }
  return result
}

// Error path only: finds the earlier field that also sets `path`, and names both.
function conflict(
  fields: Record<string, unknown>,
  names: readonly string[],
  index: number,
  underscores: boolean,
  path: readonly string[],
): never {
  const field = names[index]!
  let other = field
  for (let i = 0; i < index; i++) {
    const name = names[i]!
    if (fields[name] !== undefined && touches(splitField(name, underscores), fields[name], path)) {
      other = name
      break
    }
  }
  const [first, second] = [other, field].sort()
  throw new UsageError(
    `Fields '${first}' and '${second}' conflict: both set '${path.join('.')}'. Pass only one of them`,
  )
}

// Merges a caller's plain object into one of ours; any overlap on a non-object is a conflict.
function mergeChecked(
  target: Record<string, unknown>,
  value: Record<string, unknown>,
  path: string[],
  fields: Record<string, unknown>,
  names: readonly string[],
  index: number,
  underscores: boolean,
): void {
  const field = names[index]!
  for (const key of Object.keys(value)) {
    assertSafeKey(key, `Field '${field}'`)
    const v = value[key]
    if (v === undefined) continue
    const existing = Object.hasOwn(target, key) ? target[key] : undefined
    if (existing === undefined)
      target[key] = isPlainObject(v) ? cleanCopy(v, field) : deepCopy(v, `Field '${field}'`)
    else if (isPlainObject(existing) && isPlainObject(v))
      mergeChecked(existing, v, [...path, key], fields, names, index, underscores)
    else conflict(fields, names, index, underscores, [...path, key])
  }
}

// A copy of a caller's plain object without undefined values, so later merges see only real keys.
function cleanCopy(value: Record<string, unknown>, field: string): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    assertSafeKey(key, `Field '${field}'`)
    const v = value[key]
    if (v === undefined) continue
    out[key] = isPlainObject(v) ? cleanCopy(v, field) : deepCopy(v, `Field '${field}'`)
  }
  return out
}

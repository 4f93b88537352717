import { UsageError } from './errors.js'
import { assertSafeKey, deepCopy, FORBIDDEN_KEYS, isPlainObject } from './merge.js'

/** Options of {@link expandFields}. */
export interface ExpandOptions {
  /** Split keys on `_` as well as `.` (default true, as the Python client did). */
  expandUnderscores?: boolean
}

// Joins path parts for bookkeeping; NUL can't clash with a real key separator.
const SEP = '\u0000'

/**
 * Turns flat caller fields into a nested body: `object_content` and `object.content` both become
 * `{ object: { content } }`, to any depth; plain-object values merge with expanded keys.
 *
 * Strict and order-independent: two fields that set the same place, or one that sets a value where
 * another needs an object (`a` and `a_b`), are an error naming both. Empty parts (`a__b`, `_a`) and
 * the keys `__proto__`, `constructor`, `prototype` are errors. Keys inside nested values are kept
 * as written (that is the way to send a key that contains `_`). `undefined` values are left out.
 */
export function expandFields(
  fields: Record<string, unknown>,
  options: ExpandOptions = {},
): Record<string, unknown> {
  if (!isPlainObject(fields)) {
    throw new UsageError('Body fields must be a plain object of field names to values')
  }
  const splitter = options.expandUnderscores === false ? /\./ : /[._]/
  const result: Record<string, unknown> = {}
  // Path -> field that set a value there / first field that needs an object there.
  const leaves = new Map<string, string>()
  const containers = new Map<string, string>()

  const conflict = (a: string, b: string, path: string): never => {
    const [first, second] = [a, b].sort()
    throw new UsageError(
      `Fields '${first}' and '${second}' conflict: both set '${path.split(SEP).join('.')}'. Pass only one of them`,
    )
  }

  // Registers every path of `value` under `path` and returns a copy ready to insert.
  const claim = (path: string, value: unknown, field: string): void => {
    if (isPlainObject(value)) {
      const owner = leaves.get(path)
      if (owner !== undefined) conflict(owner, field, path)
      if (!containers.has(path)) containers.set(path, field)
      for (const key of Object.keys(value)) {
        assertSafeKey(key, `Field '${field}'`)
        if (value[key] !== undefined) claim(path + SEP + key, value[key], field)
      }
      return
    }
    const owner = leaves.get(path) ?? containers.get(path)
    if (owner !== undefined) conflict(owner, field, path)
    leaves.set(path, field)
  }

  // Sorted, so the result and the first error reported never depend on the caller's key order.
  for (const field of Object.keys(fields).sort()) {
    const value = fields[field]
    if (value === undefined) continue
    assertSafeKey(field, 'A field name')
    const parts = splitter.test(field) ? field.split(splitter) : [field]
    for (const part of parts) {
      if (part === '') {
        throw new UsageError(
          `Field '${field}' has an empty part: separators ('.'${options.expandUnderscores === false ? '' : " or '_'"}) must sit between names, as in 'object_content'`,
        )
      }
      if (FORBIDDEN_KEYS.has(part)) {
        throw new UsageError(`Field '${field}' contains '${part}', which is reserved to keep prototypes safe`)
      }
    }
    let path = ''
    for (let i = 0; i < parts.length - 1; i++) {
      path = i === 0 ? parts[0]! : path + SEP + parts[i]
      const owner = leaves.get(path)
      if (owner !== undefined) conflict(owner, field, path)
      if (!containers.has(path)) containers.set(path, field)
    }
    path = parts.length === 1 ? parts[0]! : path + SEP + parts[parts.length - 1]
    claim(path, value, field)

    // No conflicts, so every step below is either a fresh object or one we created or copied.
    let node = result
    for (let i = 0; i < parts.length - 1; i++) {
      const part = parts[i]!
      let next = node[part]
      if (!isPlainObject(next)) {
        next = {}
        node[part] = next
      }
      node = next as Record<string, unknown>
    }
    const last = parts[parts.length - 1]!
    const existing = node[last]
    if (isPlainObject(existing) && isPlainObject(value)) {
      mergeDisjoint(existing, value)
    } else {
      node[last] = deepCopy(value, `Field '${field}'`)
    }
  }
  return result
}

// Merges a checked, conflict-free plain value into our own copy.
function mergeDisjoint(target: Record<string, unknown>, value: Record<string, unknown>): void {
  for (const key of Object.keys(value)) {
    const v = value[key]
    if (v === undefined) continue
    const existing = target[key]
    if (isPlainObject(existing) && isPlainObject(v)) mergeDisjoint(existing, v)
    else target[key] = deepCopy(v)
  }
}

import { isPlainObject, UsageError } from '@maxclient/core'

/** Keys that could reach a prototype if assigned; rejected in every body and default. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])

export function assertSafeKey(key: string, where: string): void {
  if (FORBIDDEN_KEYS.has(key)) {
    throw new UsageError(`${where} cannot use the key '${key}': it is reserved to keep prototypes safe`)
  }
}

/**
 * Copies plain objects and arrays recursively; other values (strings, Blobs, Dates...) are shared.
 * Faster than structuredClone or a JSON round-trip for the small bodies we copy.
 */
export function deepCopy<T>(value: T, where = 'A body'): T {
  if (Array.isArray(value)) {
    const out = new Array(value.length)
    for (let i = 0; i < value.length; i++) out[i] = deepCopy(value[i], where)
    return out as T
  }
  if (!isPlainObject(value)) return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    assertSafeKey(key, where)
    out[key] = deepCopy(value[key], where)
  }
  return out as T
}

/**
 * Deep-merges `override` over `base` into a new object: plain objects merge key by key, recursively;
 * any other value (arrays included) replaces. Neither input is mutated, and the result shares no
 * plain object or array with them.
 */
export function deepMerge(
  base: Record<string, unknown> | undefined,
  override: Record<string, unknown> | undefined,
): Record<string, unknown> {
  if (base !== undefined && !isPlainObject(base)) {
    throw new UsageError('deepMerge: the base must be a plain object')
  }
  if (override !== undefined && !isPlainObject(override)) {
    throw new UsageError('deepMerge: the override must be a plain object')
  }
  if (!base) return override ? deepCopy(override) : {}
  if (!override) return deepCopy(base)
  return mergeInto(deepCopy(base), override)
}

// `target` is already our own copy, so writing into it is safe.
function mergeInto(
  target: Record<string, unknown>,
  override: Record<string, unknown>,
): Record<string, unknown> {
  for (const key of Object.keys(override)) {
    assertSafeKey(key, 'A body')
    const value = override[key]
    const current = target[key]
    if (isPlainObject(value) && isPlainObject(current) && Object.hasOwn(target, key)) {
      target[key] = mergeInto(current, value)
    } else {
      target[key] = deepCopy(value)
    }
  }
  return target
}

/** Merges `override` into `target` in place; both must be fresh copies owned by the caller. */
export function mergeOwned(
  target: Record<string, unknown>,
  override: Record<string, unknown>,
): Record<string, unknown> {
  for (const key of Object.keys(override)) {
    const value = override[key]
    const current = target[key]
    if (isPlainObject(value) && isPlainObject(current) && Object.hasOwn(target, key))
      mergeOwned(current, value)
    else target[key] = value
  }
  return target
}

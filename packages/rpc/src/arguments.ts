import { isPlainObject, UsageError } from '@maxclient/core'

/** Short description of a bad value for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return value === '' ? 'an empty string' : JSON.stringify(value)
  if (typeof value === 'object') return 'an object'
  return `${typeof value} ${String(value)}`
}

/** A required text argument (usernames, ids, URLs...). */
export function text(method: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw new UsageError(`${method}(): '${name}' must be a non-empty string, got ${describe(value)}`)
  }
  return value
}

/** An optional text argument: `undefined` or a non-empty string. */
export function optionalText(method: string, name: string, value: unknown): string | undefined {
  return value === undefined ? undefined : text(method, name, value)
}

/** An optional boolean flag. */
export function flag(method: string, name: string, value: unknown): boolean {
  if (value === undefined) return false
  if (typeof value !== 'boolean') {
    throw new UsageError(`${method}(): '${name}' must be true or false, got ${describe(value)}`)
  }
  return value
}

/** An optional positive whole number. */
export function optionalCount(method: string, name: string, value: unknown): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new UsageError(`${method}(): '${name}' must be a positive whole number, got ${describe(value)}`)
  }
  return value
}

/** A plain object of fields (profile properties, permissions...). */
export function fields(method: string, name: string, value: unknown): Record<string, unknown> {
  if (!isPlainObject(value)) {
    throw new UsageError(
      `${method}(): '${name}' must be a plain object of fields, e.g. { displayName: 'Name' }, got ${describe(value)}`,
    )
  }
  return value
}

/** A non-empty list of non-empty strings. */
export function textList(method: string, name: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new UsageError(
      `${method}(): '${name}' must be a non-empty array of strings, got ${describe(value)}`,
    )
  }
  value.forEach((item, index) => {
    if (typeof item !== 'string' || item === '') {
      throw new UsageError(
        `${method}(): '${name}[${index}]' must be a non-empty string, got ${describe(item)}`,
      )
    }
  })
  return value as string[]
}

/** One of a fixed set of words. */
export function oneOf<T extends string>(
  method: string,
  name: string,
  value: unknown,
  allowed: readonly T[],
): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    const list = allowed.map((item) => `'${item}'`).join(', ')
    throw new UsageError(`${method}(): '${name}' must be one of ${list}, got ${describe(value)}`)
  }
  return value as T
}

/** The options of a call that passed none. */
export const NO_OPTIONS: Readonly<Record<string, never>> = Object.freeze({})

/**
 * The options object of a call: `undefined` or a plain object whose keys are all known. A typo
 * (`{ qurey: ... }`) would otherwise be dropped without a word.
 */
export function options<T extends object>(
  method: string,
  value: T | undefined,
  allowed: readonly string[],
): T {
  // Shared and frozen: most calls pass no options, and callers only read them.
  if (value === undefined) return NO_OPTIONS as T
  if (!isPlainObject(value)) {
    throw new UsageError(
      `${method}(): the last argument must be an options object (${allowed.join(', ')}), got ${describe(value)}`,
    )
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      const hint = key === 'query' && allowed.includes('qs') ? " (the query is now 'qs')" : ''
      throw new UsageError(`${method}(): unknown option '${key}'${hint}; it accepts ${allowed.join(', ')}`)
    }
  }
  return value
}

/**
 * The built body plus the caller's extra `fields`, as two field sets: `buildRequest` merges them
 * (nested objects combine; a field both set is a UsageError).
 */
export function withFields(
  method: string,
  body: Record<string, unknown>,
  extra: unknown,
): Record<string, unknown> | readonly Record<string, unknown>[] {
  if (extra === undefined) return body
  return [body, fields(method, 'options.fields', extra)]
}

const CALL = ['signal', 'timeout', 'retry', 'headers', 'maxResponseSize', 'expandUnderscores'] as const
const LIST = [...CALL, 'qs'] as const
const BODY = [...CALL, 'fields'] as const

/** The keys each kind of options object accepts. */
export const OPTION_KEYS = {
  call: CALL,
  read: LIST,
  list: LIST,
  tags: LIST,
  body: BODY,
  permission: [...CALL, 'permanent'],
  post: [...BODY, 'file'],
  iterate: [...LIST, 'pageSize', 'max'],
} as const

import { isPlainObject, UsageError } from '@maxclient/core'
import { deepCopy } from './merge.js'
import type { HttpMethod } from './spec.js'

/** Default bodies keyed by `'METHOD /pattern'`, e.g. `'POST /people/{username}/activities'`. */
export type DefaultsTable = Record<string, Record<string, unknown>>

const note = () => ({ object: { objectType: 'note' } })

/**
 * The Python client's endpoint defaults, plus the comment object type MAX requires on comments
 * (the Python client had none, so `object_content` alone failed); callers' fields are deep-merged over them.
 */
export const builtinDefaults: Readonly<DefaultsTable> = Object.freeze({
  'POST /people/{username}/activities': note(),
  'POST /contexts/{hash}/activities': note(),
  'POST /conversations': note(),
  'POST /conversations/{id}/messages': note(),
  'POST /people/{username}/conversations/{id}/messages': note(),
  'POST /activities/{activity}/comments': { object: { objectType: 'comment' } },
  'POST /contexts': { objectType: 'context' },
  'POST /people/{username}/subscriptions': { object: { objectType: 'context' } },
})

/** The table key of a pattern + method. */
export const defaultsKey = (pattern: string, method: HttpMethod): string => `${method} ${pattern}`

/**
 * A fresh deep copy of the default body of a route method, from `overrides` when it has the key
 * (a per-client table) or else the built-in table; undefined when there is none.
 */
export function defaultsFor(
  pattern: string,
  method: HttpMethod,
  overrides?: DefaultsTable,
): Record<string, unknown> | undefined {
  const key = defaultsKey(pattern, method)
  const found = overrides && Object.hasOwn(overrides, key) ? overrides[key] : builtinDefaults[key]
  if (found === undefined) return undefined
  if (!isPlainObject(found)) {
    throw new UsageError(`The defaults for '${key}' must be a plain object of body fields`)
  }
  return deepCopy(found, `The defaults for '${key}'`)
}

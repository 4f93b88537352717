import { UsageError } from './errors.js'
import type { MaxRequest } from './types.js'
import { isPlainObject, preview } from './values.js'

/** The HTTP methods MAX routes answer, upper case: the one list every package uses. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD'] as const

/** One of {@link @maxclient/core!HTTP_METHODS | HTTP_METHODS}. */
export type HttpMethod = (typeof HTTP_METHODS)[number]

const METHOD_SET: ReadonlySet<string> = new Set(HTTP_METHODS)

/** True when `value` is one of {@link HTTP_METHODS} (upper case). */
export function isHttpMethod(value: unknown): value is HttpMethod {
  return typeof value === 'string' && METHOD_SET.has(value)
}

/** One value of a query parameter. */
export type QueryValue = string | number | boolean

/**
 * A structured query: arrays repeat the key, booleans are `true`/`false`, `undefined` leaves the
 * key out. Kept structured until just before the transport, where it is encoded once.
 */
export type QueryParams = Record<string, QueryValue | readonly QueryValue[] | undefined>

const REQUEST_KEYS: ReadonlySet<string> = new Set([
  'method',
  'path',
  'query',
  'body',
  'auth',
  'signal',
  'timeout',
  'retry',
  'headers',
  'maxResponseSize',
] satisfies Array<keyof MaxRequest>)

/** Rejects keys a {@link MaxRequest} does not have (a misspelt `timout` would be ignored). @internal */
export function checkRequestKeys(request: object): void {
  for (const key of Object.keys(request)) {
    if (!REQUEST_KEYS.has(key)) {
      throw new UsageError(`unknown request option "${preview(key)}"; known: ${[...REQUEST_KEYS].join(', ')}`)
    }
  }
}

/**
 * The mark of a trusted request: a private brand, which only this class's constructor can give, so
 * neither a `{ ...copy }` nor a hand-made object can carry it. Checking it costs a property
 * look-up; marking an object with a symbol property through `Object.defineProperty` cost ~1 µs.
 */
class TrustedRequest {
  readonly #trusted = true

  static has(request: object): boolean {
    return #trusted in request
  }
}

/**
 * Marks a request as built by `@maxclient/resources` (or another layer that already validated it):
 * `send()` then skips re-checking its method, path and query. Returns a trusted copy with the same
 * fields; a request copied again with `{ ...request }` is no longer trusted.
 */
export function trustRequest<T extends MaxRequest>(request: T): T {
  return Object.assign(new TrustedRequest(), request) as unknown as T
}

/** True when {@link trustRequest} made this very object. @internal */
export function isTrusted(request: object): boolean {
  return TrustedRequest.has(request)
}

function encodeItem(key: string, value: unknown, check: boolean): string {
  switch (typeof value) {
    case 'string':
      try {
        return encodeURIComponent(value)
      } catch {
        throw new UsageError(
          `query parameter "${preview(key)}" must be well-formed text (it has an unpaired surrogate)`,
        )
      }
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      if (check && !Number.isFinite(value)) {
        throw new UsageError(`query parameter "${preview(key)}" must be a finite number, got ${value}`)
      }
      return String(value)
    default:
      throw new UsageError(
        `query parameter "${preview(key)}" must be a string, number, boolean or an array of them, got ${value === null ? 'null' : typeof value}`,
      )
  }
}

/**
 * Encodes a structured query (without the leading `?`). `check` validates names and values for
 * requests that were not built by resources.
 * @internal
 */
export function serializeQuery(query: QueryParams, check: boolean): string {
  if (check && !isPlainObject(query)) {
    throw new UsageError('query must be an encoded string or a plain object of parameter names to values')
  }
  let out = ''
  for (const key of Object.keys(query)) {
    const value = query[key]
    if (value === undefined) continue
    if (check && key === '') throw new UsageError('a query parameter name cannot be empty')
    let name: string
    try {
      name = encodeURIComponent(key)
    } catch {
      throw new UsageError('a query parameter name must be well-formed text (it has an unpaired surrogate)')
    }
    if (Array.isArray(value)) {
      for (const item of value as readonly unknown[]) {
        out += `${out === '' ? '' : '&'}${name}=${encodeItem(key, item, check)}`
      }
    } else {
      out += `${out === '' ? '' : '&'}${name}=${encodeItem(key, value, check)}`
    }
  }
  return out
}

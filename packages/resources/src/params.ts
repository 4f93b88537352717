import { preview, UsageError } from '@maxclient/core'
import { sha1Hex } from './sha1.js'

const HEX40 = /^[0-9a-fA-F]{40}$/
const HASH_CACHE_SIZE = 256
const recentHashes = new Map<string, string>()

/** The context a variable is resolved in: the acting user, for `':me'`. */
export interface ParamContext {
  actor?: string | undefined
}

/**
 * The context hash MAX uses in `/contexts/{hash}`: a 40-character hex value is kept (lower-cased);
 * anything else is taken as a context URL and replaced by the SHA-1 hex of its UTF-8 bytes.
 */
export function contextHash(urlOrHash: string): string {
  if (typeof urlOrHash !== 'string') {
    throw new UsageError(`A context hash or URL must be a string, got ${describe(urlOrHash)}`)
  }
  if (urlOrHash.length === 40 && HEX40.test(urlOrHash)) return urlOrHash.toLowerCase()
  let hash = recentHashes.get(urlOrHash)
  if (hash === undefined) {
    hash = sha1Hex(urlOrHash)
    // A client talks to a handful of contexts: keep their hashes, within a small bound.
    if (recentHashes.size >= HASH_CACHE_SIZE) recentHashes.clear()
    recentHashes.set(urlOrHash, hash)
  }
  return hash
}

/**
 * Percent-encodes a value for use as one path segment, so that `/`, `?`, `#`, `%` and the like
 * can never change the route. `''`, `'.'` and `'..'` are rejected: URL parsers collapse them.
 */
export function encodeSegment(value: string): string {
  if (typeof value !== 'string') {
    throw new UsageError(`A path segment must be a string, got ${describe(value)}`)
  }
  if (value === '' || value === '.' || value === '..') {
    throw new UsageError(
      value === ''
        ? 'A path segment cannot be empty'
        : `A path segment cannot be '${value}': it would move to another route`,
    )
  }
  try {
    return encodeURIComponent(value)
  } catch {
    throw new UsageError('A path segment must be well-formed text (it has an unpaired surrogate)')
  }
}

/**
 * Resolves the value of a pattern variable as the old client did: `':me'` in `{username}` becomes
 * the current actor, and `{hash}` is turned into a context hash. Other variables pass unchanged.
 * The result is not encoded yet (see {@link encodeSegment}).
 */
export function resolveParam(name: string, value: string, context: ParamContext = {}): string {
  if (typeof value !== 'string') {
    throw new UsageError(`Path parameter '${name}' must be a string, got ${describe(value)}`)
  }
  if (name === 'username' && value === ':me') {
    if (!context.actor) {
      throw new UsageError(
        "':me' stands for the current actor, but none is set: log in, set an actor, or pass a username",
      )
    }
    return context.actor
  }
  if (name === 'hash') return contextHash(value)
  return value
}

/** A URL pattern split once into fixed segments and variable names. */
export interface CompiledPattern {
  readonly pattern: string
  /** Fixed text for fixed segments, `null` for variables (named in `params`, in order). */
  readonly segments: readonly (string | null)[]
  readonly params: readonly string[]
}

const compiled = new Map<string, CompiledPattern>()

/** Splits a pattern like `/people/{username}/activities` once and caches the result. */
export function compilePattern(pattern: string): CompiledPattern {
  const cached = compiled.get(pattern)
  if (cached) return cached
  if (typeof pattern !== 'string' || pattern[0] !== '/') {
    throw new UsageError(`A route pattern must start with '/', got ${describe(pattern)}`)
  }
  const segments: (string | null)[] = []
  const params: string[] = []
  if (pattern !== '/') {
    for (const part of pattern.slice(1).split('/')) {
      if (part.length > 2 && part[0] === '{' && part[part.length - 1] === '}') {
        const name = part.slice(1, -1)
        if (params.includes(name)) throw new UsageError(`Pattern ${pattern} repeats the variable {${name}}`)
        params.push(name)
        segments.push(null)
      } else if (part === '' || part.includes('{') || part.includes('}')) {
        throw new UsageError(`Pattern ${pattern} has a malformed segment '${part}'`)
      } else {
        segments.push(part)
      }
    }
  }
  const result: CompiledPattern = { pattern, segments, params }
  compiled.set(pattern, result)
  return result
}

/**
 * Fills a pattern's variables: each value is resolved ({@link resolveParam}) and percent-encoded.
 * A missing or unknown parameter is an error.
 */
export function fillPattern(
  pattern: string,
  params: Record<string, string>,
  context: ParamContext = {},
): string {
  const { segments, params: names } = compilePattern(pattern)
  let path = ''
  let index = 0
  for (const segment of segments) {
    if (segment !== null) {
      path += `/${segment}`
      continue
    }
    const name = names[index++]!
    if (!Object.hasOwn(params, name) || params[name] === undefined) {
      throw new UsageError(`Route ${pattern} needs a value for {${name}}`)
    }
    path += `/${encodeSegment(resolveParam(name, params[name]!, context))}`
  }
  if (path === '') path = '/'
  for (const key in params) {
    if (Object.hasOwn(params, key) && !names.includes(key)) {
      const expected = names.length ? names.map((n) => `{${n}}`).join(', ') : 'no variables'
      throw new UsageError(`Route ${pattern} has no variable {${key}}; it takes ${expected}`)
    }
  }
  return path
}

/** Short description of an unexpected value for error messages (never the value of a secret). */
export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return JSON.stringify(preview(value, 60))
  return typeof value
}

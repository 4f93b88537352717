import { readFileSync } from 'node:fs'
import { FORBIDDEN_KEYS } from '@maxclient/resources'
import { usageError } from './errors.js'

/** Reads `@file` or `@-` (stdin) contents; injected so tests need no files. */
export type FileReader = (path: string) => string

export const readFileOrStdin: FileReader = (path) => readFileSync(path === '-' ? 0 : path, 'utf8')

/**
 * Splits `key=value`. Keys may nest with brackets like `gh api`: `object[content]=hi`,
 * `tags[]=a` appends to an array.
 */
export function parseKeyPath(key: string, option: string): Array<string | null> {
  const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key)
  if (!match) {
    throw usageError(`Invalid key "${key}" in ${option}: use name, name[sub] or name[] (for arrays).`)
  }
  const parts: Array<string | null> = [match[1]!]
  for (const [, inner] of match[2]!.matchAll(/\[([^[\]]*)\]/g)) parts.push(inner === '' ? null : inner!)
  for (const part of parts) {
    if (part !== null && FORBIDDEN_KEYS.has(part))
      throw usageError(`Key "${key}" in ${option} is not allowed.`)
  }
  return parts
}

function splitAssignment(text: string, option: string): [string, string] {
  const at = text.indexOf('=')
  if (at <= 0) throw usageError(`${option} expects key=value, got "${text}".`)
  return [text.slice(0, at), text.slice(at + 1)]
}

/** `-F` values: true/false/null, numbers, `@file` contents; anything else stays a string. */
export function typedValue(raw: string, readFile: FileReader): unknown {
  if (raw === 'true') return true
  if (raw === 'false') return false
  if (raw === 'null') return null
  if (/^-?(?:0|[1-9]\d*)(?:\.\d+)?$/.test(raw)) return Number(raw)
  if (raw.startsWith('@')) {
    const path = raw.slice(1)
    if (path === '') throw usageError('"@" must be followed by a file path or "-" for stdin.')
    try {
      return readFile(path).replace(/\r?\n$/, '')
    } catch (error) {
      throw usageError(`Cannot read ${path}: ${(error as Error).message}`)
    }
  }
  return raw
}

function assign(
  target: Record<string, unknown>,
  path: Array<string | null>,
  value: unknown,
  key: string,
): void {
  let node: Record<string, unknown> | unknown[] = target
  for (let index = 0; index < path.length; index++) {
    const part = path[index]!
    const last = index === path.length - 1
    const nextIsArray = !last && path[index + 1] === null
    if (part === null) {
      if (!Array.isArray(node)) throw usageError(`"${key}": [] must follow an array key.`)
      if (last) node.push(value)
      else {
        const child: Record<string, unknown> = {}
        node.push(child)
        node = child
      }
      continue
    }
    if (Array.isArray(node))
      throw usageError(`"${key}": a named key cannot follow [] in the middle of a path.`)
    if (last) {
      node[part] = value
      continue
    }
    const existing = Object.hasOwn(node, part) ? node[part] : undefined
    if (existing === undefined) {
      const child: Record<string, unknown> | unknown[] = nextIsArray ? [] : {}
      node[part] = child
      node = child
    } else if (typeof existing === 'object' && existing !== null && Array.isArray(existing) === nextIsArray) {
      node = existing as Record<string, unknown> | unknown[]
    } else {
      throw usageError(`"${key}" conflicts with an earlier value for "${part}".`)
    }
  }
}

/** Builds the body fields from `-f` (raw strings) and `-F` (typed) options, in command-line order. */
export function buildFields(
  entries: Array<{ text: string; typed: boolean }>,
  readFile: FileReader = readFileOrStdin,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {}
  for (const { text, typed } of entries) {
    const option = typed ? '-F/--field' : '-f/--raw-field'
    const [key, raw] = splitAssignment(text, option)
    assign(fields, parseKeyPath(key, option), typed ? typedValue(raw, readFile) : raw, key)
  }
  return fields
}

/** Builds the query object from `-q key=value` options; repeated keys become arrays. */
export function buildQueryFields(entries: string[]): Record<string, unknown> {
  const query: Record<string, unknown> = {}
  for (const text of entries) {
    const [key, value] = splitAssignment(text, '-q/--query')
    if (FORBIDDEN_KEYS.has(key)) throw usageError(`Query key "${key}" is not allowed.`)
    const existing = Object.hasOwn(query, key) ? query[key] : undefined
    if (existing === undefined) query[key] = value
    else query[key] = Array.isArray(existing) ? [...existing, value] : [existing, value]
  }
  return query
}

/** `--upload [field=]path`: the form field (default `file`) and the file path. */
export function parseUpload(text: string): { field: string; path: string } {
  const at = text.indexOf('=')
  const field = at > 0 ? text.slice(0, at) : 'file'
  const path = at > 0 ? text.slice(at + 1) : text
  if (path === '') throw usageError(`--upload expects [field=]path, got "${text}".`)
  if (!/^[A-Za-z0-9_-]+$/.test(field)) {
    throw usageError(`Invalid upload field "${field}": use letters, digits, _ or -.`)
  }
  return { field, path }
}

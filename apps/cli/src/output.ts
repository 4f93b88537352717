import { isPlainObject } from '@maxclient/core'
import { FORBIDDEN_KEYS } from '@maxclient/resources'
import { usageError } from './errors.js'

/** The output formats of `--output`. */
export const OUTPUT_FORMATS = ['table', 'json', 'jsonl', 'csv'] as const
export type OutputFormat = (typeof OUTPUT_FORMATS)[number]

/** How a command prints its result. */
export interface OutputOptions {
  format: OutputFormat
  /** Dotted paths of the fields to keep, e.g. `['username', 'displayName']`. */
  fields?: string[]
  /** Columns used for tables and CSV when `fields` is absent. */
  defaultColumns?: string[]
  /** Styles a table's header row (bold on a colour terminal). */
  heading?: (text: string) => string
}

/** Checks an `--output` value. */
export function parseFormat(value: string): OutputFormat {
  if ((OUTPUT_FORMATS as readonly string[]).includes(value)) return value as OutputFormat
  throw usageError(`Unknown --output "${value}": use ${OUTPUT_FORMATS.join(', ')}.`)
}

/** Splits `--fields a,b.c` into paths, refusing empty or prototype-polluting names. */
export function parseFields(text: string): string[] {
  const fields = text
    .split(',')
    .map((field) => field.trim())
    .filter((field) => field !== '')
  if (fields.length === 0)
    throw usageError('--fields needs at least one field name, e.g. --fields username,displayName')
  for (const field of fields) {
    if (field.split('.').some((part) => part === '' || FORBIDDEN_KEYS.has(part))) {
      throw usageError(
        `Invalid field "${field}" in --fields: use names or dotted paths such as actor.username.`,
      )
    }
  }
  return fields
}

/** Reads a dotted path from a JSON value (own properties only). */
export function pick(value: unknown, path: string): unknown {
  if (value === null || typeof value !== 'object') return undefined
  // MAX has keys with dots in them (`max.server_id` in /info): a literal key wins.
  if (Object.hasOwn(value, path)) return (value as Record<string, unknown>)[path]
  const dot = path.indexOf('.')
  if (dot === -1) return undefined
  const head = path.slice(0, dot)
  if (!Object.hasOwn(value, head)) return undefined
  return pick((value as Record<string, unknown>)[head], path.slice(dot + 1))
}

/** Keeps only `fields` of an object (keys are the dotted paths, so the result stays flat). */
export function selectFields(value: unknown, fields: string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => selectFields(item, fields))
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const field of fields) out[field] = pick(value, field) ?? null
  return out
}

/** How one value reads in a table or CSV cell: people by username, contexts by URL, lists joined. */
function cell(value: unknown, separator = ', '): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) {
    const parts = value.map((item) => cell(item, separator))
    return parts.every((part) => !part.startsWith('{')) ? parts.join(separator) : JSON.stringify(value)
  }
  const record = value as Record<string, unknown>
  for (const key of ['username', 'url', 'name', 'id']) {
    if (typeof record[key] === 'string') return record[key] as string
  }
  return JSON.stringify(value)
}

/** Paths a `--fields` list may name for these rows: their keys, and one level into nested objects. */
function knownFields(rows: readonly unknown[]): string[] {
  const known = new Set<string>()
  for (const row of rows.slice(0, 50)) {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) continue
    for (const [key, value] of Object.entries(row)) {
      known.add(key)
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        for (const inner of Object.keys(value)) known.add(`${key}.${inner}`)
      }
    }
  }
  return [...known].sort()
}

/** Fails, listing the valid fields, when a requested field is in none of the results (as gh does). */
export function checkFields(value: unknown, fields: string[]): void {
  const rows = Array.isArray(value) ? value : [value]
  const objects = rows.filter((row) => row !== null && typeof row === 'object' && !Array.isArray(row))
  if (objects.length === 0) return
  const has = (row: object, path: string) =>
    Object.hasOwn(row, path) || pick(row, path) !== undefined || hasNull(row, path)
  const unknown = fields.filter((field) => !objects.some((row) => has(row, field)))
  if (unknown.length > 0) {
    throw usageError(
      `Unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((f) => `"${f}"`).join(', ')} in --fields. Valid fields:\n  ${knownFields(objects).join('\n  ')}`,
    )
  }
}

function hasNull(row: object, path: string): boolean {
  const dot = path.lastIndexOf('.')
  const parent = dot === -1 ? row : pick(row, path.slice(0, dot))
  return parent !== null && typeof parent === 'object' && Object.hasOwn(parent, path.slice(dot + 1))
}

function isScalarish(value: unknown): boolean {
  return value === null || typeof value !== 'object' || Array.isArray(value)
}

/** Columns for a list: the requested ones, else the defaults present, else the scalar keys of the rows. */
function columnsFor(rows: Record<string, unknown>[], options: OutputOptions): string[] {
  if (options.fields) return options.fields
  const present = (options.defaultColumns ?? []).filter((column) =>
    rows.some((row) => pick(row, column) !== undefined),
  )
  if (present.length > 0) return present
  const keys: string[] = []
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      if (!keys.includes(key) && isScalarish(value)) keys.push(key)
    }
  }
  return keys.slice(0, 8)
}

/** A plain text table with a header row; widths fit the content, long cells are cut at 60 characters. */
export function formatTable(
  rows: Record<string, unknown>[],
  columns: string[],
  heading: (text: string) => string = String,
): string {
  const cut = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text)
  const body = rows.map((row) => columns.map((column) => cut(cell(pick(row, column)).replace(/\s+/g, ' '))))
  const header = columns.map((column) => column.toUpperCase())
  const widths = header.map((title, index) =>
    Math.max(title.length, ...body.map((line) => line[index]!.length)),
  )
  const render = (line: string[]) =>
    line
      .map((text, index) => (index === line.length - 1 ? text : text.padEnd(widths[index]!)))
      .join('  ')
      .trimEnd()
  return [heading(render(header)), ...body.map(render)].join('\n')
}

const CSV_SPECIAL = /[",\r\n]/

/** One CSV field (RFC 4180 quoting); lists are comma-joined, as `maxcli bulk` reads them back. */
function csvField(value: unknown): string {
  const text = cell(value, ',')
  return CSV_SPECIAL.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

function isRecordList(value: unknown): value is Record<string, unknown>[] {
  return Array.isArray(value) && value.every(isPlainObject)
}

/** Renders a command result as text for stdout (with a final newline, or empty for no result). */
export function formatResult(value: unknown, options: OutputOptions): string {
  if (value === undefined) return ''
  const { format } = options
  if (format === 'json' || format === 'jsonl') {
    const selected = options.fields ? selectFields(value, options.fields) : value
    if (format === 'json') return `${JSON.stringify(selected, null, 2)}\n`
    const lines = Array.isArray(selected) ? selected : [selected]
    return lines.map((line) => `${JSON.stringify(line)}\n`).join('')
  }
  if (format === 'csv') {
    const rows = Array.isArray(value) ? value : [value]
    if (!isRecordList(rows)) return rows.map((row) => `${csvField(row)}\n`).join('')
    const columns = columnsFor(rows, options)
    const lines = [columns, ...rows.map((row) => columns.map((column) => pick(row, column)))]
    return lines.map((line) => `${line.map(csvField).join(',')}\n`).join('')
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '(no results)\n'
    if (isRecordList(value)) return `${formatTable(value, columnsFor(value, options), options.heading)}\n`
    return `${value.map((item) => cell(item)).join('\n')}\n`
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>
    const keys = options.fields ?? Object.keys(record)
    const width = Math.max(...keys.map((key) => key.length))
    const cut = (text: string) => (text.length > 100 ? `${text.slice(0, 99)}…` : text)
    return `${keys.map((key) => `${key.padEnd(width)}  ${cut(cell(pick(record, key)))}`).join('\n')}\n`
  }
  return `${cell(value)}\n`
}

import { FORBIDDEN_KEYS } from '@maxclient/resources'
import { usageError } from './errors.js'

/** How a command prints its result. */
export interface OutputOptions {
  /** JSON instead of a table (the default when stdout is not a TTY). */
  json: boolean
  /** Dotted paths of the fields to keep, e.g. `['username', 'displayName']`. */
  fields?: string[]
  /** Columns used for tables when `fields` is absent. */
  defaultColumns?: string[]
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

function cell(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) {
    return value.join(', ')
  }
  return JSON.stringify(value)
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
export function formatTable(rows: Record<string, unknown>[], columns: string[]): string {
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
  return [render(header), ...body.map(render)].join('\n')
}

/** Renders a command result as text for stdout (with a final newline, or empty for no result). */
export function formatResult(value: unknown, options: OutputOptions): string {
  if (value === undefined) return ''
  if (options.json) {
    const selected = options.fields ? selectFields(value, options.fields) : value
    return `${JSON.stringify(selected, null, 2)}\n`
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '(no results)\n'
    if (value.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item))) {
      const rows = value as Record<string, unknown>[]
      return `${formatTable(rows, columnsFor(rows, options))}\n`
    }
    return `${value.map(cell).join('\n')}\n`
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

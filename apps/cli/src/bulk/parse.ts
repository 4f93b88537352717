import { FORBIDDEN_KEYS } from '@maxclient/resources'
import { usageError } from '../errors.js'
import type { RowValues } from '../operations.js'

/** One row of a bulk file: its 1-based line number, and its values or why it could not be read. */
export type ParsedRow =
  | { line: number; values: RowValues; error?: undefined }
  | { line: number; error: string }

export type BulkFormat = 'csv' | 'jsonl'

/** Picks the format from `--format`, else the file extension, else the first character. */
export function detectFormat(path: string, text: string, explicit?: string): BulkFormat {
  if (explicit !== undefined) {
    if (explicit === 'csv' || explicit === 'jsonl') return explicit
    throw usageError(`Unknown --format "${explicit}": use csv or jsonl.`)
  }
  const lower = path.toLowerCase()
  if (lower.endsWith('.csv')) return 'csv'
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson') || lower.endsWith('.json')) return 'jsonl'
  return text.trimStart().startsWith('{') ? 'jsonl' : 'csv'
}

function safeRecord(entries: Iterable<[string, unknown]>): RowValues {
  const record: RowValues = Object.create(null)
  for (const [key, value] of entries) record[key] = value
  return record
}

/** JSON Lines: one object per line; blank lines and lines starting with `#` are skipped. */
export function parseJsonLines(text: string): ParsedRow[] {
  const rows: ParsedRow[] = []
  const lines = text.split('\n')
  lines.forEach((raw, index) => {
    const line = index + 1
    const trimmed = raw.trim()
    if (trimmed === '' || trimmed.startsWith('#')) return
    let value: unknown
    try {
      value = JSON.parse(trimmed)
    } catch (error) {
      rows.push({ line, error: `not valid JSON (${(error as Error).message})` })
      return
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      rows.push({ line, error: 'expected a JSON object such as {"op":"user.add","username":"alice"}' })
      return
    }
    const keys = Object.keys(value)
    const unsafe = keys.find((key) => FORBIDDEN_KEYS.has(key))
    if (unsafe) {
      rows.push({ line, error: `field name "${unsafe}" is not allowed` })
      return
    }
    rows.push({ line, values: safeRecord(Object.entries(value)) })
  })
  return rows
}

/** Splits CSV text into records (RFC 4180 quoting, embedded newlines), each with its first line number. */
export function splitCsv(text: string): Array<{ line: number; cells: string[]; error?: string }> {
  const records: Array<{ line: number; cells: string[]; error?: string }> = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let startLine = 1
  let afterQuote = false
  let error: string | undefined
  const endRecord = () => {
    cells.push(cell)
    const blank = cells.length === 1 && cells[0]!.trim() === ''
    if (!blank) records.push(error ? { line: startLine, cells, error } : { line: startLine, cells })
    cells = []
    cell = ''
    error = undefined
    afterQuote = false
  }
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          cell += '"'
          index++
        } else {
          quoted = false
          afterQuote = true
        }
      } else {
        if (char === '\n') line++
        cell += char
      }
      continue
    }
    if (char === '"') {
      if (cell === '' && !afterQuote) quoted = true
      else error ??= 'a quote (") inside an unquoted cell: quote the whole cell and double inner quotes'
    } else if (char === ',') {
      cells.push(cell)
      cell = ''
      afterQuote = false
    } else if (char === '\n') {
      endRecord()
      line++
      startLine = line
    } else if (char === '\r' && text[index + 1] === '\n') {
      // CRLF: the \n ends the record
    } else if (afterQuote) {
      error ??= 'text after a closing quote: quote the whole cell'
    } else {
      cell += char
    }
  }
  if (quoted) error = 'a quoted cell is never closed'
  if (cell !== '' || cells.length > 0 || error) endRecord()
  return records
}

/**
 * CSV with a header row naming the fields; `op` is required. Empty cells are absent fields. A record
 * with a different number of cells than the header is reported, not guessed.
 */
export function parseCsv(text: string): ParsedRow[] {
  const records = splitCsv(text.replace(/^\uFEFF/, ''))
  const header = records.shift()
  if (!header) return []
  const names = header.cells.map((name) => name.trim())
  if (header.error) throw usageError(`CSV header (line ${header.line}): ${header.error}`)
  if (!names.includes('op')) {
    throw usageError(`CSV header (line ${header.line}) needs an "op" column, e.g. op,username,displayName`)
  }
  const bad = names.find((name) => name === '' || FORBIDDEN_KEYS.has(name))
  if (bad !== undefined)
    throw usageError(`CSV header (line ${header.line}) has an invalid column name "${bad}"`)
  const duplicate = names.find((name, index) => names.indexOf(name) !== index)
  if (duplicate) throw usageError(`CSV header (line ${header.line}) repeats the column "${duplicate}"`)
  return records.map(({ line, cells, error }): ParsedRow => {
    if (error) return { line, error }
    if (cells.length !== names.length) {
      return { line, error: `has ${cells.length} cells, the header has ${names.length} (${names.join(',')})` }
    }
    return {
      line,
      values: safeRecord(
        names.map((name, index): [string, unknown] => [name, cells[index] === '' ? undefined : cells[index]]),
      ),
    }
  })
}

/** Parses a bulk file of either format. */
export function parseBulk(text: string, format: BulkFormat): ParsedRow[] {
  return format === 'csv' ? parseCsv(text) : parseJsonLines(text)
}

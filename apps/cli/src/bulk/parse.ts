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

/**
 * Reads a bulk file piece by piece: `push` takes the next chunk of text and returns the rows it
 * completed, `end` the rest. Memory stays bounded by the longest row, whatever the file's size.
 */
export interface RowParser {
  push(chunk: string): ParsedRow[]
  end(): ParsedRow[]
}

function jsonRow(line: number, raw: string): ParsedRow | undefined {
  const trimmed = raw.trim()
  if (trimmed === '' || trimmed.startsWith('#')) return undefined
  let value: unknown
  try {
    value = JSON.parse(trimmed)
  } catch (error) {
    return { line, error: `not valid JSON (${(error as Error).message})` }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { line, error: 'expected a JSON object such as {"op":"user.add","username":"alice"}' }
  }
  const unsafe = Object.keys(value).find((key) => FORBIDDEN_KEYS.has(key))
  if (unsafe) return { line, error: `field name "${unsafe}" is not allowed` }
  return { line, values: safeRecord(Object.entries(value)) }
}

/** JSON Lines: one object per line; blank lines and lines starting with `#` are skipped. */
export function jsonLinesParser(): RowParser {
  let rest = ''
  let line = 0
  const take = (text: string, final: boolean): ParsedRow[] => {
    const rows: ParsedRow[] = []
    const pieces = (rest + text).split('\n')
    rest = final ? '' : pieces.pop()!
    for (const piece of pieces) {
      line++
      const row = jsonRow(line, piece)
      if (row) rows.push(row)
    }
    return rows
  }
  return { push: (chunk) => take(chunk, false), end: () => take('', true) }
}

/** A CSV record: its cells and the line it starts on. */
export interface CsvRecord {
  line: number
  cells: string[]
  error?: string
}

/** Splits CSV text into records chunk by chunk (RFC 4180 quoting, embedded newlines, CRLF). */
export class CsvSplitter {
  private cells: string[] = []
  private cell = ''
  private quoted = false
  private afterQuote = false
  private error: string | undefined
  private line = 1
  private startLine = 1
  /** The chunk's last character, whose meaning may depend on the next one (`""`, CRLF). */
  private carry = ''

  push(chunk: string): CsvRecord[] {
    const text = this.carry + chunk
    const records: CsvRecord[] = []
    this.carry = text.slice(this.scan(text, text.length - 1, records))
    return records
  }

  end(): CsvRecord[] {
    const records: CsvRecord[] = []
    this.scan(this.carry, this.carry.length, records)
    this.carry = ''
    if (this.quoted) this.error = 'a quoted cell is never closed'
    if (this.cell !== '' || this.cells.length > 0 || this.error) this.endRecord(records)
    return records
  }

  private endRecord(records: CsvRecord[]): void {
    this.cells.push(this.cell)
    const blank = this.cells.length === 1 && this.cells[0]!.trim() === ''
    if (!blank) {
      const record: CsvRecord = { line: this.startLine, cells: this.cells }
      if (this.error) record.error = this.error
      records.push(record)
    }
    this.cells = []
    this.cell = ''
    this.error = undefined
    this.afterQuote = false
  }

  /** Reads characters before `limit` (looking one further); returns where it stopped. */
  private scan(text: string, limit: number, records: CsvRecord[]): number {
    let index = 0
    for (; index < limit; index++) {
      const char = text[index]!
      if (this.quoted) {
        if (char === '"') {
          if (text[index + 1] === '"') {
            this.cell += '"'
            index++
          } else {
            this.quoted = false
            this.afterQuote = true
          }
        } else {
          if (char === '\n') this.line++
          this.cell += char
        }
        continue
      }
      if (char === '"') {
        if (this.cell === '' && !this.afterQuote) this.quoted = true
        else
          this.error ??= 'a quote (") inside an unquoted cell: quote the whole cell and double inner quotes'
      } else if (char === ',') {
        this.cells.push(this.cell)
        this.cell = ''
        this.afterQuote = false
      } else if (char === '\n') {
        this.endRecord(records)
        this.line++
        this.startLine = this.line
      } else if (char === '\r' && text[index + 1] === '\n') {
        // CRLF: the \n ends the record
      } else if (this.afterQuote) {
        this.error ??= 'text after a closing quote: quote the whole cell'
      } else {
        this.cell += char
      }
    }
    return index
  }
}

/** Splits a whole CSV text into records. */
export function splitCsv(text: string): CsvRecord[] {
  const splitter = new CsvSplitter()
  return [...splitter.push(text), ...splitter.end()]
}

function checkHeader(header: CsvRecord): string[] {
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
  return names
}

function csvRow(names: string[], { line, cells, error }: CsvRecord): ParsedRow {
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
}

/**
 * CSV with a header row naming the fields; `op` is required. Empty cells are absent fields. A record
 * with a different number of cells than the header is reported, not guessed.
 */
export function csvParser(): RowParser {
  const splitter = new CsvSplitter()
  let names: string[] | undefined
  let first = true
  const rows = (records: CsvRecord[]): ParsedRow[] => {
    const parsed: ParsedRow[] = []
    for (const record of records) {
      if (names === undefined) names = checkHeader(record)
      else parsed.push(csvRow(names, record))
    }
    return parsed
  }
  return {
    push(chunk) {
      const text = first ? chunk.replace(/^\uFEFF/, '') : chunk
      if (chunk !== '') first = false
      return rows(splitter.push(text))
    },
    end: () => rows(splitter.end()),
  }
}

/** A parser of the given format. */
export function rowParser(format: BulkFormat): RowParser {
  return format === 'csv' ? csvParser() : jsonLinesParser()
}

/** Parses a whole bulk text of either format. */
export function parseBulk(text: string, format: BulkFormat): ParsedRow[] {
  const parser = rowParser(format)
  return [...parser.push(text), ...parser.end()]
}

/** Parses whole CSV text. */
export const parseCsv = (text: string): ParsedRow[] => parseBulk(text, 'csv')

/** Parses whole JSON Lines text. */
export const parseJsonLines = (text: string): ParsedRow[] => parseBulk(text, 'jsonl')

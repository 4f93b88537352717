import { createHash } from 'node:crypto'
import { closeSync, createReadStream, openSync, readSync } from 'node:fs'
import { StringDecoder } from 'node:string_decoder'
import { usageError } from '../errors.js'
import { type BulkFormat, detectFormat, type ParsedRow, rowParser } from './parse.js'

/** How much of a bulk file is read at a time: memory stays flat whatever the file's size. */
const CHUNK_SIZE = 64 * 1024

/** The first bytes of a file, as text, to guess its format from. */
function head(path: string, file: string): string {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (error) {
    throw usageError(`Cannot read ${file}: ${(error as Error).message}`)
  }
  try {
    const buffer = Buffer.alloc(4096)
    const read = readSync(fd, buffer, 0, buffer.length, 0)
    return new StringDecoder('utf8').write(buffer.subarray(0, read))
  } catch (error) {
    throw usageError(`Cannot read ${file}: ${(error as Error).message}`)
  } finally {
    closeSync(fd)
  }
}

/** A bulk input file: where it is, its format, and a way to stream its rows as often as needed. */
export class BulkSource {
  readonly format: BulkFormat

  /** `file` is the name the user gave (for messages), `path` its absolute form. */
  constructor(
    readonly path: string,
    readonly file: string,
    formatOption?: string,
  ) {
    this.format = detectFormat(path, head(path, file), formatOption)
  }

  /**
   * Streams the rows in file order. `onBytes` sees every raw chunk (to hash the input without
   * reading it twice).
   */
  async *rows(onBytes?: (chunk: Buffer) => void): AsyncGenerator<ParsedRow> {
    const parser = rowParser(this.format)
    const decoder = new StringDecoder('utf8')
    const stream = createReadStream(this.path, { highWaterMark: CHUNK_SIZE })
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        onBytes?.(chunk)
        yield* parser.push(decoder.write(chunk))
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === undefined) throw error
      throw usageError(`Cannot read ${this.file}: ${(error as Error).message}`)
    } finally {
      stream.destroy()
    }
    yield* parser.push(decoder.end())
    yield* parser.end()
  }

  /** Reads the whole file once: its SHA-256 (what a journal is tied to) while visiting each row. */
  async scan(visit: (row: ParsedRow) => void): Promise<string> {
    const hash = createHash('sha256')
    for await (const row of this.rows((chunk) => hash.update(chunk))) visit(row)
    return hash.digest('hex')
  }
}

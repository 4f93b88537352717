import { closeSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs'
import { StringDecoder } from 'node:string_decoder'
import { usageError } from '../errors.js'
import { JournalLock } from './lock.js'

/** How one row ended. `status` 0 means no answer (network), -1 means refused before sending. */
export interface RowOutcome {
  ok: boolean
  status: number
  error?: string
}

type Entry =
  | { t: 'run'; input: string; sha256: string; rows: number; at: string }
  | { t: 'start'; line: number; at: string }
  | ({ t: 'done'; line: number } & RowOutcome)
  | { t: 'end'; at: string }

/** A failure worth trying again on `--resume`: no answer, throttled, or a server error. */
export function isRetryable(outcome: RowOutcome): boolean {
  return !outcome.ok && (outcome.status === 0 || outcome.status === 429 || outcome.status >= 500)
}

/** A growable set of line numbers, one bit each: a million applied rows cost 125 KB. */
class LineSet {
  private bits = new Uint8Array(1024)
  size = 0

  has(line: number): boolean {
    return line >>> 3 < this.bits.length && (this.bits[line >>> 3]! & (1 << (line & 7))) !== 0
  }

  add(line: number): void {
    if (this.has(line)) return
    const byte = line >>> 3
    if (byte >= this.bits.length) {
      const grown = new Uint8Array(Math.max(byte + 1, this.bits.length * 2))
      grown.set(this.bits)
      this.bits = grown
    }
    this.bits[byte]! |= 1 << (line & 7)
    this.size++
  }

  delete(line: number): void {
    if (!this.has(line)) return
    this.bits[line >>> 3]! &= ~(1 << (line & 7))
    this.size--
  }
}

/**
 * Calls `visit` with each line of a file, reading it in chunks (a journal can be large); stops
 * when `visit` returns false. Returns whether every line was visited.
 */
function forEachLine(fd: number, visit: (line: string) => boolean): boolean {
  const buffer = Buffer.alloc(64 * 1024)
  const decoder = new StringDecoder('utf8')
  let rest = ''
  for (;;) {
    const read = readSync(fd, buffer, 0, buffer.length, null)
    if (read === 0) break
    const pieces = (rest + decoder.write(buffer.subarray(0, read))).split('\n')
    rest = pieces.pop()!
    for (const piece of pieces) if (!visit(piece)) return false
  }
  rest += decoder.end()
  return rest === '' || visit(rest)
}

/**
 * The append-only record of a bulk run, one JSON object per line. Each entry is written with a
 * single write() and fsync'd, so a killed run leaves at most one torn last line, which is ignored.
 * Only one run may use a journal at a time: opening it takes an exclusive lock beside it.
 * Memory is one bit per applied row plus the failed and unfinished rows.
 */
export class Journal {
  readonly path: string
  /** Lines applied, in earlier runs or this one. */
  private readonly applied = new LineSet()
  /** Last outcome of each line that failed (retryable or not). */
  readonly failures = new Map<number, RowOutcome>()
  /** Lines started but never finished in an earlier run: their outcome is unknown. */
  readonly unfinished = new Map<number, Date>()
  /** Whether an earlier run reached its end. */
  completedAt: string | undefined
  private fd: number | undefined
  private lock: JournalLock | undefined

  private constructor(path: string) {
    this.path = path
  }

  /**
   * Opens the journal of `input`. Without `resume` an existing journal is an error (so a file is
   * never run twice by accident) unless `restart` is set, which starts a new one. Refuses (exit 2)
   * while another run holds the journal; `notice` hears about a stale lock being taken over.
   */
  static open(options: {
    path: string
    input: string
    sha256: string
    rows: number
    resume: boolean
    restart: boolean
    notice?: (message: string) => void
  }): Journal {
    const journal = new Journal(options.path)
    journal.lock = JournalLock.acquire(options.path, options.notice)
    try {
      journal.load(options)
    } catch (error) {
      journal.close()
      throw error
    }
    return journal
  }

  private load(options: Parameters<typeof Journal.open>[0]): void {
    let fd: number | undefined
    try {
      fd = openSync(options.path, 'r')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    let entries = 0
    if (fd !== undefined && !options.restart) {
      try {
        if (options.resume) entries = this.replay(fd, options.sha256)
        else if (!forEachLine(fd, (line) => line.trim() === '')) {
          throw usageError(
            `A journal of an earlier run exists at ${options.path}: pass --resume to continue it, or --restart to run every row again.`,
          )
        }
      } finally {
        closeSync(fd)
      }
    } else if (fd !== undefined) closeSync(fd)
    const fresh = entries === 0
    this.fd = openSync(options.path, fresh ? 'w' : 'a', 0o600)
    if (fresh) {
      this.append({
        t: 'run',
        input: options.input,
        sha256: options.sha256,
        rows: options.rows,
        at: new Date().toISOString(),
      })
    }
  }

  /** Applies the entries of an existing journal; returns how many there were. */
  private replay(fd: number, sha256: string): number {
    let count = 0
    let held: string | undefined
    // Each entry is applied once the next one is seen, so a torn last line can be told apart.
    forEachLine(fd, (line) => {
      if (line.trim() === '') return true
      if (held !== undefined) this.entry(held, count++, sha256, false)
      held = line
      return true
    })
    if (held !== undefined) this.entry(held, count++, sha256, true)
    return count
  }

  private entry(line: string, index: number, sha256: string, last: boolean): void {
    let entry: Entry
    try {
      entry = JSON.parse(line) as Entry
    } catch {
      // Only the last line can be torn by a kill; anything else means the file was edited.
      if (last) return
      throw usageError(`Journal ${this.path} is damaged at line ${index + 1}: delete it and use --restart.`)
    }
    if (index === 0) {
      if (entry.t !== 'run') throw usageError(`${this.path} is not a maxcli bulk journal.`)
      if (entry.sha256 !== sha256) {
        throw usageError(
          `The input changed since the journal ${this.path} was written: restore it, or pass --restart to run it from the start.`,
        )
      }
      return
    }
    if (entry.t === 'start') {
      this.unfinished.set(entry.line, new Date(entry.at))
      this.forget(entry.line)
    } else if (entry.t === 'done') {
      this.unfinished.delete(entry.line)
      const outcome: RowOutcome = { ok: entry.ok, status: entry.status }
      if (entry.error !== undefined) outcome.error = entry.error
      this.record(entry.line, outcome)
    } else if (entry.t === 'end') {
      this.completedAt = entry.at
    }
  }

  private forget(line: number): void {
    this.applied.delete(line)
    this.failures.delete(line)
  }

  private record(line: number, outcome: RowOutcome): void {
    this.forget(line)
    if (outcome.ok) this.applied.add(line)
    else this.failures.set(line, outcome)
  }

  private append(entry: Entry): void {
    if (this.fd === undefined) throw new Error('journal is closed')
    writeSync(this.fd, `${JSON.stringify(entry)}\n`)
    fsyncSync(this.fd)
  }

  /** How many rows were applied, across runs. */
  get appliedCount(): number {
    return this.applied.size
  }

  /** How many rows have a final outcome (applied, or failed in a way not worth retrying). */
  get finalCount(): number {
    let failedFinal = 0
    for (const outcome of this.failures.values()) if (!isRetryable(outcome)) failedFinal++
    return this.applied.size + failedFinal
  }

  /** The outcome recorded for a line, if any. */
  outcome(line: number): RowOutcome | undefined {
    return this.applied.has(line) ? { ok: true, status: 200 } : this.failures.get(line)
  }

  /** Whether a row still has to run: never finished, or failed in a retryable way. */
  pending(line: number): boolean {
    if (this.applied.has(line)) return false
    const failure = this.failures.get(line)
    return failure === undefined || isRetryable(failure)
  }

  /** Records that a row is about to be sent (so a kill leaves it marked unfinished). */
  start(line: number): void {
    this.append({ t: 'start', line, at: new Date().toISOString() })
  }

  /** Records a row's outcome; once this returns the row will not run again on resume. */
  done(line: number, outcome: RowOutcome): void {
    this.append({ t: 'done', line, ...outcome })
    this.unfinished.delete(line)
    this.record(line, outcome)
  }

  /** Marks the run finished (every row has a non-retryable outcome). */
  end(): void {
    this.append({ t: 'end', at: new Date().toISOString() })
  }

  /** Closes the file and releases the lock. */
  close(): void {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
    this.lock?.release()
    this.lock = undefined
  }
}

import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs'
import { usageError } from '../errors.js'

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

/**
 * The append-only record of a bulk run, one JSON object per line. Each entry is written with a
 * single write() and fsync'd, so a killed run leaves at most one torn last line, which is ignored.
 */
export class Journal {
  readonly path: string
  /** Final outcome per line, from earlier runs and this one. */
  readonly outcomes = new Map<number, RowOutcome>()
  /** Lines started but never finished in an earlier run: their outcome is unknown. */
  readonly unfinished = new Map<number, Date>()
  /** Whether an earlier run reached its end. */
  completedAt: string | undefined
  private fd: number | undefined

  private constructor(path: string) {
    this.path = path
  }

  /**
   * Opens the journal of `input`. Without `resume` an existing journal is an error (so a file is
   * never run twice by accident) unless `restart` is set, which starts a new one.
   */
  static open(options: {
    path: string
    input: string
    sha256: string
    rows: number
    resume: boolean
    restart: boolean
  }): Journal {
    const journal = new Journal(options.path)
    let text = ''
    try {
      text = readFileSync(options.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    const exists = text.trim() !== ''
    if (exists && options.restart) text = ''
    else if (exists && !options.resume) {
      throw usageError(
        `A journal of an earlier run exists at ${options.path}: pass --resume to continue it, or --restart to run every row again.`,
      )
    }
    if (text.trim() !== '') journal.load(text, options.sha256)
    journal.fd = openSync(options.path, text.trim() === '' ? 'w' : 'a', 0o600)
    if (text.trim() === '') {
      journal.append({
        t: 'run',
        input: options.input,
        sha256: options.sha256,
        rows: options.rows,
        at: new Date().toISOString(),
      })
    }
    return journal
  }

  private load(text: string, sha256: string): void {
    const lines = text.split('\n').filter((line) => line.trim() !== '')
    lines.forEach((line, index) => {
      let entry: Entry
      try {
        entry = JSON.parse(line) as Entry
      } catch {
        // Only the last line can be torn by a kill; anything else means the file was edited.
        if (index === lines.length - 1) return
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
        this.outcomes.delete(entry.line)
      } else if (entry.t === 'done') {
        this.unfinished.delete(entry.line)
        const outcome: RowOutcome = { ok: entry.ok, status: entry.status }
        if (entry.error !== undefined) outcome.error = entry.error
        this.outcomes.set(entry.line, outcome)
      } else if (entry.t === 'end') {
        this.completedAt = entry.at
      }
    })
  }

  private append(entry: Entry): void {
    if (this.fd === undefined) throw new Error('journal is closed')
    writeSync(this.fd, `${JSON.stringify(entry)}\n`)
    fsyncSync(this.fd)
  }

  /** Whether a row still has to run: never finished, or failed in a retryable way. */
  pending(line: number): boolean {
    const outcome = this.outcomes.get(line)
    return outcome === undefined || isRetryable(outcome)
  }

  /** Records that a row is about to be sent (so a kill leaves it marked unfinished). */
  start(line: number): void {
    this.append({ t: 'start', line, at: new Date().toISOString() })
  }

  /** Records a row's outcome; once this returns the row will not run again on resume. */
  done(line: number, outcome: RowOutcome): void {
    this.append({ t: 'done', line, ...outcome })
    this.unfinished.delete(line)
    this.outcomes.set(line, outcome)
  }

  /** Marks the run finished (every row has a non-retryable outcome). */
  end(): void {
    this.append({ t: 'end', at: new Date().toISOString() })
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }
}

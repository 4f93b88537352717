import type { Journal, RowOutcome } from './journal.js'

/** A row ready to send. */
export interface BulkTask {
  line: number
  /**
   * What the row touches (e.g. `user:alice`, `context:<hash>`). A row waits for every earlier row
   * sharing a key, so "create alice" always lands before "subscribe alice", whatever the concurrency.
   */
  keys?: readonly string[]
  /** The start time of an earlier attempt whose outcome is unknown (the run was killed meanwhile). */
  unfinishedSince?: Date
}

export interface ProgressReporter {
  update(state: { done: number; failed: number; total: number }): void
  finish(): void
}

export interface RunOptions<T extends BulkTask> {
  /** The rows to run, in file order; an async source is read only as fast as rows are started. */
  tasks: Iterable<T> | AsyncIterable<T>
  /** How many tasks the source yields (for the progress line); defaults to the array's length. */
  total?: number
  journal: Journal
  execute: (task: T) => Promise<RowOutcome>
  concurrency: number
  /** At most this many rows started per second (0 or undefined: no limit). */
  rate?: number
  progress?: ProgressReporter
  /** Stops starting rows once aborted (Ctrl-C); rows in flight still finish and are journaled. */
  signal?: AbortSignal
  /** Stop after this many consecutive rows got no answer at all (server down). */
  maxConsecutiveNetworkFailures?: number
}

export interface RunResult {
  ok: number
  failed: number
  /** Rows never started because the run stopped early. */
  notRun: number
  stopped?: 'interrupted' | 'unreachable'
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Runs tasks with bounded concurrency, journaling each start and outcome. Memory is bounded by the
 * rows in flight: the source is pulled one row at a time and finished rows are forgotten.
 */
export async function runTasks<T extends BulkTask>(options: RunOptions<T>): Promise<RunResult> {
  const { journal, execute, progress, signal } = options
  const total = options.total ?? (Array.isArray(options.tasks) ? options.tasks.length : 0)
  const source: AsyncIterator<T> | Iterator<T> =
    Symbol.asyncIterator in options.tasks
      ? (options.tasks as AsyncIterable<T>)[Symbol.asyncIterator]()
      : (options.tasks as Iterable<T>)[Symbol.iterator]()
  const limit = options.maxConsecutiveNetworkFailures ?? Math.max(10, options.concurrency * 2)
  const result: RunResult = { ok: 0, failed: 0, notRun: 0 }
  let exhausted = false
  // Pulls are chained so that rows are taken strictly in file order by whichever worker is free.
  let pulling: Promise<unknown> = Promise.resolve()
  const pull = (): Promise<T | undefined> => {
    const next = pulling.then(async () => {
      if (exhausted) return undefined
      const step = await source.next()
      if (step.done) exhausted = true
      return step.done ? undefined : step.value
    })
    pulling = next.catch(() => {})
    return next
  }
  let consecutiveNetworkFailures = 0
  const startedAt = Date.now()
  let started = 0

  const stop = (): boolean => {
    if (signal?.aborted) result.stopped ??= 'interrupted'
    return result.stopped !== undefined
  }

  // Tasks are taken in file order, so a task only ever waits on earlier ones: no deadlock.
  const lastByKey = new Map<string, Promise<unknown>>()
  const worker = async () => {
    while (!stop()) {
      const task = await pull()
      if (task === undefined) return
      const before = (task.keys ?? []).map((key) => lastByKey.get(key)).filter((p) => p !== undefined)
      let finished!: () => void
      const mine = new Promise<void>((resolve) => {
        finished = resolve
      })
      for (const key of task.keys ?? []) lastByKey.set(key, mine)
      try {
        await Promise.all(before)
        await runOne(task)
      } finally {
        finished()
        for (const key of task.keys ?? []) if (lastByKey.get(key) === mine) lastByKey.delete(key)
      }
    }
  }
  const runOne = async (task: T) => {
    if (stop()) return // never started: counted in notRun, still pending in the journal
    if (options.rate && options.rate > 0) {
      const due = startedAt + (started * 1000) / options.rate
      started++
      const wait = due - Date.now()
      if (wait > 0) await sleep(wait)
      if (stop()) return
    }
    journal.start(task.line)
    let outcome: RowOutcome
    try {
      outcome = await execute(task)
    } catch (error) {
      outcome = { ok: false, status: -1, error: error instanceof Error ? error.message : String(error) }
    }
    journal.done(task.line, outcome)
    if (outcome.ok) result.ok++
    else result.failed++
    consecutiveNetworkFailures = outcome.status === 0 ? consecutiveNetworkFailures + 1 : 0
    if (consecutiveNetworkFailures >= limit) result.stopped ??= 'unreachable'
    progress?.update({ done: result.ok + result.failed, failed: result.failed, total })
  }

  const workers = Array.from({ length: Math.max(1, options.concurrency) }, worker)
  try {
    await Promise.all(workers)
  } finally {
    if (!exhausted) await source.return?.()
  }
  result.notRun = Math.max(0, total - result.ok - result.failed)
  progress?.finish()
  return result
}

/** Formats seconds as `1h02m`, `3m05s` or `12s`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?'
  const s = Math.round(seconds)
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
  return `${s}s`
}

/** The progress line: bar, counts, rate and ETA. */
export function progressLine(
  state: { done: number; failed: number; total: number },
  elapsedMs: number,
): string {
  const { done, failed, total } = state
  const ratio = total === 0 ? 1 : done / total
  const width = 24
  const filled = Math.round(ratio * width)
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0
  const eta = rate > 0 ? (total - done) / rate : Number.NaN
  const failedText = failed > 0 ? `, ${failed} failed` : ''
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${Math.floor(ratio * 100)}%${failedText}  ${rate.toFixed(1)} rows/s  ETA ${formatDuration(eta)}`
}

/** A redrawn bar on a TTY (at most ~10 redraws a second), plain lines every 5% otherwise. */
export function createProgress(stream: NodeJS.WriteStream, now: () => number = Date.now): ProgressReporter {
  const start = now()
  let lastDraw = 0
  let lastPercent = -1
  let last: { done: number; failed: number; total: number } | undefined
  if (stream.isTTY) {
    return {
      update(state) {
        last = state
        const time = now()
        if (time - lastDraw < 100 && state.done < state.total) return
        lastDraw = time
        stream.write(`\r\u001b[2K${progressLine(state, time - start)}`)
      },
      finish() {
        if (last) stream.write(`\r\u001b[2K${progressLine(last, now() - start)}\n`)
      },
    }
  }
  return {
    update(state) {
      const percent = state.total === 0 ? 100 : Math.floor((state.done * 20) / state.total) * 5
      if (percent === lastPercent) return
      lastPercent = percent
      stream.write(`${progressLine(state, now() - start)}\n`)
    },
    finish() {},
  }
}

import { spawnSync } from 'node:child_process'
import { appendFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isRetryable, Journal } from '../../src/bulk/journal.js'
import { progressLine, runTasks } from '../../src/bulk/runner.js'

const journalPath = () => join(mkdtempSync(join(tmpdir(), 'maxcli-journal-')), 'input.csv.journal')
const open = (path: string, extra: Partial<Parameters<typeof Journal.open>[0]> = {}) =>
  Journal.open({ path, input: '/in.csv', sha256: 'abc', rows: 3, resume: false, restart: false, ...extra })

describe('Journal', () => {
  it('records outcomes durably and resumes only what is pending', () => {
    const path = journalPath()
    const first = open(path)
    first.start(2)
    first.done(2, { ok: true, status: 201 })
    first.start(3)
    first.done(3, { ok: false, status: 0, error: 'ECONNREFUSED' })
    first.start(4)
    first.done(4, { ok: false, status: 403, error: 'Forbidden' })
    first.start(5) // killed here
    first.close()
    expect(statSync(path).mode & 0o777).toBe(0o600)

    const resumed = open(path, { resume: true })
    expect(resumed.pending(2)).toBe(false)
    expect(resumed.pending(3)).toBe(true) // network failure: try again
    expect(resumed.pending(4)).toBe(false) // the server said no: reported, not repeated
    expect(resumed.pending(5)).toBe(true)
    expect(resumed.unfinished.has(5)).toBe(true)
    expect(resumed.pending(6)).toBe(true)
    resumed.close()
  })

  it('refuses to run a file twice by accident, and refuses a changed input', () => {
    const path = journalPath()
    open(path).close()
    expect(() => open(path)).toThrow(/pass --resume to continue it, or --restart/)
    expect(() => open(path, { resume: true, sha256: 'other' })).toThrow(/input changed/)
    const restarted = open(path, { restart: true })
    expect(restarted.appliedCount + restarted.failures.size).toBe(0)
    restarted.close()
  })

  it('ignores a torn last line but not a damaged middle one', () => {
    const path = journalPath()
    const journal = open(path)
    journal.done(2, { ok: true, status: 201 })
    journal.close()
    appendFileSync(path, '{"t":"done","li')
    const resumed = open(path, { resume: true })
    expect(resumed.pending(2)).toBe(false)
    resumed.close()
    writeFileSync(path, `${readFileSync(path, 'utf8').split('\n')[0]}\nGARBAGE\n{"t":"end","at":"x"}\n`)
    expect(() => open(path, { resume: true })).toThrow(/damaged at line 2/)
  })

  it('classifies retryable failures', () => {
    expect(isRetryable({ ok: false, status: 0 })).toBe(true)
    expect(isRetryable({ ok: false, status: 503 })).toBe(true)
    expect(isRetryable({ ok: false, status: 429 })).toBe(true)
    expect(isRetryable({ ok: false, status: 400 })).toBe(false)
    expect(isRetryable({ ok: true, status: 201 })).toBe(false)
  })
})

describe('runTasks', () => {
  it('runs every task once with bounded concurrency and journals each', async () => {
    const path = journalPath()
    const journal = open(path)
    let inFlight = 0
    let peak = 0
    const seen: number[] = []
    const tasks = Array.from({ length: 20 }, (_, index) => ({ line: index + 2 }))
    const result = await runTasks({
      tasks,
      journal,
      concurrency: 3,
      execute: async (task) => {
        inFlight++
        peak = Math.max(peak, inFlight)
        await new Promise((resolve) => setImmediate(resolve))
        inFlight--
        seen.push(task.line)
        return task.line % 5 === 0 ? { ok: false, status: 400, error: 'bad' } : { ok: true, status: 201 }
      },
    })
    journal.close()
    expect(peak).toBe(3)
    expect(seen.sort((a, b) => a - b)).toEqual(tasks.map((task) => task.line))
    expect(result).toEqual({ ok: 16, failed: 4, notRun: 0 })
    const done = readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.includes('"t":"done"'))
    expect(done).toHaveLength(20)
  })

  it('stops starting rows when aborted, leaving them pending', async () => {
    const journal = open(journalPath())
    const controller = new AbortController()
    const result = await runTasks({
      tasks: Array.from({ length: 10 }, (_, index) => ({ line: index + 1 })),
      journal,
      concurrency: 1,
      signal: controller.signal,
      execute: async (task) => {
        if (task.line === 3) controller.abort()
        return { ok: true, status: 200 }
      },
    })
    journal.close()
    expect(result).toEqual({ ok: 3, failed: 0, notRun: 7, stopped: 'interrupted' })
    expect(journal.pending(4)).toBe(true)
  })

  it('stops when the server stops answering', async () => {
    const journal = open(journalPath())
    const result = await runTasks({
      tasks: Array.from({ length: 50 }, (_, index) => ({ line: index + 1 })),
      journal,
      concurrency: 1,
      maxConsecutiveNetworkFailures: 5,
      execute: async () => ({ ok: false, status: 0, error: 'ECONNREFUSED' }),
    })
    journal.close()
    expect(result.stopped).toBe('unreachable')
    expect(result.failed).toBe(5)
    expect(result.notRun).toBe(45)
  })

  it('turns a thrown error into a failed row instead of stopping the run', async () => {
    const journal = open(journalPath())
    const result = await runTasks({
      tasks: [{ line: 1 }, { line: 2 }],
      journal,
      concurrency: 2,
      execute: async (task) => {
        if (task.line === 1) throw new Error('boom')
        return { ok: true, status: 200 }
      },
    })
    journal.close()
    expect(result).toEqual({ ok: 1, failed: 1, notRun: 0 })
    expect(journal.outcome(1)).toEqual({ ok: false, status: -1, error: 'boom' })
  })

  it('formats a progress line with rate and ETA', () => {
    expect(progressLine({ done: 50, failed: 2, total: 100 }, 10_000)).toBe(
      '[############------------] 50/100 50%, 2 failed  5.0 rows/s  ETA 10s',
    )
  })
})

describe('runTasks ordering', () => {
  it('runs rows sharing a key in file order, others in parallel', async () => {
    const journal = open(journalPath())
    const events: string[] = []
    const release: Array<() => void> = []
    const tasks = [
      { line: 1, keys: ['user:a'] },
      { line: 2, keys: ['user:b'] },
      { line: 3, keys: ['user:a', 'context:x'] },
      { line: 4, keys: ['context:x'] },
    ]
    const run = runTasks({
      tasks,
      journal,
      concurrency: 4,
      execute: (task) => {
        events.push(`start ${task.line}`)
        return new Promise((resolve) => {
          release[task.line] = () => {
            events.push(`end ${task.line}`)
            resolve({ ok: true, status: 200 })
          }
        })
      },
    })
    await new Promise((resolve) => setImmediate(resolve))
    expect(events).toEqual(['start 1', 'start 2']) // 3 waits for 1, 4 waits for 3
    release[1]!()
    await new Promise((resolve) => setImmediate(resolve))
    expect(events).toEqual(['start 1', 'start 2', 'end 1', 'start 3'])
    release[3]!()
    await new Promise((resolve) => setImmediate(resolve))
    expect(events.at(-1)).toBe('start 4')
    release[2]!()
    release[4]!()
    expect(await run).toEqual({ ok: 4, failed: 0, notRun: 0 })
    journal.close()
  })
})

describe('runTasks streaming', () => {
  it('pulls rows from an async source only as fast as they run', async () => {
    const journal = open(journalPath())
    let pulled = 0
    let finished = 0
    let mostAhead = 0
    async function* source() {
      for (let line = 1; line <= 100; line++) {
        pulled++
        mostAhead = Math.max(mostAhead, pulled - finished)
        yield { line, keys: [`user:${line % 7}`] }
      }
    }
    const result = await runTasks({
      tasks: source(),
      total: 100,
      journal,
      concurrency: 3,
      execute: async () => {
        await new Promise((resolve) => setImmediate(resolve))
        finished++
        return { ok: true, status: 201 }
      },
    })
    expect(result).toEqual({ ok: 100, failed: 0, notRun: 0 })
    expect(mostAhead).toBeLessThanOrEqual(4)
    expect(journal.appliedCount).toBe(100)
    journal.close()
  })
})

describe('Journal lock', () => {
  it('lets only one run hold a journal, naming the holder, and frees it on close', () => {
    const path = journalPath()
    const first = open(path)
    const lock = JSON.parse(readFileSync(`${path}.lock`, 'utf8'))
    expect(lock).toMatchObject({ pid: process.pid, host: hostname() })
    expect(statSync(`${path}.lock`).mode & 0o777).toBe(0o600)
    let refused: unknown
    try {
      open(path, { resume: true })
    } catch (error) {
      refused = error
    }
    expect(refused).toMatchObject({ exitCode: 2 })
    expect((refused as Error).message).toContain(`pid ${process.pid}`)
    first.close()
    expect(existsSync(`${path}.lock`)).toBe(false)
    const second = open(path, { resume: true })
    second.close()
  })

  it('takes over the lock of a dead process with a notice', () => {
    const path = journalPath()
    const dead = spawnSync(process.execPath, [
      '-e',
      'process.stdout.write(String(process.pid))',
    ]).stdout.toString()
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: Number(dead), host: hostname(), started: 'earlier' }))
    const notices: string[] = []
    const journal = open(path, { notice: (line) => notices.push(line) })
    expect(notices).toEqual([expect.stringContaining(`pid ${dead}, started earlier`)])
    expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8')).pid).toBe(process.pid)
    journal.close()
  })

  it('refuses a lock held on another host, since it cannot tell whether that run is alive', () => {
    const path = journalPath()
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: 1, host: 'elsewhere.example', started: 'x' }))
    expect(() => open(path)).toThrow(/pid 1 on host elsewhere\.example.*delete .*\.lock/)
    expect(existsSync(`${path}.lock`)).toBe(true)
  })

  it('keeps memory to a bit per applied row: a million rows resume from a journal read in chunks', () => {
    const path = journalPath()
    const journal = open(path)
    journal.close()
    const lines: string[] = []
    for (let line = 1; line <= 200_000; line++)
      lines.push(`{"t":"done","line":${line},"ok":true,"status":201}`)
    appendFileSync(
      path,
      `${lines.join('\n')}\n{"t":"done","line":200001,"ok":false,"status":403,"error":"no"}\n`,
    )
    const resumed = open(path, { resume: true })
    expect(resumed.appliedCount).toBe(200_000)
    expect(resumed.finalCount).toBe(200_001)
    expect(resumed.pending(199_999)).toBe(false)
    expect(resumed.pending(200_002)).toBe(true)
    expect(resumed.failures.get(200_001)).toEqual({ ok: false, status: 403, error: 'no' })
    resumed.close()
  })
})

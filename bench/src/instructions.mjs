#!/usr/bin/env node
// `pnpm bench --instructions` (or `node src/instructions.mjs`): user-space instructions per request,
// counted by valgrind's callgrind instead of timed. Each (runner, case, warm-up) runs twice in a
// fresh process under callgrind, once with `low` and once with `high` counted operations after the
// same warm-up; (I(high) - I(low)) / (high - low) is the cost of one operation, with start-up,
// module loading and warm-up cancelled out. Counts do not depend on the machine's load, so the
// ratios to raw node:http are repeatable where timed ratios on a shared machine are not. The part
// V8's background compiler threads did is reported beside each figure (see callgrind.mjs).

import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { annotateInclusive, backgroundCompileOf } from './callgrind.mjs'
import { collectOutput } from './collect.mjs'
import { BENCH_TOKEN, BENCH_USER } from './fixtures.mjs'
import {
  evaluateInstructionTargets,
  formatInstructionTable,
  INSTRUCTION_CASES,
  INSTRUCTION_RUNNERS,
  perOperation,
  WARMUPS,
} from './instruction-report.mjs'
import { startServerProcess } from './server-process.mjs'

const here = dirname(fileURLToPath(import.meta.url))

const USAGE = `usage: node src/instructions.mjs [options]
  --smoke            no valgrind: runs every worker once with tiny counts (proves the paths work)
  --runners NAMES    comma-separated runners (default ${INSTRUCTION_RUNNERS.join(',')}; raw-http always runs)
  --only IDS         comma-separated cases (${INSTRUCTION_CASES.map((c) => c.id).join(', ')})
  --warmups NAMES    comma-separated warm-ups (${Object.keys(WARMUPS).join(', ')})
  --low N --high N   counted operations of the two runs (default 300 and 1300)
  --samples N        independent pairs of runs per cell; the median is reported (default 1)
  --jobs N           processes under valgrind at once (default: the number of CPUs)
  --out FILE         results JSON (default results/instructions.json; smoke: results/instructions-smoke.tmp.json)
  --help`

/** @param {string} text @param {string} flag */
function wholeNumber(text, flag) {
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} takes a whole number >= 1, got ${text}`)
  return value
}

/**
 * @param {string | undefined} text
 * @param {readonly string[]} known
 * @param {string} flag
 */
function pickList(text, known, flag) {
  if (text === undefined) return [...known]
  const picked = text.split(',').filter(Boolean)
  const unknown = picked.filter((name) => !known.includes(name))
  if (unknown.length > 0)
    throw new Error(`${flag}: unknown ${unknown.join(', ')}; known: ${known.join(', ')}`)
  return picked
}

/** @param {string[]} argv */
export function parseInstructionOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      smoke: { type: 'boolean', default: false },
      runners: { type: 'string' },
      only: { type: 'string' },
      warmups: { type: 'string' },
      low: { type: 'string' },
      high: { type: 'string' },
      samples: { type: 'string' },
      jobs: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  const runners = pickList(values.runners, INSTRUCTION_RUNNERS, '--runners')
  if (!runners.includes('raw-http')) runners.unshift('raw-http')
  const low = values.low === undefined ? (values.smoke ? 2 : 300) : wholeNumber(values.low, '--low')
  const high = values.high === undefined ? (values.smoke ? 4 : 1300) : wholeNumber(values.high, '--high')
  if (high <= low) throw new Error(`--high (${high}) must be larger than --low (${low})`)
  return {
    help: values.help,
    smoke: values.smoke,
    runners,
    cases: pickList(
      values.only,
      INSTRUCTION_CASES.map((c) => c.id),
      '--only',
    ),
    warmups: pickList(values.warmups, Object.keys(WARMUPS), '--warmups'),
    low,
    high,
    samples: values.samples === undefined ? 1 : wholeNumber(values.samples, '--samples'),
    jobs: values.jobs === undefined ? Math.max(1, cpus().length) : wholeNumber(values.jobs, '--jobs'),
    out: resolve(
      values.out ??
        join(here, '..', 'results', values.smoke ? 'instructions-smoke.tmp.json' : 'instructions.json'),
    ),
  }
}

/** @returns {string | undefined} valgrind's version, or undefined when it is not installed */
function valgrindVersion() {
  const found = spawnSync('valgrind', ['--version'], { encoding: 'utf8' })
  return found.error || found.status !== 0 ? undefined : found.stdout.trim()
}

/**
 * How long a counted process idles before it exits, so background compiles it started finish in
 * both runs (under valgrind a TurboFan compile of ~20 ms takes about a second).
 */
const SETTLE_MS = 3000

/** The V8 flag every counted process starts with (see `countOnce`). */
const HASH_SEED = '--hash-seed=1'

/**
 * Runs one counting worker; resolves with what callgrind collected (null in smoke mode).
 * @param {Record<string, unknown>} config
 * @param {boolean} smoke
 * @param {string} outFile where callgrind writes its profile (read, then deleted)
 * @returns {Promise<import('./instruction-report.mjs').Counted | null>}
 */
async function countOnce(config, smoke, outFile) {
  // A fixed hash seed: V8 picks a random one at start-up, and the work that takes varies from
  // process to process by up to ~10 M instructions, which would not cancel between the two runs.
  const worker = [HASH_SEED, join(here, 'count-worker.mjs'), JSON.stringify(config)]
  const [command, args] = smoke
    ? [process.execPath, worker]
    : ['valgrind', ['--tool=callgrind', `--callgrind-out-file=${outFile}`, process.execPath, ...worker]]
  const { code, stdout, stderr } = await collectOutput(command, args, { ...process.env, NODE_OPTIONS: '' })
  const collected = /Collected : (\d+)/.exec(stderr)
  if (code !== 0 || !stdout.includes('COUNT_DONE') || (!smoke && collected === null)) {
    const tail = stderr
      .split('\n')
      .filter((line) => !line.startsWith('=='))
      .join('\n')
      .slice(-1500)
    throw new Error(`${config.runner} ${config.op} (count ${config.count}) exited ${code}:\n${tail}`)
  }
  const done = JSON.parse(stdout.slice(stdout.indexOf('COUNT_DONE') + 'COUNT_DONE'.length))
  if (!done.execArgv.includes(HASH_SEED)) {
    throw new Error(`${config.runner} ${config.op}: the worker did not get ${HASH_SEED}`)
  }
  if (smoke) return null
  try {
    return { total: Number(collected?.[1]), compile: backgroundCompileOf(await annotateInclusive(outFile)) }
  } finally {
    rmSync(outFile, { force: true })
  }
}

/**
 * Runs `tasks` with at most `jobs` at once, in order of submission.
 * @template T
 * @param {(() => Promise<T>)[]} tasks
 * @param {number} jobs
 * @returns {Promise<T[]>}
 */
async function pool(tasks, jobs) {
  /** @type {T[]} */
  const results = new Array(tasks.length)
  let next = 0
  const lane = async () => {
    for (let i = next++; i < tasks.length; i = next++)
      results[i] = await /** @type {() => Promise<T>} */ (tasks[i])()
  }
  await Promise.all(Array.from({ length: Math.min(jobs, tasks.length) }, lane))
  return results
}

/** @param {string} line */
const progress = (line) => process.stderr.write(`${line}\n`)

/** @param {ReturnType<typeof parseInstructionOptions>} options */
async function main(options) {
  const valgrind = options.smoke ? undefined : valgrindVersion()
  if (!options.smoke && valgrind === undefined) {
    progress(
      'valgrind is not installed: it counts the instructions. Install it (Debian/Ubuntu: `sudo apt-get install valgrind`), ' +
        'or run with --smoke to check the paths without counting.',
    )
    process.exit(2)
  }
  // Each profile is read as soon as its process ends, then deleted (a few MB each).
  const profiles = mkdtempSync(join(tmpdir(), 'bench-callgrind-'))
  const server = await startServerProcess(0, 0)
  progress(`loopback server at ${server.url}; ${options.smoke ? 'smoke run, nothing counted' : valgrind}`)
  const cases = INSTRUCTION_CASES.filter((c) => options.cases.includes(c.id))
  /** @type {{ caseId: string, warmup: string, runner: string, count: number, run: () => Promise<import('./instruction-report.mjs').Counted | null> }[]} */
  const plan = []
  for (const c of cases) {
    for (const warmupName of options.warmups) {
      const warmup = WARMUPS[warmupName]
      for (const runner of options.runners) {
        for (let sample = 0; sample < options.samples; sample++) {
          for (const count of [options.low, options.high]) {
            const config = {
              runner,
              url: server.url,
              username: BENCH_USER,
              token: BENCH_TOKEN,
              op: c.op,
              pageSize: c.pageSize ?? 0,
              warmup: options.smoke ? 2 : warmup,
              count,
              settleMs: options.smoke ? 0 : SETTLE_MS,
            }
            // One profile file per process (they run `--jobs` at a time).
            const outFile = join(profiles, `${plan.length}.out`)
            plan.push({
              caseId: c.id,
              warmup: warmupName,
              runner,
              count,
              run: async () => {
                const started = Date.now()
                const counted = await countOnce(config, options.smoke, outFile)
                const figure =
                  counted === null
                    ? 'ran'
                    : `${counted.total} instructions, ${counted.compile} in background compiles`
                progress(
                  `${c.id} ${warmupName} ${runner} x${count}: ${figure} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
                )
                return counted
              },
            })
          }
        }
      }
    }
  }
  progress(`${plan.length} processes, ${options.jobs} at a time`)
  let counts
  try {
    counts = await pool(
      plan.map((p) => p.run),
      options.jobs,
    )
  } finally {
    await server.stop()
    rmSync(profiles, { recursive: true, force: true })
  }
  const { perOp, samples, compilePerOp } = perOperation(plan, counts, options)
  const targets = options.smoke ? [] : evaluateInstructionTargets(perOp)
  const report = {
    mode: options.smoke ? 'smoke' : 'full',
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      valgrind,
    },
    nodeFlags: [HASH_SEED],
    settleMs: options.smoke ? 0 : SETTLE_MS,
    counts: { low: options.low, high: options.high },
    samples: options.samples,
    warmups: Object.fromEntries(options.warmups.map((name) => [name, WARMUPS[name]])),
    cases: cases.map((c) => ({
      id: c.id,
      title: c.title,
      perOp: perOp[c.id] ?? {},
      ...(options.smoke ? {} : { compilePerOp: compilePerOp[c.id] ?? {} }),
      ...(options.samples > 1 ? { samples: samples[c.id] ?? {} } : {}),
    })),
    targets,
  }
  mkdirSync(dirname(options.out), { recursive: true })
  writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`)
  process.stdout.write(`${formatInstructionTable(report)}\n`)
  progress(`results written to ${options.out}`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let options
  try {
    options = parseInstructionOptions(process.argv.slice(2))
  } catch (error) {
    progress(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`)
    process.exit(2)
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`)
  } else {
    await main(options)
  }
}

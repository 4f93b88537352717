#!/usr/bin/env node
// `pnpm bench`: runs every case through every runner against the loopback server, prints the table
// and the targets, and writes the results as JSON. See README.md for how to read them.

import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { OPTIONAL_RUNNERS, PAGING_CASE, PROCESS_CASES, REQUEST_CASES, REQUEST_RUNNERS } from './cases.mjs'
import { collectOutput } from './collect.mjs'
import { BENCH_TOKEN, BENCH_USER } from './fixtures.mjs'
import { processCommand, runProcess } from './processes.mjs'
import { formatTable, formatTargets } from './report.mjs'
import { startServerProcess } from './server-process.mjs'
import { addRatios, medians, processMedians } from './summary.mjs'
import { evaluateTargets } from './targets.mjs'

const here = dirname(fileURLToPath(import.meta.url))

/** @typedef {import('./targets.mjs').Metric} Metric */

/**
 * @typedef {object} RunnerResult
 * @property {string} runner
 * @property {'ok' | 'unavailable' | 'error'} status
 * @property {string} [reason]
 * @property {Record<string, number>[]} runs one entry per repetition (per process for process cases)
 * @property {Record<Metric, number> | null} median
 * @property {Record<Metric, number | null> | null} ratio to the case baseline
 * @property {number | null} rssDeltaMb peak RSS minus the baseline's
 */

/**
 * @typedef {object} CaseResult
 * @property {string} id
 * @property {string} title
 * @property {'requests' | 'paging' | 'process'} kind
 * @property {string} baseline
 * @property {Record<string, unknown>} sizes
 * @property {RunnerResult[]} runners
 */

const USAGE = `usage: node src/run.mjs [options]
  --smoke            a few hundred requests, 1 repetition: proves every path works (seconds)
  --reps N           repetitions of each in-process case (default 3, smoke 1)
  --only IDS         comma-separated case ids (${[...REQUEST_CASES, PAGING_CASE, ...PROCESS_CASES].map((c) => c.id).join(', ')})
  --runners NAMES    comma-separated runner names to keep (baselines are always kept)
  --out FILE         results JSON (default results/latest.json, smoke results/smoke.tmp.json)
  --profile DIR      run every measured process with --cpu-prof, profiles written to DIR
  --instructions     count instructions per request under valgrind instead (src/instructions.mjs --help)
  --help`

/** @param {string[]} argv */
function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      smoke: { type: 'boolean', default: false },
      reps: { type: 'string' },
      only: { type: 'string' },
      runners: { type: 'string' },
      out: { type: 'string' },
      profile: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  })
  const reps = values.reps === undefined ? (values.smoke ? 1 : 3) : Number(values.reps)
  if (!Number.isInteger(reps) || reps < 1)
    throw new Error(`--reps takes a whole number >= 1, got ${values.reps}`)
  const knownCases = [...REQUEST_CASES, PAGING_CASE, ...PROCESS_CASES].map((c) => c.id)
  const only = values.only?.split(',').filter(Boolean)
  const unknown = only?.filter((id) => !knownCases.includes(id))
  if (unknown?.length)
    throw new Error(`--only: unknown case ${unknown.join(', ')}; known cases: ${knownCases.join(', ')}`)
  const knownRunners = [...new Set([...REQUEST_RUNNERS, ...PROCESS_CASES.flatMap((c) => c.runners)])]
  const runners = values.runners?.split(',').filter(Boolean)
  const strangers = runners?.filter((name) => !knownRunners.includes(name))
  if (strangers?.length) {
    throw new Error(
      `--runners: unknown runner ${strangers.join(', ')}; known runners: ${knownRunners.join(', ')}`,
    )
  }
  const mode = values.smoke ? 'smoke' : 'full'
  return {
    help: values.help,
    mode: /** @type {'smoke' | 'full'} */ (mode),
    reps,
    only: only ? new Set(only) : undefined,
    runners: runners ? new Set(runners) : undefined,
    out: resolve(
      values.out ?? join(here, '..', 'results', mode === 'smoke' ? 'smoke.tmp.json' : 'latest.json'),
    ),
    profile: values.profile ? resolve(values.profile) : undefined,
  }
}

/** @param {string} line */
const progress = (line) => process.stderr.write(`${line}\n`)

/**
 * Runs one measurement in a fresh worker process.
 * @param {Record<string, unknown>} config
 * @param {string[]} nodeFlags
 * @returns {Promise<{ status: 'ok' | 'unavailable' | 'error', reason?: string, [figure: string]: any }>}
 */
async function runWorker(config, nodeFlags) {
  const env = { ...process.env }
  delete env.NODE_OPTIONS
  const { code, stdout, stderr } = await collectOutput(
    process.execPath,
    [...nodeFlags, join(here, 'worker.mjs'), JSON.stringify(config)],
    env,
  )
  const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '))
  if (line) return JSON.parse(line.slice('BENCH_RESULT '.length))
  return { status: 'error', reason: `worker exited with ${code} and no result: ${stderr.slice(0, 800)}` }
}

/** @param {unknown} error */
const message = (error) => (error instanceof Error ? error.message : String(error))

async function main() {
  const options = parseOptions(process.argv.slice(2))
  if (options.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const startedAt = Date.now()
  const loadAtStart = loadavg()
  const { mode, reps } = options
  const activities = PAGING_CASE.activities[mode]
  const warmupActivities = PAGING_CASE.warmupActivities[mode]
  const nodeFlags = options.profile ? ['--cpu-prof', `--cpu-prof-dir=${options.profile}`] : []
  /** @param {string} id */
  const wanted = (id) => !options.only || options.only.has(id)
  /** @param {string} runner @param {string} baseline */
  const keepRunner = (runner, baseline) =>
    !options.runners || runner === baseline || options.runners.has(runner)

  const server = await startServerProcess(activities, warmupActivities)
  progress(`loopback server at ${server.url} (${activities} activities); ${mode} run, ${reps} repetition(s)`)
  /** @type {CaseResult[]} */
  const results = []
  try {
    const inProcess = [...REQUEST_CASES, PAGING_CASE].filter((c) => wanted(c.id))
    for (const c of inProcess) {
      results.push({
        id: c.id,
        title: c.title,
        kind: c.kind,
        baseline: 'raw-http',
        sizes:
          c.kind === 'paging'
            ? { activities, warmupActivities, pageSize: c.pageSize }
            : { ...c.sizes[mode], concurrency: c.concurrency },
        runners: REQUEST_RUNNERS.filter((r) => keepRunner(r, 'raw-http')).map((runner) => ({
          runner,
          status: 'ok',
          runs: [],
          median: null,
          ratio: null,
          rssDeltaMb: null,
        })),
      })
    }
    // Repetitions are the outer loop, so a slow spell on a shared machine hits every runner alike.
    for (let rep = 1; rep <= reps; rep++) {
      for (const c of inProcess) {
        const result = /** @type {CaseResult} */ (results.find((r) => r.id === c.id))
        // Each repetition starts with a different runner, so none always runs first after a case switch.
        const shift = (rep - 1) % result.runners.length
        for (const r of [...result.runners.slice(shift), ...result.runners.slice(0, shift)]) {
          if (r.status !== 'ok') continue
          const task =
            c.kind === 'paging'
              ? { kind: 'paging', pageSize: c.pageSize, activities, warmupActivities }
              : { kind: 'requests', op: c.op, concurrency: c.concurrency, ...c.sizes[mode] }
          const outcome = await runWorker(
            { runner: r.runner, url: server.url, username: BENCH_USER, token: BENCH_TOKEN, task },
            nodeFlags,
          )
          if (outcome.status !== 'ok') {
            r.status = outcome.status
            r.reason = outcome.reason
            progress(`  ${c.id} ${r.runner}: ${outcome.status}: ${outcome.reason}`)
            continue
          }
          const { status: _status, ...figures } = outcome
          r.runs.push(figures)
          progress(
            `  rep ${rep}/${reps} ${c.id.padEnd(12)} ${r.runner.padEnd(9)} ` +
              `${figures.opsPerSec?.toFixed(0)} ops/s, ${figures.cpuUsPerOp?.toFixed(0)} us cpu/op`,
          )
        }
      }
    }
    for (const result of results) {
      for (const r of result.runners) if (r.status === 'ok') r.median = medians(r.runs)
      addRatios(result)
    }

    const env = { MAX_SERVER: server.url, MAX_USERNAME: BENCH_USER, MAX_TOKEN: BENCH_TOKEN }
    for (const c of PROCESS_CASES.filter((x) => wanted(x.id))) {
      /** @type {CaseResult} */
      const result = {
        id: c.id,
        title: c.title,
        kind: c.kind,
        baseline: c.baseline,
        sizes: { runs: c.runs[mode] },
        runners: [],
      }
      results.push(result)
      /** @type {Map<RunnerResult, import('./processes.mjs').ProcessCommand>} */
      const commands = new Map()
      for (const runner of c.runners.filter((r) => keepRunner(r, c.baseline))) {
        /** @type {RunnerResult} */
        const r = { runner, status: 'ok', runs: [], median: null, ratio: null, rssDeltaMb: null }
        result.runners.push(r)
        const spec = processCommand(c.id, runner, BENCH_USER, mode)
        if ('unavailable' in spec) {
          r.status = 'unavailable'
          r.reason = spec.unavailable
          progress(`  ${c.id} ${runner}: unavailable: ${spec.unavailable}`)
          continue
        }
        spec.args.unshift(...(spec.command === process.execPath ? nodeFlags : []))
        commands.set(r, spec)
        // A full run starts with one unmeasured run per command, to warm the file cache alike.
        if (mode === 'smoke') continue
        try {
          await runProcess(spec, env)
        } catch (error) {
          r.status = 'error'
          r.reason = message(error)
        }
      }
      for (let run = 1; run <= c.runs[mode]; run++) {
        for (const [r, spec] of commands) {
          if (r.status !== 'ok') continue
          try {
            r.runs.push({ ...(await runProcess(spec, env)) })
          } catch (error) {
            r.status = 'error'
            r.reason = message(error)
          }
        }
      }
      for (const r of result.runners)
        if (r.status === 'error') progress(`  ${c.id} ${r.runner}: error: ${r.reason}`)
      for (const r of result.runners) {
        if (r.status === 'ok') {
          r.median = processMedians(/** @type {any} */ (r.runs))
          progress(
            `  ${c.id} ${r.runner}: ${r.median.wallMs.toFixed(1)} ms median over ${r.runs.length} runs`,
          )
        }
      }
      addRatios(result)
    }
  } finally {
    await server.stop()
  }

  const targets = evaluateTargets(results)
  const report = {
    schema: 1,
    mode,
    generatedAt: new Date(startedAt).toISOString(),
    durationMs: Date.now() - startedAt,
    machine: {
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: loadavg(),
    },
    repetitions: reps,
    cases: results,
    targets,
  }
  mkdirSync(dirname(options.out), { recursive: true })
  writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`)

  process.stdout.write(
    `\nmaxclient bench (${mode}, node ${process.version}, ${cpus().length} cpus, load average ${loadAtStart[0]?.toFixed(1)} at start, ` +
      `median of ${reps} repetition(s); ` +
      `x = ratio to the case baseline from this run)\n\n${formatTable(results)}\n\ntargets\n${formatTargets(targets)}\n\n` +
      `results written to ${options.out}\n`,
  )
  const broken = results.flatMap((c) =>
    c.runners
      .filter((r) => r.status !== 'ok' && !OPTIONAL_RUNNERS.has(r.runner))
      .map((r) => `${c.id}/${r.runner}`),
  )
  if (broken.length > 0) {
    progress(`not measured: ${broken.join(', ')}`)
    return 1
  }
  return 0
}

const argv = process.argv.slice(2)
if (argv.includes('--instructions')) {
  // The instruction count is its own script; `pnpm bench --instructions ...` hands the rest over.
  const counted = spawnSync(
    process.execPath,
    [join(here, 'instructions.mjs'), ...argv.filter((arg) => arg !== '--instructions')],
    { stdio: 'inherit' },
  )
  process.exit(counted.status ?? 1)
}

try {
  process.exitCode = await main()
} catch (error) {
  progress(`bench: ${message(error)}\n${USAGE}`)
  process.exitCode = 2
}

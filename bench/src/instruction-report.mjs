// What the instruction count measures and what it must show (issue 17), and its table.

import { median } from './stats.mjs'

/** Runners counted by default, the floor first. `rest-undici` is rest over core's optional undici transport. */
export const INSTRUCTION_RUNNERS = ['raw-http', 'undici', 'rest', 'rpc', 'rest-undici']

/**
 * Warm-up operations before the counted ones. After the long one V8 has optimised every path; the
 * short one is what a short-lived process or a burst after idling sees.
 * @type {Record<string, number>}
 */
export const WARMUPS = { long: 1000, short: 200 }

/**
 * @typedef {object} InstructionCase
 * @property {string} id
 * @property {string} title
 * @property {'getPerson' | 'postActivity' | 'page'} op
 * @property {number} [pageSize]
 */

/** @type {InstructionCase[]} */
export const INSTRUCTION_CASES = [
  { id: 'get', title: 'GET /people/{username} (~600-byte person)', op: 'getPerson' },
  {
    id: 'post',
    title: 'POST 1 KB /people/{username}/activities (defaults + key expansion)',
    op: 'postActivity',
  },
  // Pages of 20 (~20 KB) keep the run short under valgrind and the client's share of a page visible.
  {
    id: 'page',
    title: 'one page of 20 activities through .iterate() (before cursor)',
    op: 'page',
    pageSize: 20,
  },
]

/**
 * @typedef {object} InstructionTarget
 * @property {string} id
 * @property {string} title
 * @property {string} runner
 * @property {string} warmup
 * @property {string} [against] runner the ratio divides by (default raw-http)
 * @property {number} max largest ratio allowed
 */

/** @type {InstructionTarget[]} */
export const INSTRUCTION_TARGETS = [
  ...['rest', 'rpc'].flatMap((runner) => [
    { id: `${runner}-long`, title: `${runner} after the long warm-up`, runner, warmup: 'long', max: 1.1 },
    { id: `${runner}-short`, title: `${runner} after the short warm-up`, runner, warmup: 'short', max: 1.25 },
  ]),
  ...['long', 'short'].map((warmup) => ({
    id: `rpc-vs-rest-${warmup}`,
    title: `rpc no heavier than rest (${warmup} warm-up)`,
    runner: 'rpc',
    warmup,
    against: 'rest',
    max: 1,
  })),
  {
    id: 'rest-undici-long',
    title: 'rest over the undici transport beats raw node:http',
    runner: 'rest-undici',
    warmup: 'long',
    max: 1,
  },
]

/**
 * @typedef {Record<string, Record<string, Record<string, number | null>>>} PerOp
 *   case id -> warm-up -> runner -> instructions per operation
 */

/**
 * What one counted process executed: its total, and the part V8's background compiler threads did.
 * @typedef {{ total: number, compile: number }} Counted
 */

/**
 * Instructions per operation of every cell, from the counts of its runs: each sample is a run of
 * `low` counted operations then one of `high`, in that order, and a cell's `samples` pairs follow
 * each other. A cell's figure is the median of its samples, or null when any run failed; so is
 * `compilePerOp`, the part of it V8's background compiler threads did.
 * @param {readonly { caseId: string, warmup: string, runner: string }[]} plan one entry per run
 * @param {readonly (Counted | null | undefined)[]} counts each run's counts, in plan order
 * @param {{ samples: number, low: number, high: number }} shape
 */
export function perOperation(plan, counts, { samples, low, high }) {
  /** @type {PerOp} */
  const perOp = {}
  /** @type {PerOp} */
  const compilePerOp = {}
  /** Every sample's figure per cell. @type {Record<string, Record<string, Record<string, (number | null)[]>>>} */
  const figuresOf = {}
  const cell = 2 * samples
  /** @param {(number | null)[]} figures */
  const medianOf = (figures) => {
    const counted = /** @type {number[]} */ (figures.filter((figure) => figure !== null))
    return counted.length === figures.length ? Math.round(median(counted)) : null
  }
  for (let i = 0; i < plan.length; i += cell) {
    const { caseId, warmup, runner } = /** @type {(typeof plan)[number]} */ (plan[i])
    /** @type {(number | null)[]} */
    const figures = []
    /** @type {(number | null)[]} */
    const compiles = []
    for (let j = i; j < i + cell; j += 2) {
      const lowCount = counts[j] ?? null
      const highCount = counts[j + 1] ?? null
      const failed = lowCount === null || highCount === null
      figures.push(failed ? null : Math.round((highCount.total - lowCount.total) / (high - low)))
      compiles.push(failed ? null : Math.round((highCount.compile - lowCount.compile) / (high - low)))
    }
    perOp[caseId] ??= {}
    perOp[caseId][warmup] ??= {}
    perOp[caseId][warmup][runner] = medianOf(figures)
    compilePerOp[caseId] ??= {}
    compilePerOp[caseId][warmup] ??= {}
    compilePerOp[caseId][warmup][runner] = medianOf(compiles)
    figuresOf[caseId] ??= {}
    figuresOf[caseId][warmup] ??= {}
    figuresOf[caseId][warmup][runner] = figures
  }
  return { perOp, samples: figuresOf, compilePerOp }
}

/**
 * Judges every target on every case where both runners were counted.
 * @param {PerOp} perOp
 */
export function evaluateInstructionTargets(perOp) {
  const verdicts = []
  for (const target of INSTRUCTION_TARGETS) {
    for (const [caseId, byWarmup] of Object.entries(perOp)) {
      const counts = byWarmup[target.warmup]
      const value = counts?.[target.runner]
      const base = counts?.[target.against ?? 'raw-http']
      if (value === undefined || value === null || base === undefined || base === null) continue
      const ratio = value / base
      verdicts.push({
        id: `${target.id}-${caseId}`,
        title: `${caseId}: ${target.title}`,
        ratio: Math.round(ratio * 1000) / 1000,
        max: target.max,
        verdict: ratio <= target.max ? 'met' : 'missed',
      })
    }
  }
  return verdicts
}

/**
 * Instructions per operation without the background compiles, or null when a figure is missing.
 * @param {number | null | undefined} value
 * @param {number | null | undefined} compile
 */
function withoutCompile(value, compile) {
  return value === null || value === undefined || compile === null || compile === undefined
    ? null
    : value - compile
}

/** @param {number | null} value @param {number | null | undefined} base */
function ratioText(value, base) {
  return value === null || base === null || base === undefined ? '-' : `${(value / base).toFixed(2)}x`
}

/**
 * The table: one row per case, warm-up and runner, with its ratio to raw node:http; where the
 * background compiles were counted, their share and the ratio without them; then rpc against rest
 * both ways, and the targets (judged on the totals).
 * @param {{ mode: string, cases: { id: string, perOp: Record<string, Record<string, number | null>>,
 *   compilePerOp?: Record<string, Record<string, number | null>>,
 *   samples?: Record<string, Record<string, (number | null)[]>> }[],
 *   targets: { title: string, ratio: number, max: number, verdict: string }[] }} report
 */
export function formatInstructionTable(report) {
  const split = report.cases.some((c) => c.compilePerOp !== undefined)
  const head = `${'case'.padEnd(6)} ${'warm-up'.padEnd(8)} ${'runner'.padEnd(12)} ${'instr/op'.padStart(10)} ${'x raw'.padStart(7)}`
  const lines = [split ? `${head} ${'compile/op'.padStart(11)} ${'x raw w/o'.padStart(10)}` : head]
  /** @type {string[]} */
  const rpcAgainstRest = []
  for (const c of report.cases) {
    for (const [warmup, byRunner] of Object.entries(c.perOp ?? {})) {
      const base = byRunner['raw-http']
      const compiles = c.compilePerOp?.[warmup] ?? {}
      const baseWithout = withoutCompile(base, compiles['raw-http'])
      for (const [runner, value] of Object.entries(byRunner)) {
        const count = value === null ? '-' : String(value)
        let row = `${c.id.padEnd(6)} ${warmup.padEnd(8)} ${runner.padEnd(12)} ${count.padStart(10)} ${ratioText(value, base).padStart(7)}`
        if (split) {
          const compile = compiles[runner]
          const shown = compile === null || compile === undefined ? '-' : String(compile)
          row += ` ${shown.padStart(11)} ${ratioText(withoutCompile(value, compile), baseWithout).padStart(10)}`
        }
        // With several samples (`--samples`), the median is reported and the spread shown beside it.
        const figures = c.samples?.[warmup]?.[runner]?.filter((figure) => figure !== null) ?? []
        if (figures.length > 1) row += `  ${Math.min(...figures)}-${Math.max(...figures)}`
        lines.push(row)
      }
      if (split && byRunner.rpc !== undefined && byRunner.rest !== undefined) {
        const total = ratioText(byRunner.rpc, byRunner.rest)
        const without = ratioText(
          withoutCompile(byRunner.rpc, compiles.rpc),
          withoutCompile(byRunner.rest, compiles.rest),
        )
        rpcAgainstRest.push(
          `${c.id.padEnd(6)} ${warmup.padEnd(8)} ${total.padStart(7)} ${without.padStart(11)}`,
        )
      }
    }
  }
  if (rpcAgainstRest.length > 0) {
    const columns = `${'case'.padEnd(6)} ${'warm-up'.padEnd(8)} ${'total'.padStart(7)} ${'w/o compile'.padStart(11)}`
    lines.push('', 'rpc against rest', columns, ...rpcAgainstRest)
  }
  if (report.targets.length > 0) {
    lines.push('', 'targets (on the totals)')
    for (const t of report.targets) {
      lines.push(`${t.verdict.padEnd(7)} ${t.title}: ${t.ratio.toFixed(2)}x (target <= ${t.max})`)
    }
  }
  return lines.join('\n')
}

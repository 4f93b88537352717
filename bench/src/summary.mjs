// Turns the repetitions of each runner into the figures the table shows: medians, and ratios to the
// case baseline.

import { median, percentile, ratio } from './stats.mjs'

/** The figures every runner reports, in table order. */
export const METRICS = /** @type {const} */ (['opsPerSec', 'cpuUsPerOp', 'p50Ms', 'p99Ms', 'wallMs', 'rssMb'])

/** @typedef {import('./targets.mjs').Metric} Metric */
/** @typedef {import('./run.mjs').CaseResult} CaseResult */

/**
 * Median of every figure over the runs.
 * @param {Record<string, number>[]} runs
 * @returns {Record<Metric, number>}
 */
export function medians(runs) {
  return /** @type {Record<Metric, number>} */ (
    Object.fromEntries(METRICS.map((m) => [m, median(runs.map((run) => /** @type {number} */ (run[m])))]))
  )
}

/**
 * Process runs have one wall time each: their latency percentiles are over the runs.
 * @param {import('./processes.mjs').ProcessRun[]} runs
 * @returns {Record<Metric, number>}
 */
export function processMedians(runs) {
  const walls = runs.map((r) => r.wallMs)
  const wallMs = median(walls)
  return {
    opsPerSec: 1000 / wallMs,
    cpuUsPerOp: median(runs.map((r) => r.cpuUs)),
    p50Ms: wallMs,
    p99Ms: percentile(walls, 99),
    wallMs,
    rssMb: median(runs.map((r) => r.rssMb)),
  }
}

/**
 * Ratios to the baseline. In-process cases pair each repetition with the baseline's repetition (they
 * ran moments apart) and take the median of those ratios, so load that drifts between repetitions
 * cancels out; process cases, whose runs interleave one by one, divide the medians.
 * @param {CaseResult} result
 */
export function addRatios(result) {
  const baseline = result.runners.find((r) => r.runner === result.baseline)
  const base = baseline?.median ?? null
  for (const r of result.runners) {
    if (!r.median) continue
    const m = r.median
    const paired = result.kind !== 'process' && baseline?.median && baseline.runs.length === r.runs.length
    /** @param {(run: Record<string, number>, baseRun: Record<string, number>) => number | null} f */
    const overPairs = (f) => {
      const values = r.runs
        .map((run, i) => f(run, /** @type {Record<string, number>} */ (baseline?.runs[i])))
        .filter((v) => v !== null)
      return values.length > 0 ? median(values) : null
    }
    r.ratio = /** @type {Record<Metric, number | null>} */ (
      Object.fromEntries(
        METRICS.map((k) => [k, paired ? overPairs((run, b) => ratio(run[k], b[k])) : ratio(m[k], base?.[k])]),
      )
    )
    r.rssDeltaMb = paired
      ? overPairs((run, b) => (run.rssMb ?? 0) - (b.rssMb ?? 0))
      : base
        ? m.rssMb - base.rssMb
        : null
  }
}

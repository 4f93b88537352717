// Turns the summarised results into the stdout table.

/**
 * @param {number | null | undefined} value
 * @param {number} digits
 */
const num = (value, digits) => (value == null || !Number.isFinite(value) ? '-' : value.toFixed(digits))
/** @param {number | null | undefined} value */
const times = (value) => (value == null ? '-' : `${value.toFixed(2)}x`)
/** @param {number | null | undefined} value */
const signedMb = (value) => (value == null ? '-' : `${value >= 0 ? '+' : ''}${value.toFixed(1)}`)

/**
 * @typedef {import('./run.mjs').CaseResult} CaseResult
 */

/**
 * Pads the cells into aligned columns: text left, numbers right. Rows of fewer cells (a runner that
 * did not run, with its reason) only share the first two columns.
 * @param {string[][]} rows first row is the header
 */
function columns(rows) {
  const full = rows.filter((row) => row.length > 3)
  const widths = (rows[0] ?? []).map((_, i) =>
    Math.max(...(i < 2 ? rows : full).map((row) => (row[i] ?? '').length)),
  )
  return rows.map((row) =>
    row
      .map((cell, i) =>
        i < 2 || row.length <= 3 ? cell.padEnd(i < 2 ? (widths[i] ?? 0) : 0) : cell.padStart(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd(),
  )
}

/**
 * The results table: one row per case and runner, absolute medians and ratios to the case baseline.
 * @param {CaseResult[]} cases
 */
export function formatTable(cases) {
  /** @type {string[][]} */
  const rows = [
    [
      'case',
      'runner',
      'ops/s',
      'x',
      'cpu us/op',
      'x',
      'p50 ms',
      'x',
      'p99 ms',
      'x',
      'wall ms',
      'x',
      'rss MB',
      'd MB',
    ],
  ]
  for (const c of cases) {
    for (const r of c.runners) {
      if (r.status !== 'ok' || !r.median || !r.ratio) {
        rows.push([c.id, r.runner, `${r.status}: ${(r.reason ?? '').split('\n')[0]?.slice(0, 90)}`])
        continue
      }
      const m = r.median
      rows.push([
        c.id,
        r.runner,
        num(m.opsPerSec, 0),
        times(r.ratio.opsPerSec),
        num(m.cpuUsPerOp, 0),
        times(r.ratio.cpuUsPerOp),
        num(m.p50Ms, 3),
        times(r.ratio.p50Ms),
        num(m.p99Ms, 3),
        times(r.ratio.p99Ms),
        num(m.wallMs, 0),
        times(r.ratio.wallMs),
        num(m.rssMb, 1),
        signedMb(r.rssDeltaMb),
      ])
    }
  }
  return columns(rows).join('\n')
}

/**
 * @param {import('./targets.mjs').TargetResult[]} targets
 */
export function formatTargets(targets) {
  return targets
    .map((t) => {
      const value =
        t.value === null ? '-' : t.id.endsWith('rss') ? `${t.value.toFixed(1)} MB` : `${t.value.toFixed(2)}x`
      return `${t.verdict.padEnd(12)} ${t.description}: ${value} (target ${t.limit})${t.note ? ` [${t.note}]` : ''}`
    })
    .join('\n')
}

// Small statistics helpers. Kept separate so the tests can check them without running a benchmark.

/**
 * Median of the numbers (the mean of the two middle values for an even count).
 * @param {readonly number[]} values
 */
export function median(values) {
  if (values.length === 0) throw new RangeError('median of no values: pass at least one number')
  const sorted = Float64Array.from(values).sort()
  const mid = sorted.length >> 1
  const upper = sorted[mid] ?? Number.NaN
  const lower = sorted[mid - 1] ?? upper
  return sorted.length % 2 === 1 ? upper : (lower + upper) / 2
}

/**
 * Nearest-rank percentile: the smallest value with at least `p` percent of the values at or below it.
 * @param {ArrayLike<number>} values
 * @param {number} p between 0 (exclusive) and 100
 */
export function percentile(values, p) {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`)
  if (values.length === 0) throw new RangeError('percentile of no values: pass at least one number')
  const sorted = Float64Array.from(values).sort()
  const rank = Math.ceil((p / 100) * sorted.length)
  return /** @type {number} */ (sorted[rank - 1])
}

/**
 * `value / baseline`, or null when there is no baseline to compare with.
 * @param {number | null | undefined} value
 * @param {number | null | undefined} baseline
 * @returns {number | null}
 */
export function ratio(value, baseline) {
  if (value == null || baseline == null || baseline === 0) return null
  return value / baseline
}

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { median, percentile, ratio } from '../src/stats.mjs'

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([7])).toBe(7)
  })

  it('does not reorder the caller array', () => {
    const values = [3, 1, 2]
    median(values)
    expect(values).toEqual([3, 1, 2])
  })

  it('refuses an empty list instead of answering NaN', () => {
    expect(() => median([])).toThrow(/at least one number/)
  })
})

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i)
    expect(percentile(values, 50)).toBe(50)
    expect(percentile(values, 99)).toBe(99)
    expect(percentile(values, 100)).toBe(100)
    expect(percentile([5], 99)).toBe(5)
  })

  it('always answers one of the values, monotonic in p', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1 }),
        (values) => {
          const p50 = percentile(values, 50)
          const p99 = percentile(values, 99)
          expect(values.some((v) => Object.is(v, p50) || v === p50)).toBe(true)
          expect(p99).toBeGreaterThanOrEqual(p50)
        },
      ),
    )
  })

  it('rejects a p outside (0, 100] and empty input', () => {
    expect(() => percentile([1], 0)).toThrow(/\(0, 100\]/)
    expect(() => percentile([1], 101)).toThrow(/\(0, 100\]/)
    expect(() => percentile([], 50)).toThrow(/at least one number/)
  })
})

describe('ratio', () => {
  it('divides, and gives null when there is nothing to compare with', () => {
    expect(ratio(3, 2)).toBe(1.5)
    expect(ratio(3, 0)).toBeNull()
    expect(ratio(3, null)).toBeNull()
    expect(ratio(undefined, 2)).toBeNull()
  })
})

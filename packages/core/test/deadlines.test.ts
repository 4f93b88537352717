import { afterEach, describe, expect, it, vi } from 'vitest'
import { Deadlines } from '../src/deadlines.js'

afterEach(() => {
  vi.useRealTimers()
})

const fake = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'hrtime'] })

describe('Deadlines', () => {
  it('expires each entry at its own deadline, oldest first, with one timer per length', () => {
    fake()
    const deadlines = new Deadlines()
    const expired: string[] = []
    deadlines.start(100, () => expired.push('a'))
    vi.advanceTimersByTime(30)
    deadlines.start(100, () => expired.push('b'))
    vi.advanceTimersByTime(30)
    deadlines.start(100, () => expired.push('c'))
    expect(vi.getTimerCount()).toBe(1)
    vi.advanceTimersByTime(39)
    expect(expired).toEqual([])
    vi.advanceTimersByTime(1)
    expect(expired).toEqual(['a'])
    vi.advanceTimersByTime(29)
    expect(expired).toEqual(['a'])
    vi.advanceTimersByTime(1)
    expect(expired).toEqual(['a', 'b'])
    vi.advanceTimersByTime(30)
    expect(expired).toEqual(['a', 'b', 'c'])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('never expires a cancelled entry, wherever it is in its list', () => {
    fake()
    const deadlines = new Deadlines()
    const expired: string[] = []
    const a = deadlines.start(50, () => expired.push('a'))
    const b = deadlines.start(50, () => expired.push('b'))
    const c = deadlines.start(50, () => expired.push('c'))
    deadlines.cancel(b)
    deadlines.cancel(a)
    deadlines.cancel(a)
    vi.advanceTimersByTime(50)
    expect(expired).toEqual(['c'])
    deadlines.cancel(c)
    expect(expired).toEqual(['c'])
  })

  it('never expires an entry that an earlier expiry ended (both due at the same time)', () => {
    fake()
    const deadlines = new Deadlines()
    const expired: string[] = []
    let b: ReturnType<Deadlines['start']> | undefined
    deadlines.start(50, () => {
      expired.push('a')
      deadlines.cancel(b!)
    })
    b = deadlines.start(50, () => expired.push('b'))
    deadlines.start(50, () => expired.push('c'))
    vi.advanceTimersByTime(50)
    expect(expired).toEqual(['a', 'c'])
  })

  it('keeps lengths apart: a short timeout started later expires first', () => {
    fake()
    const deadlines = new Deadlines()
    const expired: string[] = []
    deadlines.start(1000, () => expired.push('long'))
    deadlines.start(10, () => expired.push('short'))
    vi.advanceTimersByTime(10)
    expect(expired).toEqual(['short'])
    vi.advanceTimersByTime(990)
    expect(expired).toEqual(['short', 'long'])
  })

  it('re-arms for an entry started after its list went idle (the kept timer fires early, finds it not due)', () => {
    fake()
    const deadlines = new Deadlines()
    const expired: number[] = []
    deadlines.cancel(deadlines.start(100, () => expired.push(1)))
    vi.advanceTimersByTime(60)
    deadlines.start(100, () => expired.push(2))
    vi.advanceTimersByTime(99)
    expect(expired).toEqual([])
    vi.advanceTimersByTime(1)
    expect(expired).toEqual([2])
  })

  it('gives lengths beyond its list limit a timer each, still cancellable', () => {
    fake()
    const deadlines = new Deadlines()
    const expired: number[] = []
    const entries = Array.from({ length: 40 }, (_, i) => deadlines.start(10 + i, () => expired.push(10 + i)))
    for (const entry of entries.slice(20)) deadlines.cancel(entry)
    vi.advanceTimersByTime(100)
    expect(expired).toEqual(Array.from({ length: 20 }, (_, i) => 10 + i))
  })

  it('never keeps the process alive by itself (the requests it guards do)', () => {
    const timers = () =>
      (process as unknown as { getActiveResourcesInfo(): string[] })
        .getActiveResourcesInfo()
        .filter((name) => name === 'Timeout').length
    const before = timers()
    const deadlines = new Deadlines()
    const entry = deadlines.start(60_000, () => {})
    const lone = Array.from({ length: 20 }, (_, i) => deadlines.start(1000 + i, () => {}))
    expect(timers()).toBe(before)
    deadlines.cancel(entry)
    for (const other of lone) deadlines.cancel(other)
  })
})

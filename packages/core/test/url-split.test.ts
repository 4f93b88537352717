import { describe, expect, it } from 'vitest'
import { pathStartOf, sliceOf } from '../src/http-common.js'

describe('splitting a request URL into origin and path', () => {
  it('finds the path after the authority, or -1 when there is none', () => {
    expect(pathStartOf('http://127.0.0.1:8080/people/alice?limit=2')).toBe(21)
    expect(pathStartOf('https://max.example.org/')).toBe(23)
    expect(pathStartOf('http://[::1]:8080/people')).toBe(17)
    expect(pathStartOf('https://max.example.org')).toBe(-1)
  })

  it('cuts the same text from a concatenated string as from a flat one', () => {
    const base = 'http://127.0.0.1:8080'
    for (const path of ['/people/alice', '/contexts/ab%2Fcd/activities?limit=5', '/']) {
      const joined = base + path
      const flat = `${base}${path}`.split('').join('')
      const slash = pathStartOf(joined)
      expect(slash).toBe(base.length)
      expect(pathStartOf(flat)).toBe(slash)
      expect(sliceOf(joined, 0, slash)).toBe(base)
      expect(sliceOf(joined, slash)).toBe(path)
      expect(sliceOf(flat, slash)).toBe(path)
    }
  })
})

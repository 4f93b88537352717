import { describe, expect, it } from 'vitest'
import { editDistance, nearestPaths, pathDistance } from '../../src/suggest.js'

const patterns = [
  '/people',
  '/people/{username}',
  '/people/{username}/activities',
  '/people/{username}/timeline',
  '/contexts/{hash}/activities',
  '/activities/{activity}/comments',
]

describe('suggestions', () => {
  it('computes edit distances', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
  })

  it('lets variables match any segment', () => {
    expect(pathDistance('/people/bob/activities', '/people/{username}/activities')).toBe(0)
    expect(pathDistance('/people/bob/activites', '/people/{username}/activities')).toBe(1)
  })

  it("suggests the nearest paths filled with the user's own values", () => {
    expect(nearestPaths('/people/bob/activites', patterns)[0]).toBe('/people/bob/activities')
    expect(nearestPaths('/peopel/bob', patterns)[0]).toBe('/people/bob')
    expect(nearestPaths('/contexts/abc/activity', patterns)[0]).toBe('/contexts/abc/activities')
  })

  it('suggests nothing for something unrelated', () => {
    expect(nearestPaths('/zzzzzzzz/qqqqqqq/wwwwwww', patterns)).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { formatResult, formatTable, parseFields, pick, selectFields } from '../../src/output.js'

describe('output', () => {
  it('prints JSON with only the requested fields, keyed by their paths', () => {
    const text = formatResult([{ username: 'a', actor: { username: 'x' }, other: 1 }], {
      json: true,
      fields: ['username', 'actor.username', 'missing'],
    })
    expect(JSON.parse(text)).toEqual([{ username: 'a', 'actor.username': 'x', missing: null }])
  })

  it('prints a table with the default columns present in the rows', () => {
    const text = formatResult(
      [
        { username: 'alice', displayName: 'Alice', id: '1' },
        { username: 'bob', id: '2' },
      ],
      { json: false, defaultColumns: ['username', 'displayName', 'published'] },
    )
    expect(text).toBe('USERNAME  DISPLAYNAME\nalice     Alice\nbob\n')
  })

  it('prints objects as key/value lines and empty lists as a note', () => {
    expect(formatResult({ a: 1, b: ['x', 'y'] }, { json: false })).toBe('a  1\nb  x, y\n')
    expect(formatResult([], { json: false })).toBe('(no results)\n')
  })

  it('cuts long cells and flattens whitespace in tables', () => {
    const table = formatTable([{ text: `line\none ${'x'.repeat(80)}` }], ['text'])
    const row = table.split('\n')[1]!
    expect(row.startsWith('line one')).toBe(true)
    expect(row.length).toBe(60)
  })

  it('refuses empty or prototype field names', () => {
    expect(parseFields('a, b.c')).toEqual(['a', 'b.c'])
    expect(() => parseFields(' , ')).toThrow(/at least one field/)
    expect(() => parseFields('__proto__.x')).toThrow(/Invalid field/)
  })

  it('reads only own properties', () => {
    expect(pick({}, 'constructor')).toBeUndefined()
    expect(selectFields({ a: { b: 2 } }, ['a.b'])).toEqual({ 'a.b': 2 })
  })
})

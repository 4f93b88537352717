import { describe, expect, it } from 'vitest'
import { checkFields, formatResult, formatTable, parseFields, pick, selectFields } from '../../src/output.js'

describe('output', () => {
  it('prints JSON with only the requested fields, keyed by their paths', () => {
    const text = formatResult([{ username: 'a', actor: { username: 'x' }, other: 1 }], {
      format: 'json',
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
      { format: 'table', defaultColumns: ['username', 'displayName', 'published'] },
    )
    expect(text).toBe('USERNAME  DISPLAYNAME\nalice     Alice\nbob\n')
  })

  it('prints objects as key/value lines and empty lists as a note', () => {
    expect(formatResult({ a: 1, b: ['x', 'y'] }, { format: 'table' })).toBe('a  1\nb  x, y\n')
    expect(formatResult([], { format: 'table' })).toBe('(no results)\n')
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

  it('fails on a field that none of the results has, listing the valid ones', () => {
    const rows = [{ username: 'a', actor: { username: 'x' }, tags: null }]
    expect(() => checkFields(rows, ['username', 'actor.username', 'tags'])).not.toThrow()
    expect(() => checkFields(rows, ['usrname'])).toThrow(
      /Unknown field "usrname" in --fields. Valid fields:\n {2}actor\n {2}actor.username\n {2}tags\n {2}username/,
    )
  })

  it('writes CSV that quotes commas, quotes and newlines, and joins lists with commas', () => {
    const text = formatResult(
      [{ url: 'u', displayName: 'A, "B"', tags: ['x', 'y'], owner: { username: 'bob' } }],
      {
        format: 'csv',
        fields: ['url', 'displayName', 'tags', 'owner'],
      },
    )
    expect(text).toBe('url,displayName,tags,owner\nu,"A, ""B""","x,y",bob\n')
  })

  it('writes JSON Lines one item per line', () => {
    expect(formatResult([{ a: 1 }, { a: 2 }], { format: 'jsonl' })).toBe('{"a":1}\n{"a":2}\n')
  })
})

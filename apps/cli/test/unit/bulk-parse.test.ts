import { createHash } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  detectFormat,
  parseBulk,
  parseCsv,
  parseJsonLines,
  rowParser,
  splitCsv,
} from '../../src/bulk/parse.js'
import { BulkSource } from '../../src/bulk/source.js'
import { planRow } from '../../src/operations.js'

describe('CSV', () => {
  it('reads quoted cells with commas, doubled quotes and newlines, keeping start line numbers', () => {
    const records = splitCsv('op,content\r\nactivity.post,"a, ""b""\nc"\nactivity.post,d\n')
    expect(records).toEqual([
      { line: 1, cells: ['op', 'content'] },
      { line: 2, cells: ['activity.post', 'a, "b"\nc'] },
      { line: 4, cells: ['activity.post', 'd'] },
    ])
  })

  it('maps cells to the header, empty cells being absent, and reports bad rows by line', () => {
    const rows = parseCsv('op,username,displayName\nuser.add,alice,\nuser.add,bob\n\nuser.add,"x"y,z\n')
    expect(rows[0]).toEqual({
      line: 2,
      values: { op: 'user.add', username: 'alice', displayName: undefined },
    })
    expect(rows[1]).toEqual({ line: 3, error: 'has 2 cells, the header has 3 (op,username,displayName)' })
    expect(rows[2]!.line).toBe(5)
    expect(rows[2]!.error).toMatch(/after a closing quote/)
  })

  it('needs an op column and sane header names', () => {
    expect(() => parseCsv('username\nalice\n')).toThrow(/needs an "op" column/)
    expect(() => parseCsv('op,__proto__\nuser.add,x\n')).toThrow(/invalid column name "__proto__"/)
    expect(() => parseCsv('op,op\nuser.add,x\n')).toThrow(/repeats the column "op"/)
  })

  it('reports an unclosed quote', () => {
    expect(parseCsv('op,username\nuser.add,"alice\n')[0]).toEqual({
      line: 2,
      error: 'a quoted cell is never closed',
    })
  })
})

describe('JSON Lines', () => {
  it('skips blank and # lines and reports malformed ones with their line', () => {
    const rows = parseJsonLines(
      '# people\n{"op":"user.add","username":"a"}\n\n{"op":\n[1]\n{"__proto__":{"x":1}}\n',
    )
    expect(rows[0]).toEqual({ line: 2, values: { op: 'user.add', username: 'a' } })
    expect(rows[1]!.line).toBe(4)
    expect(rows[1]!.error).toMatch(/not valid JSON/)
    expect(rows[2]).toEqual({
      line: 5,
      error: 'expected a JSON object such as {"op":"user.add","username":"alice"}',
    })
    expect(rows[3]).toEqual({ line: 6, error: 'field name "__proto__" is not allowed' })
  })

  it('detects the format from --format, the extension, then the content', () => {
    expect(detectFormat('x.csv', '{', undefined)).toBe('csv')
    expect(detectFormat('x.ndjson', 'op', undefined)).toBe('jsonl')
    expect(detectFormat('x.txt', ' {"op":1}', undefined)).toBe('jsonl')
    expect(detectFormat('x.txt', 'op,username', undefined)).toBe('csv')
    expect(() => detectFormat('x', '', 'xml')).toThrow(/use csv or jsonl/)
  })
})

describe('planRow', () => {
  it('turns each operation into its endpoint call', () => {
    expect(planRow({ op: 'user.add', username: 'alice', displayName: 'Alice' }).call).toEqual({
      method: 'POST',
      pattern: '/people',
      params: {},
      input: { username: 'alice', displayName: 'Alice' },
    })
    expect(planRow({ op: 'subscribe', username: 'alice', context: 'https://x/team' }).call).toEqual({
      method: 'POST',
      pattern: '/contexts/{hash}/subscriptions',
      params: { hash: 'https://x/team' },
      input: { actor: { objectType: 'person', username: 'alice' } },
    })
    expect(planRow({ op: 'role.grant', role: 'Manager', username: 'bob' }).call).toEqual({
      method: 'POST',
      pattern: '/admin/security/roles/{role}/users/{user}',
      params: { role: 'Manager', user: 'bob' },
    })
    expect(planRow({ op: 'context.add', url: 'https://x/t', tags: 'a, b' }).call.input).toEqual({
      url: 'https://x/t',
      tags: ['a', 'b'],
    })
    expect(planRow({ op: 'activity.post', content: 'hi' }).call).toMatchObject({
      pattern: '/people/{username}/activities',
      params: { username: ':me' },
    })
  })

  it('explains what is wrong with a row', () => {
    expect(() => planRow({ username: 'a' })).toThrow(/missing "op": one of user.add/)
    expect(() => planRow({ op: 'user.ad', username: 'a' })).toThrow(/unknown op "user.ad": use one of/)
    expect(() => planRow({ op: 'subscribe', username: 'a' })).toThrow('subscribe needs "context"')
    expect(() => planRow({ op: 'user.add', username: 'a', colour: 'red' })).toThrow(
      'unknown field "colour" for user.add: allowed fields are username, displayName',
    )
    expect(() => planRow({ op: 'user.add', username: { x: 1 } })).toThrow(/must be text/)
  })

  it('lets one CSV mix operations: empty cells of other columns are fine', () => {
    expect(() => planRow({ op: 'user.add', username: 'a', context: undefined, role: '' })).not.toThrow()
  })
})

describe('streaming', () => {
  const csv =
    '\uFEFFop,content\r\nactivity.post,"a, ""b""\r\nc"\r\nactivity.post,d\r\nactivity.post,"x"y\nuser.add,"open'
  const jsonl = '# c\n{"op":"user.add","username":"é"}\n{"op":\n\n{"op":"user.add"}'

  it.each([
    ['csv', csv],
    ['jsonl', jsonl],
  ] as const)('reads %s in chunks of any size exactly as in one piece', (format, text) => {
    const whole = parseBulk(text, format)
    for (const size of [1, 2, 3, 7]) {
      const parser = rowParser(format)
      const rows = []
      for (let index = 0; index < text.length; index += size)
        rows.push(...parser.push(text.slice(index, index + size)))
      rows.push(...parser.end())
      expect(rows, `chunks of ${size}`).toEqual(whole)
    }
  })

  it('streams a file from disk, hashing the exact bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'maxcli-source-'))
    const path = join(dir, 'rows.jsonl')
    const body = Array.from(
      { length: 5000 },
      (_, i) => `{"op":"user.add","username":"user${i}","displayName":"Ü ${i}"}`,
    ).join('\n')
    writeFileSync(path, body)
    const source = new BulkSource(path, 'rows.jsonl')
    const lines: number[] = []
    const sha = await source.scan((row) => lines.push(row.line))
    expect(sha).toBe(createHash('sha256').update(body).digest('hex'))
    expect(lines).toHaveLength(5000)
    expect(lines.at(-1)).toBe(5000)
    expect(() => new BulkSource(join(dir, 'missing.csv'), 'missing.csv')).toThrow(/Cannot read missing\.csv/)
  })
})

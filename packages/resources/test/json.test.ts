import { UsageError } from '@maxclient/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildRequest, checkJson, MAX_DEPTH } from '../src/index.js'

class Point {
  x = 1
}

/** Values JSON cannot carry unchanged, with the kind the message names. */
const UNCARRIED: Array<[string, () => unknown, RegExp]> = [
  ['function', () => () => 1, /is a function/],
  ['symbol', () => Symbol('s'), /is a symbol/],
  ['bigint', () => 10n, /is a bigint/],
  ['NaN', () => Number.NaN, /is NaN/],
  ['Infinity', () => Number.POSITIVE_INFINITY, /is Infinity/],
  ['-Infinity', () => Number.NEGATIVE_INFINITY, /is -Infinity/],
  ['Date', () => new Date(0), /is a Date: MAX takes dates as ISO 8601 strings: pass date\.toISOString\(\)/],
  ['invalid Date', () => new Date(Number.NaN), /is an invalid Date/],
  ['Map', () => new Map([['a', 1]]), /is a Map/],
  ['Set', () => new Set([1]), /is a Set/],
  ['RegExp', () => /x/, /is a RegExp/],
  ['Error', () => new Error('x'), /is an Error/],
  ['WeakMap', () => new WeakMap(), /is a WeakMap/],
  ['class instance', () => new Point(), /is a Point/],
  ['Buffer', () => Buffer.from('x'), /is a Buffer/],
  ['Uint8Array', () => new Uint8Array([1]), /is a Uint8Array/],
  ['boxed string', () => new String('x'), /is a String/],
]

const put = (input: Record<string, unknown>) =>
  buildRequest({ pattern: '/people/{username}', method: 'PUT', params: { username: 'x' }, input })
const get = (qs: Record<string, unknown>) =>
  buildRequest({ pattern: '/people', method: 'GET', params: {}, input: { qs } })

describe('values JSON cannot carry are a UsageError naming the key path and the type', () => {
  it.each(UNCARRIED)('%s: in a field, nested in a field, in data', (_, make, kind) => {
    expect(() => put({ displayName: make() })).toThrow(UsageError)
    expect(() => put({ displayName: make() })).toThrow(/The value at 'displayName' /)
    expect(() => put({ displayName: make() })).toThrow(kind)
    expect(() => put({ object_content: { items: [1, 2, make()] } })).toThrow(
      /The value at 'object_content\.items\[2\]' /,
    )
    expect(() => put({ data: { a: [{ b: make() }] } })).toThrow(/The value at 'data\.a\[0\]\.b' /)
    expect(() => put({ data: make() })).toThrow(kind)
  })

  it.each(UNCARRIED.filter(([name]) => name !== 'NaN' && !name.includes('Infinity')))(
    '%s: in the query',
    (_, make) => {
      expect(() => get({ tags: make() })).toThrow(/Query parameter 'tags' must be a string, number, boolean/)
      expect(() => get({ tags: ['a', make()] })).toThrow(/Query parameter 'tags\[1\]'/)
    },
  )

  it('NaN and Infinity in the query, and a Date hint there too', () => {
    expect(() => get({ limit: Number.NaN })).toThrow(/'limit' must be a finite number, got NaN/)
    expect(() => get({ limit: [1, Number.POSITIVE_INFINITY] })).toThrow(
      /'limit\[1\]' must be a finite number/,
    )
    expect(() => get({ since: new Date(0) })).toThrow(/toISOString\(\)/)
  })

  it('undefined is an absent optional field, but an array cannot hold it (nor a hole)', () => {
    expect(put({ displayName: undefined, twitterUsername: 'x' }).body).toEqual({ twitterUsername: 'x' })
    expect(put({ data: { a: 1, b: undefined } }).body).toEqual({ a: 1, b: undefined })
    expect(() => put({ tags: ['a', undefined] })).toThrow(
      /The value at 'tags\[1\]' is undefined: an array cannot hold undefined/,
    )
    // biome-ignore lint/suspicious/noSparseArray: the hole is the point
    expect(() => put({ data: [1, , 3] })).toThrow(/'data\[1\]' is undefined/)
    expect(() => get({ tags: ['a', null] })).toThrow(/'tags\[1\]'/)
  })

  it('a cycle is named, not a stack overflow', () => {
    const cyclic: Record<string, unknown> = { a: 1 }
    cyclic.self = cyclic
    expect(() => put({ data: cyclic })).toThrow(/'data\.self' contains itself \(a cycle\)/)
    const list: unknown[] = []
    list.push({ back: list })
    expect(() => put({ displayName: list })).toThrow(/'displayName\[0\]\.back' contains itself/)
  })

  it(`a value nested deeper than ${MAX_DEPTH} levels is refused, even 20,000 deep`, () => {
    const nest = (depth: number) => {
      let value: unknown = 'leaf'
      for (let i = 0; i < depth; i++) value = i % 2 ? { a: value } : [value]
      return value
    }
    expect(() => put({ data: nest(MAX_DEPTH) })).not.toThrow()
    expect(() => put({ data: nest(MAX_DEPTH + 1) })).toThrow(/nests deeper than 64 levels/)
    expect(() => put({ displayName: nest(20_000) })).toThrow(UsageError)
    expect(() => put({ data: nest(20_000) })).toThrow(UsageError)
  })

  it('shortens a long key path in the message', () => {
    const key = 'k'.repeat(100_000)
    const error = (() => {
      try {
        put({ data: { [key]: Symbol('x') } })
      } catch (e) {
        return e as Error
      }
    })()
    expect(error).toBeInstanceOf(UsageError)
    expect(error!.message.length).toBeLessThan(400)
  })

  it('checks per-client defaults tables the same way', () => {
    expect(() =>
      buildRequest({
        pattern: '/contexts',
        method: 'POST',
        params: {},
        defaults: { 'POST /contexts': { published: new Date(0) } },
      }),
    ).toThrow(/The value at 'defaults\['POST \/contexts'\]\.published' is a Date/)
  })

  it('accepts what JSON carries: null, booleans, finite numbers, strings, arrays, plain and null-prototype objects', () => {
    const bare = Object.assign(Object.create(null), { a: [null, true, -0, 1.5, 'é\u{1F600}'] })
    expect(() => checkJson({ bare, list: [[[]]], empty: {} }, 'data')).not.toThrow()
  })
})

/** The independent reference: does JSON carry `value` unchanged (undefined properties aside)? */
function carried(value: unknown, depth = 0, seen: unknown[] = []): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true
  if (typeof value === 'number') return Number.isFinite(value)
  if (typeof value !== 'object' || depth >= MAX_DEPTH || seen.includes(value)) return false
  const proto = Object.getPrototypeOf(value)
  if (Array.isArray(value)) {
    if (proto !== Array.prototype) return false
    for (let i = 0; i < value.length; i++) {
      if (!(i in value) || !carried(value[i], depth + 1, [...seen, value])) return false
    }
    return true
  }
  if (proto !== Object.prototype && proto !== null) return false
  if (Object.getOwnPropertySymbols(value).length > 0) return false
  return Object.values(value).every((v) => v === undefined || carried(v, depth + 1, [...seen, value]))
}

const hostile = fc.oneof(
  fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
  }),
  fc.jsonValue(),
  fc.constantFrom<unknown>(
    () => 1,
    Symbol('s'),
    Number.NaN,
    Number.POSITIVE_INFINITY,
    new Date(Number.NaN),
    new Date(0),
    /re/,
    new Error('e'),
    new WeakMap(),
    Buffer.from('b'),
    new Point(),
    [1, undefined],
  ),
)

function outcome(
  run: () => { body?: unknown; query?: unknown },
): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: run() }
  } catch (error) {
    // Never another exception: a TypeError or RangeError fails the property here.
    expect(error).toBeInstanceOf(UsageError)
    return { ok: false }
  }
}

const json = (value: unknown) => JSON.parse(JSON.stringify(value))

describe('property: a request that carries the input unchanged, or a UsageError', () => {
  it('body fields', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        const result = outcome(() => put({ data: undefined, displayName: value }))
        if (!result.ok) return
        if (value !== undefined) expect(carried(value)).toBe(true)
        const { body } = result.value as { body: Record<string, unknown> }
        expect(json(body)).toEqual(json({ displayName: value }))
      }),
      { numRuns: 500 },
    )
  })

  it('data', () => {
    fc.assert(
      fc.property(hostile, (value) => {
        fc.pre(value !== undefined)
        const result = outcome(() => put({ data: value }))
        expect(result.ok).toBe(carried(value))
        if (result.ok) expect(json((result.value as { body: unknown }).body)).toEqual(json(value))
      }),
      { numRuns: 500 },
    )
  })

  it('qs', () => {
    const scalar = (v: unknown) =>
      typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))
    fc.assert(
      fc.property(fc.dictionary(fc.string(), hostile, { maxKeys: 3 }), (qs) => {
        const result = outcome(() => get(qs))
        if (!result.ok) return
        const { query } = result.value as { query?: Record<string, unknown> }
        const expected: Record<string, unknown> = {}
        for (const [key, value] of Object.entries(qs)) {
          if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue
          expect(Array.isArray(value) ? value.every((v, i) => i in value && scalar(v)) : scalar(value)).toBe(
            true,
          )
          expected[key] = value
        }
        expect(json(query ?? {})).toEqual(json(expected))
      }),
      { numRuns: 500 },
    )
  })

  it('a cyclic value anywhere is a UsageError', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string(), (value, key) => {
        const holder: Record<string, unknown> = { value }
        Object.defineProperty(holder, key, { value: holder, enumerable: true })
        const result = outcome(() => put({ data: { wrapped: [holder] } }))
        expect(result.ok).toBe(false)
      }),
      { numRuns: 100 },
    )
  })
})

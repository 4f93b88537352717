import { UsageError } from '@maxclient/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildQuery, deepMerge, defaultsFor, expandFields } from '../src/index.js'

describe('expandFields', () => {
  it('expands underscores and dots to nested objects, to any depth', () => {
    expect(expandFields({ object_content: 'hi' })).toEqual({ object: { content: 'hi' } })
    expect(expandFields({ 'object.content': 'hi' })).toEqual({ object: { content: 'hi' } })
    expect(expandFields({ a_b_c_d: 1, 'a.b.c.e': 2, a_x: 3 })).toEqual({
      a: { b: { c: { d: 1, e: 2 } }, x: 3 },
    })
  })
  it('merges nested objects passed as values with expanded keys, keeping their inner keys as written', () => {
    expect(expandFields({ object: { content: 'x', some_key: 1 }, object_objectType: 'image' })).toEqual({
      object: { content: 'x', some_key: 1, objectType: 'image' },
    })
  })
  it('can leave underscores alone (dots still expand)', () => {
    expect(expandFields({ last_login: 1, 'a.b': 2 }, { expandUnderscores: false })).toEqual({
      last_login: 1,
      a: { b: 2 },
    })
    expect(expandFields({ _a: 1 }, { expandUnderscores: false })).toEqual({ _a: 1 })
  })
  it('rejects conflicting fields, naming both whatever their order', () => {
    const message = "Fields 'a' and 'a_b' conflict"
    expect(() => expandFields({ a: 1, a_b: 2 })).toThrow(message)
    expect(() => expandFields({ a_b: 2, a: 1 })).toThrow(message)
    expect(() => expandFields({ object: { content: 'x' }, object_content: 'y' })).toThrow(
      /'object' and 'object_content'/,
    )
    expect(() => expandFields({ 'a.b': 1, a_b: 2 })).toThrow(/'a.b' and 'a_b' conflict: both set 'a.b'/)
    expect(() => expandFields({ a_b_c: 1, a_b: 2 })).toThrow(UsageError)
  })
  it('rejects empty parts and separator-only keys', () => {
    for (const key of ['a__b', '_a', 'a_', '_', '.', 'a..b', 'a._b', '']) {
      expect(() => expandFields({ [key]: 1 }), key).toThrow(/empty part/)
    }
  })
  it('rejects keys that could reach a prototype, at any level', () => {
    expect(() => expandFields(JSON.parse('{"__proto__": {"x": 1}}'))).toThrow(/__proto__/)
    expect(() => expandFields({ constructor_prototype_x: 1 })).toThrow(/constructor/)
    expect(() => expandFields({ a: JSON.parse('{"b": {"__proto__": {"x": 1}}}') })).toThrow(/__proto__/)
    expect(() => expandFields({ 'a.prototype': 1 }, { expandUnderscores: false })).toThrow(/prototype/)
  })
  it('leaves undefined values out and rejects non-objects', () => {
    expect(expandFields({ a: undefined, b_c: 1 })).toEqual({ b: { c: 1 } })
    expect(() => expandFields([] as unknown as Record<string, unknown>)).toThrow(/plain object/)
  })
  it('does not share objects with its input', () => {
    const input = { object: { tags: ['a'] } }
    const out = expandFields(input) as { object: { tags: string[] } }
    out.object.tags.push('b')
    expect(input.object.tags).toEqual(['a'])
  })

  const segment = fc.constantFrom(
    'a',
    'b',
    'c',
    'object',
    'content',
    '__proto__',
    'constructor',
    'prototype',
    'x1',
    '',
  )
  const key = fc
    .tuple(fc.array(segment, { minLength: 1, maxLength: 3 }), fc.constantFrom('_', '.'))
    .map(([parts, sep]) => parts.join(sep))
  const leaf = fc.oneof(
    fc.integer(),
    fc.string(),
    fc.constant(null),
    fc.array(fc.integer(), { maxLength: 2 }),
  )
  const value = fc.oneof(
    leaf,
    fc.dictionary(fc.constantFrom('a', 'b', '__proto__', 'polluted'), leaf, { maxKeys: 3 }),
  )
  const fields = fc.array(fc.tuple(key, value), { maxLength: 6 })

  it('never pollutes a prototype, and either succeeds or throws UsageError (property)', () => {
    fc.assert(
      fc.property(fields, (entries) => {
        const input = JSON.parse(JSON.stringify(Object.fromEntries(entries)))
        try {
          const out = expandFields(input)
          JSON.stringify(out)
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError)
        }
        expect(({} as any).polluted).toBeUndefined()
        expect(({} as any).a).toBeUndefined()
        expect(Object.prototype).not.toHaveProperty('x1')
      }),
    )
  })

  it('gives the same result whatever the key order (property)', () => {
    fc.assert(
      fc.property(fields, (entries) => {
        const forward = JSON.parse(JSON.stringify(Object.fromEntries(entries)))
        const backward = Object.fromEntries(Object.entries(forward).reverse())
        const run = (input: Record<string, unknown>) => {
          try {
            return { ok: expandFields(input) }
          } catch (error) {
            return { error: (error as Error).message }
          }
        }
        expect(run(backward)).toEqual(run(forward))
      }),
    )
  })
})

describe('deepMerge', () => {
  it('merges objects key by key, recursively; other values replace', () => {
    expect(
      deepMerge({ object: { objectType: 'note', a: [1] }, x: 1 }, { object: { content: 'c', a: [2] } }),
    ).toEqual({
      object: { objectType: 'note', content: 'c', a: [2] },
      x: 1,
    })
    expect(deepMerge({ object: { objectType: 'note' } }, { object: 'text' })).toEqual({ object: 'text' })
    expect(deepMerge(undefined, { a: 1 })).toEqual({ a: 1 })
    expect(deepMerge({ a: 1 }, undefined)).toEqual({ a: 1 })
  })
  it('rejects non-objects and prototype keys', () => {
    expect(() => deepMerge([] as unknown as Record<string, unknown>, {})).toThrow(UsageError)
    expect(() => deepMerge({}, JSON.parse('{"__proto__": {"polluted": 1}}'))).toThrow(/__proto__/)
  })

  const object = fc.object({
    key: fc.constantFrom('a', 'b', 'c', 'd'),
    maxDepth: 3,
    maxKeys: 4,
    values: [fc.integer(), fc.string(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 })],
  })
  it('never mutates its inputs and shares nothing with them (property)', () => {
    fc.assert(
      fc.property(object, object, (base, override) => {
        const baseCopy = JSON.parse(JSON.stringify(base))
        const overrideCopy = JSON.parse(JSON.stringify(override))
        const merged = deepMerge(base, override)
        expect(base).toEqual(baseCopy)
        expect(override).toEqual(overrideCopy)
        // Every key of override wins unless both sides are objects.
        for (const key of Object.keys(override)) {
          const both =
            typeof override[key] === 'object' &&
            override[key] !== null &&
            !Array.isArray(override[key]) &&
            typeof base[key] === 'object' &&
            base[key] !== null &&
            !Array.isArray(base[key])
          if (!both) expect(merged[key]).toEqual(override[key])
        }
        const scrub = (v: unknown): void => {
          if (v && typeof v === 'object')
            for (const k of Object.keys(v)) {
              scrub((v as any)[k])
              ;(v as any)[k] = 'changed'
            }
        }
        scrub(merged)
        expect(base).toEqual(baseCopy)
        expect(override).toEqual(overrideCopy)
      }),
    )
  })
})

describe('buildQuery', () => {
  it('encodes arrays as repeated keys, booleans as words, and drops null/undefined', () => {
    expect(
      buildQuery({ limit: 10, hashtag: ['a', 'b'], favorites: true, x: false, y: null, z: undefined }),
    ).toBe('limit=10&hashtag=a&hashtag=b&favorites=true&x=false')
  })
  it('percent-encodes keys and values as UTF-8', () => {
    expect(buildQuery({ keyword: 'cafè & te', 'a b': '=?#' })).toBe(
      'keyword=caf%C3%A8%20%26%20te&a%20b=%3D%3F%23',
    )
  })
  it('gives an empty string for nothing', () => {
    expect(buildQuery({})).toBe('')
    expect(buildQuery(undefined)).toBe('')
    expect(buildQuery({ a: [] })).toBe('')
  })
  it('rejects values that have no query form', () => {
    expect(() => buildQuery({ a: { b: 1 } })).toThrow(/'a' must be a string, number, boolean or an array/)
    expect(() => buildQuery({ a: [[1]] })).toThrow(UsageError)
    expect(() => buildQuery({ a: Number.NaN })).toThrow(/finite number/)
    expect(() => buildQuery('limit=1' as unknown as Record<string, unknown>)).toThrow(/plain object/)
  })
})

describe('defaultsFor', () => {
  it('has the Python client defaults', () => {
    const note = { object: { objectType: 'note' } }
    expect(defaultsFor('/people/{username}/activities', 'POST')).toEqual(note)
    expect(defaultsFor('/contexts/{hash}/activities', 'POST')).toEqual(note)
    expect(defaultsFor('/conversations', 'POST')).toEqual(note)
    expect(defaultsFor('/conversations/{id}/messages', 'POST')).toEqual(note)
    expect(defaultsFor('/people/{username}/conversations/{id}/messages', 'POST')).toEqual(note)
    expect(defaultsFor('/contexts', 'POST')).toEqual({ objectType: 'context' })
    expect(defaultsFor('/people/{username}/subscriptions', 'POST')).toEqual({
      object: { objectType: 'context' },
    })
    expect(defaultsFor('/people/{username}/activities', 'GET')).toBeUndefined()
  })
  it('gives comments the object type MAX requires', () => {
    expect(defaultsFor('/activities/{activity}/comments', 'POST')).toEqual({
      object: { objectType: 'comment' },
    })
  })
  it('returns a fresh copy every time', () => {
    const first = defaultsFor('/contexts/{hash}/activities', 'POST') as { object: { objectType: string } }
    first.object.objectType = 'image'
    expect(defaultsFor('/contexts/{hash}/activities', 'POST')).toEqual({ object: { objectType: 'note' } })
  })
  it('prefers a per-client table', () => {
    const table = { 'POST /contexts': { objectType: 'context', permissions: { read: 'public' } } }
    expect(defaultsFor('/contexts', 'POST', table)).toEqual(table['POST /contexts'])
    expect(defaultsFor('/contexts', 'POST', table)).not.toBe(table['POST /contexts'])
    expect(defaultsFor('/conversations', 'POST', table)).toEqual({ object: { objectType: 'note' } })
  })
})

import { UsageError } from '@maxclient/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { contextHash, encodeSegment, fillPattern, matchPath, resolveParam } from '../src/index.js'

const ATENEA = 'e6847aed3105e85ae603c56eb2790ce85e212997'

describe('contextHash', () => {
  it('keeps a 40-hex hash, lower-cased', () => {
    expect(contextHash(ATENEA)).toBe(ATENEA)
    expect(contextHash(ATENEA.toUpperCase())).toBe(ATENEA)
  })
  it('hashes anything else as a context URL', () => {
    expect(contextHash('http://atenea.upc.edu')).toBe(ATENEA)
    expect(contextHash(`${ATENEA}0`)).toMatch(/^[0-9a-f]{40}$/)
    expect(contextHash(`${ATENEA}0`)).not.toBe(ATENEA)
  })
  it('rejects non-strings', () => {
    expect(() => contextHash(42 as unknown as string)).toThrow(UsageError)
  })
})

describe('encodeSegment', () => {
  it('percent-encodes what could change the route', () => {
    expect(encodeSegment('a/b')).toBe('a%2Fb')
    expect(encodeSegment('../x')).toBe('..%2Fx')
    expect(encodeSegment('x?y=1')).toBe('x%3Fy%3D1')
    expect(encodeSegment('#')).toBe('%23')
    expect(encodeSegment('100%')).toBe('100%25')
    expect(encodeSegment('joan.pérez')).toBe('joan.p%C3%A9rez')
    expect(encodeSegment('messi')).toBe('messi')
  })
  it('rejects segments URL parsers would collapse or that are not text', () => {
    for (const bad of ['', '.', '..']) expect(() => encodeSegment(bad)).toThrow(UsageError)
    expect(() => encodeSegment('\uD800')).toThrow(/unpaired surrogate/)
    expect(() => encodeSegment(undefined as unknown as string)).toThrow(/must be a string/)
  })
  it('never lets a value change the route (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (value) => {
        fc.pre(value !== '.' && value !== '..' && !/[\uD800-\uDFFF]/.test(value))
        const path = `/people/${encodeSegment(value)}/activities`
        const url = new URL(path, 'http://max.example')
        expect(url.pathname).toBe(path)
        const match = matchPath(url.pathname)
        expect(match?.route.pattern).toBe('/people/{username}/activities')
        expect(match?.params.username).toBe(value)
      }),
    )
  })
})

describe('resolveParam', () => {
  it("turns ':me' into the actor for {username} only", () => {
    expect(resolveParam('username', ':me', { actor: 'messi' })).toBe('messi')
    expect(resolveParam('user', ':me', { actor: 'messi' })).toBe(':me')
    expect(() => resolveParam('username', ':me', {})).toThrow(/current actor/)
  })
  it('hashes {hash} values that are not already hashes', () => {
    expect(resolveParam('hash', 'http://atenea.upc.edu', {})).toBe(ATENEA)
    expect(resolveParam('hash', ATENEA.toUpperCase(), {})).toBe(ATENEA)
    expect(resolveParam('id', 'http://atenea.upc.edu', {})).toBe('http://atenea.upc.edu')
  })
})

describe('fillPattern', () => {
  it('fills, resolves and encodes every variable', () => {
    expect(fillPattern('/people/{username}/activities', { username: ':me' }, { actor: 'messi' })).toBe(
      '/people/messi/activities',
    )
    expect(
      fillPattern(
        '/contexts/{hash}/subscriptions/{username}',
        { hash: 'http://atenea.upc.edu', username: 'a/b' },
        {},
      ),
    ).toBe(`/contexts/${ATENEA}/subscriptions/a%2Fb`)
    expect(fillPattern('/info', {}, {})).toBe('/info')
  })
  it('names a missing or unknown parameter', () => {
    expect(() => fillPattern('/people/{username}', {}, {})).toThrow(/needs a value for \{username\}/)
    expect(() => fillPattern('/people/{username}', { username: 'x', user: 'y' }, {})).toThrow(
      /has no variable \{user\}; it takes \{username\}/,
    )
  })
  it('rejects malformed patterns', () => {
    expect(() => fillPattern('people', {}, {})).toThrow(UsageError)
    expect(() => fillPattern('/a//b', {}, {})).toThrow(/malformed segment/)
  })
})

import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sha1Hex } from '../src/index.js'

const nodeSha1 = (input: string | Uint8Array) => createHash('sha1').update(input).digest('hex')

describe('sha1Hex (pure JS)', () => {
  it('matches the FIPS 180 test vectors', () => {
    expect(sha1Hex('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709')
    expect(sha1Hex('abc')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d')
    expect(sha1Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    )
  })
  it('hashes the UTF-8 bytes of text (context URL from the MAX docs)', () => {
    expect(sha1Hex('http://atenea.upc.edu')).toBe('e6847aed3105e85ae603c56eb2790ce85e212997')
    expect(sha1Hex('http://exemple.cat/àèò/€')).toBe(nodeSha1('http://exemple.cat/àèò/€'))
  })
  it('agrees with node:crypto at every padding boundary', () => {
    for (let n = 0; n <= 200; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff)
      expect(sha1Hex(bytes), `length ${n}`).toBe(nodeSha1(bytes))
    }
  })
  it('agrees with node:crypto on any string and any bytes (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => sha1Hex(s) === nodeSha1(s)))
    fc.assert(fc.property(fc.uint8Array({ maxLength: 1000 }), (b) => sha1Hex(b) === nodeSha1(b)))
  })
})

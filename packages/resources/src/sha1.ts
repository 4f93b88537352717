// Pure-JS SHA-1 (FIPS 180-4). Context hashes must be computable synchronously in any runtime,
// and Web Crypto is async-only, so we carry our own small implementation.

const encoder = new TextEncoder()
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/** SHA-1 of the UTF-8 bytes of `text` (or of `bytes`), as 40 lower-case hex characters. */
export function sha1Hex(input: string | Uint8Array): string {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input
  const length = bytes.length
  // Message + 0x80 + zero padding + 8-byte big-endian bit length, rounded up to 64 bytes.
  const blocks = ((length + 8) >>> 6) + 1
  const words = new Int32Array(blocks * 16)
  for (let i = 0; i < length; i++) words[i >>> 2]! |= bytes[i]! << (24 - (i & 3) * 8)
  words[length >>> 2]! |= 0x80 << (24 - (length & 3) * 8)
  const bitLength = length * 8
  words[blocks * 16 - 1] = bitLength | 0
  words[blocks * 16 - 2] = Math.floor(bitLength / 0x100000000)

  let h0 = 0x67452301
  let h1 = 0xefcdab89 | 0
  let h2 = 0x98badcfe | 0
  let h3 = 0x10325476
  let h4 = 0xc3d2e1f0 | 0
  const w = new Int32Array(80)
  for (let offset = 0; offset < words.length; offset += 16) {
    for (let t = 0; t < 16; t++) w[t] = words[offset + t]!
    for (let t = 16; t < 80; t++) {
      const x = w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!
      w[t] = (x << 1) | (x >>> 31)
    }
    let a = h0
    let b = h1
    let c = h2
    let d = h3
    let e = h4
    for (let t = 0; t < 80; t++) {
      let f: number
      let k: number
      if (t < 20) {
        f = (b & c) | (~b & d)
        k = 0x5a827999
      } else if (t < 40) {
        f = b ^ c ^ d
        k = 0x6ed9eba1
      } else if (t < 60) {
        f = (b & c) | (b & d) | (c & d)
        k = 0x8f1bbcdc | 0
      } else {
        f = b ^ c ^ d
        k = 0xca62c1d6 | 0
      }
      const temp = (((a << 5) | (a >>> 27)) + f + e + k + w[t]!) | 0
      e = d
      d = c
      c = (b << 30) | (b >>> 2)
      b = a
      a = temp
    }
    h0 = (h0 + a) | 0
    h1 = (h1 + b) | 0
    h2 = (h2 + c) | 0
    h3 = (h3 + d) | 0
    h4 = (h4 + e) | 0
  }
  let out = ''
  for (const h of [h0, h1, h2, h3, h4]) {
    out += HEX[(h >>> 24) & 0xff]! + HEX[(h >>> 16) & 0xff]! + HEX[(h >>> 8) & 0xff]! + HEX[h & 0xff]!
  }
  return out
}

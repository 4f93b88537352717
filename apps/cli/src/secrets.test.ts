import { describe, expect, it } from 'vitest'
import { guardStream, redactSecrets, rememberSecret } from './secrets.js'

describe('secrets of the run', () => {
  it('never pass through a guarded stream, nor their base64 or URL forms', () => {
    rememberSecret('hunter2-password')
    let written = ''
    const stream = guardStream({
      isTTY: false,
      write(chunk: string) {
        written += chunk
        return true
      },
    })
    stream.write(`echo: hunter2-password ${Buffer.from('hunter2-password').toString('base64')}\n`)
    expect(written).toBe('echo: [REDACTED] [REDACTED]\n')
    expect(stream.isTTY).toBe(false)
    expect(redactSecrets('x=hunter2-password')).toBe('x=[REDACTED]')
  })

  it('ignores values too short to be secrets', () => {
    rememberSecret('abc')
    expect(redactSecrets('abc')).toBe('abc')
  })
})

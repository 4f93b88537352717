// collectOutput: what a finished child printed, its exit code, and when it exited.

import { describe, expect, it } from 'vitest'
import { collectOutput } from '../src/collect.mjs'

describe('collectOutput', () => {
  it('keeps both streams and the exit code of a process that fails', async () => {
    const before = process.hrtime.bigint()
    const run = await collectOutput(process.execPath, [
      '-e',
      'process.stdout.write("out"); process.stderr.write("err"); process.exitCode = 3',
    ])
    expect(run).toMatchObject({ code: 3, stdout: 'out', stderr: 'err' })
    expect(run.exitedAt > before && run.exitedAt <= process.hrtime.bigint()).toBe(true)
  })

  it('rejects when the command cannot be started', async () => {
    await expect(collectOutput('/nonexistent/command', [])).rejects.toThrow(/ENOENT/)
  })

  it('stops a process that prints more than the limit, and says which stream', async () => {
    const flood = 'const line = "x".repeat(4096); for (;;) process.stdout.write(line)'
    await expect(collectOutput(process.execPath, ['-e', flood], process.env, 100_000)).rejects.toThrow(
      /printed more than 100000 bytes on stdout/,
    )
  })

  it('keeps multi-byte characters split across chunks whole', async () => {
    const run = await collectOutput(process.execPath, ['-e', 'process.stdout.write("é".repeat(100_000))'])
    expect(run.stdout).toBe('é'.repeat(100_000))
  })
})

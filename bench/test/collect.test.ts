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
})

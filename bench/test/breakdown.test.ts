// The per-layer breakdown script must keep running against the current client APIs.

import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const benchDir = fileURLToPath(new URL('..', import.meta.url))

describe('src/breakdown.mjs', () => {
  it('prints a CPU figure for every layer and transport variant', () => {
    const result = spawnSync(process.execPath, ['src/breakdown.mjs', '--rounds', '1', '--calls', '5'], {
      cwd: benchDir,
      encoding: 'utf8',
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const rows = result.stdout.split('\n').filter((line) => line.includes(' us/call'))
    expect(rows).toHaveLength(16)
    for (const row of rows) expect(row).toMatch(/\d+\.\d us\/call {2}[+-]\d+\.\d vs first row$/)
    for (const name of ['rest people[u].get()', 'rpc addActivity(...)', 'core createNodeTransport()']) {
      expect(result.stdout).toContain(name)
    }
  }, 60_000)

  it('rejects a bad --rounds value', () => {
    const result = spawnSync(process.execPath, ['src/breakdown.mjs', '--rounds', '0'], {
      cwd: benchDir,
      encoding: 'utf8',
    })
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('--rounds takes a whole number >= 1, got 0')
  })
})

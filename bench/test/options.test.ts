// Bad options fail before anything starts, naming what was wrong and what would be right.

import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const benchDir = fileURLToPath(new URL('..', import.meta.url))
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['src/run.mjs', ...args], { cwd: benchDir, encoding: 'utf8' })

describe('run.mjs options', () => {
  it('rejects an unknown option with the usage', () => {
    const result = run('--fast')
    expect(result.status).toBe(2)
    expect(result.stderr).toContain("Unknown option '--fast'")
    expect(result.stderr).toContain('--smoke')
  })

  it('rejects a repetition count that is not a whole number >= 1', () => {
    for (const reps of ['0', '1.5', 'many']) {
      const result = run('--reps', reps)
      expect(result.status).toBe(2)
      expect(result.stderr).toContain(`--reps takes a whole number >= 1, got ${reps}`)
    }
  })

  it('names the known cases and runners when given an unknown one', () => {
    const cases = run('--only', 'get-seq,get-everything')
    expect(cases.status).toBe(2)
    expect(cases.stderr).toMatch(/unknown case get-everything; known cases: get-seq, get-c32, .*cli-version/)
    const runners = run('--runners', 'rest,curl')
    expect(runners.status).toBe(2)
    expect(runners.stderr).toMatch(
      /unknown runner curl; known runners: raw-http, fetch, undici, rest, rpc, rest-undici, /,
    )
  })

  it('prints the usage on --help', () => {
    const result = run('--help')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('--profile DIR')
  })
})

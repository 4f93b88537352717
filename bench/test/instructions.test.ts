// The instruction count: its smoke mode (no valgrind) runs every runner through every case, the
// figures are turned into ratios and verdicts as documented, and a machine without valgrind gets a
// clear message. The counting itself needs valgrind and minutes; it is run by hand (README.md).

import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import {
  evaluateInstructionTargets,
  formatInstructionTable,
  INSTRUCTION_CASES,
  INSTRUCTION_RUNNERS,
  INSTRUCTION_TARGETS,
  perOperation,
  WARMUPS,
} from '../src/instruction-report.mjs'
import { parseInstructionOptions } from '../src/instructions.mjs'

const benchDir = fileURLToPath(new URL('..', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'bench-instructions-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('pnpm bench --instructions --smoke', () => {
  it('runs every runner on every case and warm-up without valgrind', () => {
    const out = join(dir, 'smoke.json')
    const run = spawnSync(process.execPath, ['src/run.mjs', '--instructions', '--smoke', '--out', out], {
      cwd: benchDir,
      encoding: 'utf8',
      // No valgrind on the PATH: smoke mode must not need it.
      env: { ...process.env, NODE_OPTIONS: '', PATH: '/nonexistent' },
      timeout: 170_000,
    })
    expect(run.status, run.stderr).toBe(0)
    const report = JSON.parse(readFileSync(out, 'utf8'))
    expect(report.mode).toBe('smoke')
    // Every counted process starts with the same hash seed (checked against what each worker got).
    expect(report.nodeFlags).toEqual(['--hash-seed=1'])
    expect(report.cases.map((c: { id: string }) => c.id)).toEqual(INSTRUCTION_CASES.map((c) => c.id))
    for (const c of report.cases) {
      expect(Object.keys(c.perOp)).toEqual(Object.keys(WARMUPS))
      for (const byRunner of Object.values(c.perOp)) {
        expect(Object.keys(byRunner as object)).toEqual(INSTRUCTION_RUNNERS)
      }
    }
    expect(run.stderr).toContain(`${INSTRUCTION_CASES.length * 2 * INSTRUCTION_RUNNERS.length * 2} processes`)
  }, 180_000)

  it('says how to install valgrind when it is missing', () => {
    const run = spawnSync(process.execPath, ['src/instructions.mjs', '--only', 'get'], {
      cwd: benchDir,
      encoding: 'utf8',
      env: { ...process.env, PATH: '/nonexistent' },
    })
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/valgrind is not installed/)
    expect(run.stderr).toMatch(/apt-get install valgrind/)
    expect(run.stderr).toMatch(/--smoke/)
  })
})

describe('instruction figures', () => {
  const perOp = {
    get: {
      long: { 'raw-http': 500_000, rest: 540_000, rpc: 560_000, 'rest-undici': 450_000 },
      short: { 'raw-http': 600_000, rest: 780_000, rpc: 700_000 },
    },
  }

  it('judges each target on the ratio to its reference runner', () => {
    const verdicts = evaluateInstructionTargets(perOp)
    const byId = Object.fromEntries(verdicts.map((v) => [v.id, v]))
    expect(byId['rest-long-get']).toMatchObject({ ratio: 1.08, verdict: 'met', max: 1.1 })
    expect(byId['rpc-long-get']).toMatchObject({ ratio: 1.12, verdict: 'missed' })
    expect(byId['rest-short-get']).toMatchObject({ ratio: 1.3, verdict: 'missed', max: 1.25 })
    expect(byId['rpc-vs-rest-long-get']).toMatchObject({ ratio: 1.037, verdict: 'missed' })
    expect(byId['rpc-vs-rest-short-get']).toMatchObject({ ratio: 0.897, verdict: 'met' })
    expect(byId['rest-undici-long-get']).toMatchObject({ ratio: 0.9, verdict: 'met' })
    // Every target that has both runners counted is judged.
    expect(verdicts).toHaveLength(INSTRUCTION_TARGETS.length)
  })

  it('prints one row per case, warm-up and runner with its ratio to raw node:http', () => {
    const table = formatInstructionTable({
      mode: 'full',
      cases: [{ id: 'get', perOp: perOp.get }],
      targets: evaluateInstructionTargets(perOp),
    })
    expect(table).toMatch(/get\s+long\s+rest\s+540000\s+1\.08x/)
    expect(table).toMatch(/get\s+short\s+raw-http\s+600000\s+1\.00x/)
    expect(table).toMatch(/missed\s+get: rpc after the long warm-up: 1\.12x \(target <= 1\.1\)/)
  })

  it("pairs each sample's two runs and reports the median of a cell's samples", () => {
    const cell = { caseId: 'get', warmup: 'long', runner: 'rest' }
    const other = { caseId: 'get', warmup: 'long', runner: 'rpc' }
    const plan = [cell, cell, cell, cell, cell, cell, other, other, other, other, other, other]
    const run = (total: number, compile = 0) => ({ total, compile })
    // Samples of rest: (1.5 M - 1.0 M) / 1000 = 500, 520, 480, of which background compiles
    // (0.2 M - 0.1 M) / 1000 = 100, 0, 30; rpc's second pair failed.
    const counts = [
      run(1e6, 1e5),
      run(1.5e6, 2e5),
      run(2e6),
      run(2.52e6),
      run(3e6, 1e5),
      run(3.48e6, 1.3e5),
      run(1e6),
      run(1.6e6),
      null,
      run(2e6),
      run(1e6),
      run(1.7e6),
    ]
    const { perOp, samples, compilePerOp } = perOperation(plan, counts, { samples: 3, low: 300, high: 1300 })
    expect(perOp.get?.long?.rest).toBe(500)
    expect(samples.get?.long?.rest).toEqual([500, 520, 480])
    expect(compilePerOp.get?.long?.rest).toBe(30)
    expect(perOp.get?.long?.rpc).toBeNull()
    expect(compilePerOp.get?.long?.rpc).toBeNull()
    expect(samples.get?.long?.rpc).toEqual([600, null, 700])
  })

  it('shows the background compiles, the ratio without them and rpc against rest both ways', () => {
    const table = formatInstructionTable({
      mode: 'full',
      cases: [
        {
          id: 'get',
          perOp: { short: { 'raw-http': 600_000, rest: 700_000, rpc: 714_000 } },
          compilePerOp: { short: { 'raw-http': 300_000, rest: 350_000, rpc: 366_000 } },
        },
      ],
      targets: [],
    })
    // rest: 700,000 - 350,000 = 350,000 against raw's 300,000; rpc: 348,000 against rest's 350,000.
    expect(table).toMatch(/get\s+short\s+rest\s+700000\s+1\.17x\s+350000\s+1\.17x/)
    expect(table).toMatch(/get\s+short\s+rpc\s+714000\s+1\.19x\s+366000\s+1\.16x/)
    expect(table).toMatch(/rpc against rest\n.*\nget\s+short\s+1\.02x\s+0\.99x/)
    // Its figures end under their headings.
    const lines = table.split('\n')
    const headings = lines.find((line) => line.includes('w/o compile'))
    expect(lines.find((line) => /^get\s+short\s+1\.02x/.test(line))?.length).toBe(headings?.length)
  })

  it('shows the spread of several samples beside their median', () => {
    const table = formatInstructionTable({
      mode: 'full',
      cases: [
        {
          id: 'get',
          perOp: { long: { 'raw-http': 500_000, rest: 540_000 } },
          samples: { long: { 'raw-http': [500_000, 499_000, 503_000], rest: [540_000, 538_000, 561_000] } },
        },
      ],
      targets: [],
    })
    expect(table).toMatch(/get\s+long\s+rest\s+540000\s+1\.08x\s+538000-561000/)
    expect(parseInstructionOptions(['--samples', '3']).samples).toBe(3)
    expect(parseInstructionOptions([]).samples).toBe(1)
    expect(() => parseInstructionOptions(['--samples', '0'])).toThrow(/--samples takes a whole number/)
  })

  it('rejects options it cannot honour', () => {
    expect(() => parseInstructionOptions(['--runners', 'axios'])).toThrow(/unknown axios/)
    expect(() => parseInstructionOptions(['--low', '500', '--high', '400'])).toThrow(/must be larger/)
    expect(parseInstructionOptions(['--runners', 'rest']).runners).toEqual(['raw-http', 'rest'])
  })
})

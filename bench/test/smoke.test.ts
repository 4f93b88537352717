// Runs the benchmark in smoke mode as a user would (`node src/run.mjs --smoke`) and checks that the
// table and the JSON cover every case and runner with sane figures. No timing thresholds: the
// numbers only have to exist and be consistent, so the benchmark cannot rot unnoticed.

import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  OPTIONAL_RUNNERS,
  PAGING_CASE,
  PROCESS_CASES,
  REQUEST_CASES,
  REQUEST_RUNNERS,
} from '../src/cases.mjs'
import { TARGETS } from '../src/targets.mjs'

const benchDir = fileURLToPath(new URL('..', import.meta.url))
const METRICS = ['opsPerSec', 'cpuUsPerOp', 'p50Ms', 'p99Ms', 'wallMs', 'rssMb'] as const

interface RunnerResult {
  runner: string
  status: string
  reason?: string
  runs: Record<string, number>[]
  median: Record<(typeof METRICS)[number], number> | null
  ratio: Record<(typeof METRICS)[number], number | null> | null
  rssDeltaMb: number | null
}
interface CaseResult {
  id: string
  kind: string
  baseline: string
  sizes: Record<string, number>
  runners: RunnerResult[]
}
interface Report {
  mode: string
  repetitions: number
  cases: CaseResult[]
  targets: { id: string; verdict: string; value: number | null }[]
}

let dir: string
let run: ReturnType<typeof spawnSync>
let report: Report

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'bench-smoke-'))
  run = spawnSync(process.execPath, ['src/run.mjs', '--smoke', '--out', join(dir, 'smoke.json')], {
    cwd: benchDir,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  })
  report = JSON.parse(readFileSync(join(dir, 'smoke.json'), 'utf8'))
}, 180_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

const expectedCases = [
  ...[...REQUEST_CASES, PAGING_CASE].map((c) => ({
    id: c.id,
    baseline: 'raw-http',
    runners: REQUEST_RUNNERS,
  })),
  ...PROCESS_CASES.map((c) => ({ id: c.id, baseline: c.baseline, runners: c.runners })),
]

describe('pnpm bench --smoke', () => {
  it('exits 0 with every required runner measured', () => {
    expect(run.stderr).not.toContain('not measured:')
    expect(run.status).toBe(0)
    expect(report.mode).toBe('smoke')
    expect(report.repetitions).toBe(1)
  })

  it('prints a table row for every case and runner, and every target', () => {
    const stdout = String(run.stdout)
    const rows = stdout.split('\n')
    for (const c of expectedCases) {
      for (const runner of c.runners) {
        if (OPTIONAL_RUNNERS.has(runner)) continue
        const row = rows.find((line) => line.split(/\s+/)[0] === c.id && line.split(/\s+/)[1] === runner)
        expect(row, `row ${c.id} ${runner}`).toBeDefined()
        // A measured row carries numbers and ratios, not a status sentence.
        expect(row).toMatch(/\d+\.\d{2}x/)
      }
    }
    for (const target of TARGETS) expect(stdout).toContain(target.description)
  })

  it('writes every case and runner to the JSON with consistent figures', () => {
    expect(report.cases.map((c) => c.id)).toEqual(expectedCases.map((c) => c.id))
    for (const expected of expectedCases) {
      const c = report.cases.find((x) => x.id === expected.id)!
      expect(c.baseline).toBe(expected.baseline)
      expect(c.runners.map((r) => r.runner)).toEqual(expected.runners)
      for (const r of c.runners) {
        if (OPTIONAL_RUNNERS.has(r.runner) && r.status === 'unavailable') continue
        expect(r.status, `${c.id} ${r.runner}: ${r.reason}`).toBe('ok')
        expect(r.runs.length).toBeGreaterThanOrEqual(1)
        for (const metric of METRICS) {
          const value = r.median?.[metric]
          expect(
            Number.isFinite(value) && (value as number) > 0,
            `${c.id} ${r.runner} ${metric} = ${value}`,
          ).toBe(true)
          expect(r.ratio?.[metric]).toBeCloseTo((value as number) / c.runners[0]!.median![metric], 9)
        }
        expect(r.median!.p99Ms).toBeGreaterThanOrEqual(r.median!.p50Ms)
        expect(r.rssDeltaMb).toBeCloseTo(r.median!.rssMb - c.runners[0]!.median!.rssMb, 9)
      }
      const baseline = c.runners[0]!
      expect(baseline.runner).toBe(c.baseline)
      for (const metric of METRICS) expect(baseline.ratio?.[metric]).toBe(1)
    }
  })

  it('counts the work each case promises', () => {
    for (const c of REQUEST_CASES) {
      const result = report.cases.find((x) => x.id === c.id)!
      for (const r of result.runners) expect(r.runs[0]!.ops).toBe(c.sizes.smoke.count)
    }
    const paging = report.cases.find((x) => x.id === PAGING_CASE.id)!
    for (const r of paging.runners) {
      expect(r.runs[0]!.items).toBe(PAGING_CASE.activities.smoke)
      expect(r.runs[0]!.ops).toBe(PAGING_CASE.activities.smoke / PAGING_CASE.pageSize)
    }
  })

  it('judges every target on measured figures', () => {
    expect(report.targets.map((t) => t.id)).toEqual(TARGETS.map((t) => t.id))
    for (const t of report.targets) {
      expect(['met', 'missed']).toContain(t.verdict)
      expect(Number.isFinite(t.value)).toBe(true)
    }
  })
})

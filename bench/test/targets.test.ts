import { describe, expect, it } from 'vitest'
import { evaluateTargets, TARGETS } from '../src/targets.mjs'

type Figures = Record<'opsPerSec' | 'cpuUsPerOp' | 'p50Ms' | 'p99Ms' | 'wallMs' | 'rssMb', number>
const figures = (over: Partial<Figures> = {}): Figures => ({
  opsPerSec: 1000,
  cpuUsPerOp: 100,
  p50Ms: 1,
  p99Ms: 2,
  wallMs: 1000,
  rssMb: 50,
  ...over,
})
const ok = (runner: string, median: Figures) => ({ runner, status: 'ok' as const, median })

function results(
  rest: Figures,
  cli: Partial<Figures> = {},
  python: 'ok' | 'unavailable' = 'ok',
  bulk: Partial<Figures> = {},
) {
  const requestCases = ['get-seq', 'get-c32', 'post-seq', 'post-c32', 'paging-100k'].map((id) => ({
    id,
    baseline: 'raw-http',
    runners: [ok('raw-http', figures()), ok('rest', rest)],
  }))
  return [
    ...requestCases,
    {
      id: 'cli-oneshot',
      baseline: 'raw-http-script',
      runners: [
        ok('raw-http-script', figures({ wallMs: 100 })),
        ok('maxcli', figures({ wallMs: 120, ...cli })),
        python === 'ok'
          ? ok('python-requests', figures({ wallMs: 300 }))
          : { runner: 'python-requests', status: 'unavailable' as const, median: null },
      ],
    },
    {
      id: 'cli-version',
      baseline: 'node-e-0',
      runners: [ok('node-e-0', figures({ wallMs: 100 })), ok('maxcli', figures({ wallMs: 120, ...cli }))],
    },
    {
      id: 'bulk-resume',
      baseline: 'bulk-small',
      runners: [ok('bulk-small', figures({ rssMb: 80 })), ok('bulk-large', figures({ rssMb: 80, ...bulk }))],
    },
  ]
}

const verdicts = (list: ReturnType<typeof evaluateTargets>) =>
  Object.fromEntries(list.map((t) => [t.id, t.verdict]))

describe('evaluateTargets', () => {
  it('misses flat bulk memory when ten times the rows cost more than 16 MB', () => {
    expect(verdicts(evaluateTargets(results(figures(), {}, 'ok', { rssMb: 95 })))['bulk-resume-rss']).toBe(
      'met',
    )
    expect(verdicts(evaluateTargets(results(figures(), {}, 'ok', { rssMb: 97 })))['bulk-resume-rss']).toBe(
      'missed',
    )
  })

  it('meets every target when the client matches the floor', () => {
    const list = evaluateTargets(results(figures()))
    expect(list.map((t) => t.id)).toEqual(TARGETS.map((t) => t.id))
    expect(new Set(list.map((t) => t.verdict))).toEqual(new Set(['met']))
  })

  it('misses CPU and throughput targets at the limits of the issue', () => {
    const list = evaluateTargets(
      results(figures({ cpuUsPerOp: 131, opsPerSec: 790, wallMs: 1401, rssMb: 76 })),
    )
    expect(verdicts(list)).toMatchObject({
      'get-seq-cpu': 'missed',
      'get-seq-rps': 'missed',
      'get-c32-rps': 'missed',
      'post-seq-cpu': 'missed',
      'paging-wall': 'missed',
      'paging-rss': 'missed',
    })
    expect(list.find((t) => t.id === 'get-seq-cpu')?.value).toBeCloseTo(1.31)
    expect(list.find((t) => t.id === 'paging-rss')?.value).toBeCloseTo(26)
  })

  it('judges the CLI against the raw script, node -e 0 and Python', () => {
    expect(verdicts(evaluateTargets(results(figures(), { wallMs: 151 })))).toMatchObject({
      'cli-oneshot-wall': 'missed',
      'cli-oneshot-python': 'met',
      'cli-version-wall': 'missed',
    })
    expect(verdicts(evaluateTargets(results(figures(), { wallMs: 301 })))).toMatchObject({
      'cli-oneshot-python': 'missed',
    })
  })

  it('falls back to the recorded 150 ms when Python is not installed, and says so', () => {
    const python = evaluateTargets(results(figures(), {}, 'unavailable')).find(
      (t) => t.id === 'cli-oneshot-python',
    )
    expect(python?.verdict).toBe('met')
    expect(python?.value).toBeCloseTo(120 / 150)
    expect(python?.note).toMatch(/recorded 150/)
  })

  it("judges on the run's own paired ratio when it has one", () => {
    const cases = results(figures({ cpuUsPerOp: 200 })).map((c) => ({
      ...c,
      runners: c.runners.map((r) =>
        r.runner === 'rest' ? { ...r, ratio: { ...figures(), cpuUsPerOp: 1.1 }, rssDeltaMb: 3 } : r,
      ),
    }))
    const list = evaluateTargets(cases)
    expect(list.find((t) => t.id === 'get-seq-cpu')).toMatchObject({ verdict: 'met', value: 1.1 })
    expect(list.find((t) => t.id === 'paging-rss')).toMatchObject({ verdict: 'met', value: 3 })
  })

  it('reports a target as not measured when its runner did not run', () => {
    const cases = results(figures()).map((c) => ({
      ...c,
      runners: c.runners.map((r) =>
        r.runner === 'rest' ? { runner: 'rest', status: 'error' as const, median: null } : r,
      ),
    }))
    expect(verdicts(evaluateTargets(cases))['get-seq-cpu']).toBe('not measured')
  })
})

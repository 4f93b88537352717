import { describe, expect, it } from 'vitest'
import { addRatios, medians, processMedians } from '../src/summary.mjs'

const run = (opsPerSec: number, cpuUsPerOp: number, rssMb = 50) => ({
  opsPerSec,
  cpuUsPerOp,
  p50Ms: 1,
  p99Ms: 2,
  wallMs: 1000 / opsPerSec,
  rssMb,
})

type Figures = ReturnType<typeof run>
interface Runner {
  runner: string
  status: 'ok'
  runs: Figures[]
  median: Figures
  ratio: Record<keyof Figures, number | null> | null
  rssDeltaMb: number | null
}

function requestCase(base: Figures[], client: Figures[]) {
  const runner = (name: string, runs: Figures[]): Runner => ({
    runner: name,
    status: 'ok',
    runs,
    median: medians(runs),
    ratio: null,
    rssDeltaMb: null,
  })
  const result = {
    id: 'get-seq',
    title: '',
    kind: 'requests' as const,
    baseline: 'raw-http',
    sizes: {},
    runners: [runner('raw-http', base), runner('rest', client)],
  }
  addRatios(result)
  return result
}

describe('medians', () => {
  it('takes the median of each figure on its own', () => {
    expect(medians([run(100, 30), run(300, 10), run(200, 20)])).toMatchObject({
      opsPerSec: 200,
      cpuUsPerOp: 20,
    })
  })
})

describe('processMedians', () => {
  it('reads wall time as latency and gives runs per second', () => {
    const figures = processMedians([
      { wallMs: 100, cpuUs: 90_000, rssMb: 40 },
      { wallMs: 300, cpuUs: 95_000, rssMb: 42 },
      { wallMs: 200, cpuUs: 80_000, rssMb: 41 },
    ])
    expect(figures).toEqual({
      opsPerSec: 5,
      cpuUsPerOp: 90_000,
      p50Ms: 200,
      p99Ms: 300,
      wallMs: 200,
      rssMb: 41,
    })
  })
})

describe('addRatios', () => {
  it('pairs each repetition with the baseline repetition that ran beside it', () => {
    // Load halves everything in repetition 2; the client is 0.8x the floor in every repetition.
    const result = requestCase(
      [run(1000, 100), run(500, 200), run(1000, 100)],
      [run(800, 125), run(400, 250), run(800, 125)],
    )
    const rest = result.runners[1]!
    expect(rest.ratio?.opsPerSec).toBeCloseTo(0.8)
    expect(rest.ratio?.cpuUsPerOp).toBeCloseTo(1.25)
    // A load spike hits the client alone in repetition 2: the paired median ignores it, while
    // dividing the medians (320 / 500) would not.
    const spike = requestCase(
      [run(1000, 100), run(500, 200), run(400, 250)],
      [run(800, 125), run(250, 400), run(320, 312.5)],
    )
    expect(spike.runners[1]!.ratio?.opsPerSec).toBeCloseTo(0.8)
    expect(spike.runners[1]!.median!.opsPerSec / spike.runners[0]!.median!.opsPerSec).toBeCloseTo(0.64)
  })

  it('gives the baseline a ratio of 1 and the RSS difference per repetition', () => {
    const result = requestCase(
      [run(1000, 100, 50), run(1000, 100, 60)],
      [run(900, 110, 58), run(900, 110, 70)],
    )
    expect(result.runners[0]!.ratio).toEqual({
      opsPerSec: 1,
      cpuUsPerOp: 1,
      p50Ms: 1,
      p99Ms: 1,
      wallMs: 1,
      rssMb: 1,
    })
    expect(result.runners[0]!.rssDeltaMb).toBe(0)
    expect(result.runners[1]!.rssDeltaMb).toBeCloseTo(9)
  })

  it('divides medians when the repetitions cannot be paired', () => {
    const result = requestCase([run(1000, 100), run(1000, 100), run(1000, 100)], [run(500, 200)])
    expect(result.runners[1]!.ratio?.opsPerSec).toBeCloseTo(0.5)
  })
})

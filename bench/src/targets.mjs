// The timed targets (issue 8, tightened by issue 17), as data: each one reads a figure of one runner in one case, usually as a
// ratio to that case's baseline from the same run (machines are shared, absolute numbers drift).

/**
 * @typedef {'opsPerSec' | 'cpuUsPerOp' | 'p50Ms' | 'p99Ms' | 'wallMs' | 'rssMb'} Metric
 */

/**
 * @typedef {object} Target
 * @property {string} id
 * @property {string} description
 * @property {string} caseId
 * @property {string} runner
 * @property {Metric} metric
 * @property {'ratio' | 'delta' | 'vs-runner'} compare ratio to baseline, difference to baseline, or ratio to `against`
 * @property {number} [max]
 * @property {number} [min]
 * @property {string} [against] runner of the same case (compare 'vs-runner')
 * @property {number} [fallback] value of `against` to use when that runner is unavailable here
 */

/** @type {Target[]} */
export const TARGETS = [
  {
    id: 'get-seq-cpu',
    description: 'sequential GET via rest: CPU per request <= 1.3x raw',
    caseId: 'get-seq',
    runner: 'rest',
    metric: 'cpuUsPerOp',
    compare: 'ratio',
    max: 1.3,
  },
  {
    id: 'get-seq-rps',
    description: 'sequential GET via rest: throughput >= 0.8x raw',
    caseId: 'get-seq',
    runner: 'rest',
    metric: 'opsPerSec',
    compare: 'ratio',
    min: 0.8,
  },
  {
    id: 'get-c32-rps',
    description: '32 concurrent GETs via rest: throughput >= 0.9x raw',
    caseId: 'get-c32',
    runner: 'rest',
    metric: 'opsPerSec',
    compare: 'ratio',
    min: 0.9,
  },
  {
    id: 'post-seq-cpu',
    description: 'sequential POST 1 KB (defaults + expansion) via rest: CPU per request <= 1.3x raw',
    caseId: 'post-seq',
    runner: 'rest',
    metric: 'cpuUsPerOp',
    compare: 'ratio',
    max: 1.3,
  },
  {
    id: 'post-c32-cpu',
    description: '32 concurrent POST 1 KB via rest: CPU per request <= 1.3x raw',
    caseId: 'post-c32',
    runner: 'rest',
    metric: 'cpuUsPerOp',
    compare: 'ratio',
    max: 1.3,
  },
  {
    id: 'paging-wall',
    description: 'paging via rest .iterate(): wall time <= 1.4x raw',
    caseId: 'paging-100k',
    runner: 'rest',
    metric: 'wallMs',
    compare: 'ratio',
    max: 1.4,
  },
  {
    id: 'paging-rss',
    description: 'paging via rest .iterate(): peak RSS within 25 MB of raw',
    caseId: 'paging-100k',
    runner: 'rest',
    metric: 'rssMb',
    compare: 'delta',
    max: 25,
  },
  {
    id: 'cli-oneshot-wall',
    description: 'one-shot maxcli api: wall time <= 1.2x a raw node:http script',
    caseId: 'cli-oneshot',
    runner: 'maxcli',
    metric: 'wallMs',
    compare: 'ratio',
    max: 1.2,
  },
  {
    id: 'cli-oneshot-python',
    description: 'one-shot maxcli api: faster than Python requests.get (150 ms when not measurable here)',
    caseId: 'cli-oneshot',
    runner: 'maxcli',
    metric: 'wallMs',
    compare: 'vs-runner',
    against: 'python-requests',
    fallback: 150,
    max: 1,
  },
  {
    id: 'cli-version-wall',
    description: 'maxcli --version: wall time <= 1.3x node -e 0',
    caseId: 'cli-version',
    runner: 'maxcli',
    metric: 'wallMs',
    compare: 'ratio',
    max: 1.3,
  },
  {
    id: 'bulk-resume-rss',
    description: 'maxcli bulk --resume: peak RSS for 1,000,000 rows within 16 MB of 100,000 rows',
    caseId: 'bulk-resume',
    runner: 'bulk-large',
    metric: 'rssMb',
    compare: 'delta',
    max: 16,
  },
]

/**
 * @typedef {object} RunnerSummary
 * @property {string} runner
 * @property {'ok' | 'unavailable' | 'error'} status
 * @property {Record<Metric, number> | null} median
 * @property {Record<Metric, number | null> | null} [ratio] to the case baseline, when the run computed it
 * @property {number | null} [rssDeltaMb] peak RSS minus the baseline's, when the run computed it
 */

/**
 * @typedef {object} CaseSummary
 * @property {string} id
 * @property {string} baseline
 * @property {RunnerSummary[]} runners
 */

/**
 * @typedef {object} TargetResult
 * @property {string} id
 * @property {string} description
 * @property {number | null} value the compared figure (a ratio, or MB for 'delta')
 * @property {string} limit
 * @property {'met' | 'missed' | 'not measured'} verdict
 * @property {string} [note]
 */

/**
 * Checks every target against the summarised results.
 * @param {CaseSummary[]} cases
 * @returns {TargetResult[]}
 */
export function evaluateTargets(cases) {
  return TARGETS.map((target) => {
    const limit = target.max !== undefined ? `<= ${target.max}` : `>= ${target.min}`
    const found = cases.find((c) => c.id === target.caseId)
    /** @param {string} name */
    const figure = (name) => {
      const r = found?.runners.find((x) => x.runner === name)
      return r?.status === 'ok' && r.median ? r.median[target.metric] : null
    }
    const value = figure(target.runner)
    const base = target.compare === 'vs-runner' ? figure(target.against ?? '') : figure(found?.baseline ?? '')
    /** @type {string | undefined} */
    let note
    let reference = base
    if (reference === null && target.fallback !== undefined) {
      reference = target.fallback
      note = `${target.against} not measurable here; compared with the recorded ${target.fallback}`
    }
    if (value === null || reference === null) {
      return { id: target.id, description: target.description, value: null, limit, verdict: 'not measured' }
    }
    // The run's own ratios (paired per repetition) win over dividing the medians here.
    const own = found?.runners.find((x) => x.runner === target.runner)
    const ownRatio = target.compare === 'ratio' ? own?.ratio?.[target.metric] : undefined
    const ownDelta = target.compare === 'delta' && target.metric === 'rssMb' ? own?.rssDeltaMb : undefined
    const compared =
      ownRatio ?? ownDelta ?? (target.compare === 'delta' ? value - reference : value / reference)
    const met =
      (target.max === undefined || compared <= target.max) &&
      (target.min === undefined || compared >= target.min)
    return {
      id: target.id,
      description: target.description,
      value: compared,
      limit,
      verdict: met ? 'met' : 'missed',
      ...(note ? { note } : {}),
    }
  })
}

// What the benchmark measures, in one table. Request counts are sized so a full run stays within a
// few minutes on 2 cores; smoke counts only prove that every path still works. Warm-ups are long on
// purpose: with only a few hundred requests of warm-up, V8 is still compiling the HTTP path and the
// clients during the measured phase, and CPU per request comes out 2-4x the steady state.

/** Runners that speak HTTP in-process, the floor first. */
export const REQUEST_RUNNERS = ['raw-http', 'fetch', 'undici', 'rest', 'rpc', 'rest-undici']

/**
 * @typedef {object} Sizes
 * @property {number} count ops measured
 * @property {number} warmup ops run before measuring (JIT, connections)
 */

/**
 * @typedef {object} RequestCase
 * @property {'requests'} kind
 * @property {string} id
 * @property {string} title
 * @property {'getPerson' | 'postActivity'} op
 * @property {number} concurrency
 * @property {{ full: Sizes, smoke: Sizes }} sizes
 */

/**
 * @typedef {object} PagingCase
 * @property {'paging'} kind
 * @property {string} id
 * @property {string} title
 * @property {number} pageSize
 * @property {{ full: number, smoke: number }} activities
 * @property {{ full: number, smoke: number }} warmupActivities streamed first, from another timeline
 */

/**
 * @typedef {object} ProcessCase
 * @property {'process'} kind
 * @property {string} id
 * @property {string} title
 * @property {string} baseline runner the ratios divide by
 * @property {string[]} runners
 * @property {{ full: number, smoke: number }} runs repetitions (each one process)
 */

/** @type {RequestCase[]} */
export const REQUEST_CASES = [
  {
    kind: 'requests',
    id: 'get-seq',
    title: 'sequential GET /people/{username}',
    op: 'getPerson',
    concurrency: 1,
    sizes: { full: { count: 4000, warmup: 3000 }, smoke: { count: 100, warmup: 10 } },
  },
  {
    kind: 'requests',
    id: 'get-c32',
    title: '32 concurrent GET /people/{username}',
    op: 'getPerson',
    concurrency: 32,
    sizes: { full: { count: 10000, warmup: 4000 }, smoke: { count: 200, warmup: 32 } },
  },
  {
    kind: 'requests',
    id: 'post-seq',
    title: 'sequential POST 1 KB /people/{username}/activities (defaults + key expansion)',
    op: 'postActivity',
    concurrency: 1,
    sizes: { full: { count: 4000, warmup: 3000 }, smoke: { count: 100, warmup: 10 } },
  },
  {
    kind: 'requests',
    id: 'post-c32',
    title: '32 concurrent POST 1 KB /people/{username}/activities',
    op: 'postActivity',
    concurrency: 32,
    sizes: { full: { count: 8000, warmup: 4000 }, smoke: { count: 200, warmup: 32 } },
  },
]

/** @type {PagingCase} */
export const PAGING_CASE = {
  kind: 'paging',
  id: 'paging-100k',
  title: 'stream the timeline in pages of 100 through .iterate()',
  pageSize: 100,
  activities: { full: 100_000, smoke: 2_000 },
  warmupActivities: { full: 20_000, smoke: 1_000 },
}

/** @type {ProcessCase[]} */
export const PROCESS_CASES = [
  {
    kind: 'process',
    id: 'cli-oneshot',
    title: 'one-shot process: start, one authenticated GET, exit',
    baseline: 'raw-http-script',
    runners: ['raw-http-script', 'raw-http-cjs-script', 'fetch-script', 'maxcli', 'python-requests'],
    runs: { full: 10, smoke: 1 },
  },
  {
    kind: 'process',
    id: 'cli-version',
    title: 'maxcli --version against node -e 0',
    baseline: 'node-e-0',
    runners: ['node-e-0', 'maxcli'],
    runs: { full: 10, smoke: 1 },
  },
  {
    kind: 'process',
    id: 'bulk-resume',
    title: 'maxcli bulk --resume of a finished run: reads the whole input and journal, flat memory',
    baseline: 'bulk-small',
    runners: ['bulk-small', 'bulk-large'],
    runs: { full: 3, smoke: 1 },
  },
]

/** Runners that may be missing on a machine without failing the run. */
export const OPTIONAL_RUNNERS = new Set(['python-requests'])

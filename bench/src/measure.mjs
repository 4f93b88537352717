// Measurement loops that run inside a worker process: everything here counts as client cost.

import { activityId } from './fixtures.mjs'
import { percentile } from './stats.mjs'

/**
 * @typedef {object} Measurement
 * @property {number} ops requests (or pages, for paging) measured
 * @property {number} wallMs
 * @property {number} cpuUs user + system CPU of this process during the measured phase
 * @property {number} cpuUsPerOp
 * @property {number} systemUsPerOp the kernel's share of cpuUsPerOp (socket writes and reads)
 * @property {number} opsPerSec
 * @property {number} p50Ms latency of one op, median
 * @property {number} p99Ms
 * @property {number} [items] items received (paging only)
 */

/**
 * @param {number} ops
 * @param {bigint} started
 * @param {NodeJS.CpuUsage} cpuBefore
 * @param {ArrayLike<number>} latenciesNs
 * @returns {Measurement}
 */
function summarise(ops, started, cpuBefore, latenciesNs) {
  const wallNs = Number(process.hrtime.bigint() - started)
  const cpu = process.cpuUsage(cpuBefore)
  const cpuUs = cpu.user + cpu.system
  return {
    ops,
    wallMs: wallNs / 1e6,
    cpuUs,
    cpuUsPerOp: cpuUs / ops,
    systemUsPerOp: cpu.system / ops,
    opsPerSec: ops / (wallNs / 1e9),
    p50Ms: percentile(latenciesNs, 50) / 1e6,
    p99Ms: percentile(latenciesNs, 99) / 1e6,
  }
}

/**
 * Runs `op` `count` times with `concurrency` requests in flight (1 = sequential).
 * @param {() => Promise<unknown>} op
 * @param {{ count: number, concurrency: number }} options
 * @returns {Promise<Measurement>}
 */
export async function measureRequests(op, { count, concurrency }) {
  const latencies = new Float64Array(count)
  let next = 0
  const lane = async () => {
    for (let i = next++; i < count; i = next++) {
      const start = process.hrtime.bigint()
      await op()
      latencies[i] = Number(process.hrtime.bigint() - start)
    }
  }
  const cpuBefore = process.cpuUsage()
  const started = process.hrtime.bigint()
  await Promise.all(Array.from({ length: concurrency }, lane))
  return summarise(count, started, cpuBefore, latencies)
}

/**
 * Consumes a whole timeline through `iterate` and times each page (the interval between every
 * `pageSize`-th item, which is what a caller waits for one page, parsing included).
 * @param {(onItem: (item: unknown) => void) => Promise<void>} iterate
 * @param {{ pageSize: number, expectedItems: number }} options
 * @returns {Promise<Measurement>}
 */
export async function measurePaging(iterate, { pageSize, expectedItems }) {
  const pages = Math.ceil(expectedItems / pageSize)
  const latencies = new Float64Array(Math.max(pages, 1))
  let items = 0
  let lastId = ''
  const cpuBefore = process.cpuUsage()
  const started = process.hrtime.bigint()
  let pageStart = started
  await iterate((item) => {
    items++
    lastId = /** @type {{ id: string }} */ (item).id
    if (items % pageSize === 0 || items === expectedItems) {
      const now = process.hrtime.bigint()
      latencies[Math.ceil(items / pageSize) - 1] = Number(now - pageStart)
      pageStart = now
    }
  })
  // The timeline counts down to the oldest activity: a client that yields anything else is wrong.
  if (items !== expectedItems || lastId !== activityId(0)) {
    throw new Error(
      `paging yielded ${items} items ending with id ${lastId}, expected ${expectedItems} ending with ${activityId(0)}`,
    )
  }
  return { ...summarise(pages, started, cpuBefore, latencies), items }
}

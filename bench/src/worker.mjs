// One measurement in a fresh process: one runner, one case, one repetition. A fresh process gives
// each runner the same cold start and lets `resourceUsage().maxRSS` report its own peak memory.
// Input: a JSON config as argv[2]. Output: one line `BENCH_RESULT <json>` on stdout.

import { WARMUP_USER } from './fixtures.mjs'
import { measurePaging, measureRequests } from './measure.mjs'
import { verify } from './verify.mjs'

/**
 * @typedef {object} WorkerConfig
 * @property {string} runner file name under src/runners, without .mjs
 * @property {string} url
 * @property {string} username
 * @property {string} token
 * @property {{ kind: 'requests', op: 'getPerson' | 'postActivity', concurrency: number, count: number, warmup: number }
 *   | { kind: 'paging', pageSize: number, activities: number, warmupActivities: number }} task
 */

/** @param {unknown} result */
function report(result) {
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`)
}

/** @param {WorkerConfig} config */
async function main(config) {
  /** @type {{ createAdapter: import('./runners/adapter.js').CreateAdapter }} */
  let runner
  try {
    runner = await import(`./runners/${config.runner}.mjs`)
  } catch (error) {
    report({ status: 'unavailable', reason: error instanceof Error ? error.message : String(error) })
    return
  }
  const adapter = await runner.createAdapter({
    url: config.url,
    username: config.username,
    token: config.token,
  })
  await verify(adapter, config.username)
  const task = config.task
  /** @type {import('./measure.mjs').Measurement} */
  let measurement
  if (task.kind === 'requests') {
    const op = adapter[task.op]
    await measureRequests(op, { count: task.warmup, concurrency: task.concurrency })
    measurement = await measureRequests(op, { count: task.count, concurrency: task.concurrency })
  } else {
    await measurePaging((onItem) => adapter.iterateTimeline(WARMUP_USER, task.pageSize, onItem), {
      pageSize: task.pageSize,
      expectedItems: task.warmupActivities,
    })
    measurement = await measurePaging(
      (onItem) => adapter.iterateTimeline(config.username, task.pageSize, onItem),
      { pageSize: task.pageSize, expectedItems: task.activities },
    )
  }
  const rssMb = process.resourceUsage().maxRSS / 1024
  await adapter.close?.()
  report({ status: 'ok', ...measurement, rssMb })
}

const raw = process.argv[2]
if (raw === undefined) {
  process.stderr.write('usage: node src/worker.mjs <config json> (run.mjs starts this for you)\n')
  process.exit(2)
}
try {
  await main(JSON.parse(raw))
  process.exit(0)
} catch (error) {
  report({ status: 'error', reason: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  process.exit(1)
}

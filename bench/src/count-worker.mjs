// One process of the instruction count (src/instructions.mjs starts it, under callgrind): one
// runner, one operation, `warmup` unmeasured operations then `count` more, then exit. Everything the
// process does is counted; the driver subtracts a short run from a long one, so start-up, the
// check and the warm-up cancel out and what is left is the cost of the extra operations.
// Input: a JSON config as argv[2]. Output: one line `COUNT_DONE <json>` on stdout.

import { verify } from './verify.mjs'

/**
 * @typedef {object} CountConfig
 * @property {string} runner file name under src/runners, without .mjs
 * @property {string} url
 * @property {string} username
 * @property {string} token
 * @property {'getPerson' | 'postActivity' | 'page'} op
 * @property {number} warmup operations before the counted ones
 * @property {number} count operations after the warm-up
 * @property {number} pageSize activities per page (op 'page')
 * @property {number} settleMs idle time before exiting (see main)
 */

/**
 * Pages through the sized timeline `timeline.N` of the loopback server (N = pages x pageSize) and
 * checks that every activity arrived.
 * @param {import('./runners/adapter.js').Adapter} adapter
 * @param {number} pages
 * @param {number} pageSize
 */
async function pageThrough(adapter, pages, pageSize) {
  const expected = pages * pageSize
  let items = 0
  await adapter.iterateTimeline(`timeline.${expected}`, pageSize, () => {
    items++
  })
  if (items !== expected) throw new Error(`paging yielded ${items} activities, expected ${expected}`)
}

/** @param {CountConfig} config */
async function main(config) {
  /** @type {{ createAdapter: import('./runners/adapter.js').CreateAdapter }} */
  const runner = await import(`./runners/${config.runner}.mjs`)
  const adapter = await runner.createAdapter(config)
  await verify(adapter, config.username)
  if (config.op === 'page') {
    await pageThrough(adapter, config.warmup, config.pageSize)
    await pageThrough(adapter, config.count, config.pageSize)
  } else {
    const op = adapter[config.op]
    for (let i = 0; i < config.warmup; i++) await op()
    for (let i = 0; i < config.count; i++) await op()
  }
  await adapter.close?.()
  // Idle before exiting, so V8's background compiles started by the counted operations finish in
  // both runs: exiting in the middle of one would leave it out of the short run only.
  if (config.settleMs > 0) await new Promise((done) => setTimeout(done, config.settleMs))
  // The V8 flags it ran with, so the driver can check the fixed hash seed reached it.
  const done = { op: config.op, count: config.count, execArgv: process.execArgv }
  process.stdout.write(`COUNT_DONE ${JSON.stringify(done)}\n`)
}

const raw = process.argv[2]
if (raw === undefined) {
  process.stderr.write(
    'usage: node src/count-worker.mjs <config json> (instructions.mjs starts this for you)\n',
  )
  process.exit(2)
}
await main(JSON.parse(raw))
process.exit(0)

#!/usr/bin/env node
// Adds up the `Tests: N passed, N failed, N skipped` lines that each `pnpm test` run printed (one per
// Node version in CI) into one closing line, so CI ends on the count of everything it ran.
import { readFileSync } from 'node:fs'

const file = process.argv[2]
if (!file) {
  console.error('usage: sum-tests.mjs LOG')
  process.exit(2)
}
const totals = { passed: 0, failed: 0, skipped: 0 }
let runs = 0
for (const line of readFileSync(file, 'utf8').split('\n')) {
  const match = /^Tests: (\d+) passed, (\d+) failed, (\d+) skipped$/.exec(line.trim())
  if (!match) continue
  runs++
  totals.passed += Number(match[1])
  totals.failed += Number(match[2])
  totals.skipped += Number(match[3])
}
if (runs === 0) {
  console.log('Tests: 0 passed, 1 failed, 0 skipped')
  console.error(`sum-tests: no test count found in ${file}`)
  process.exit(1)
}
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(totals.failed > 0 ? 1 : 0)

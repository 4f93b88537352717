#!/usr/bin/env node
// Prints one closing line for the whole workspace from each project's vitest JSON report,
// so a reader (or CI) sees the real test count without adding up turbo's per-package logs.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const roots = ['packages', 'apps']
const reports = []
for (const root of roots) {
  if (!existsSync(root)) continue
  for (const name of readdirSync(root)) reports.push(join(root, name, '.vitest', 'report.json'))
}
for (const dir of ['bench', 'browser']) reports.push(join(dir, '.vitest', 'report.json'))

let passed = 0
let failed = 0
let skipped = 0
let read = 0
for (const file of reports) {
  if (!existsSync(file)) continue
  const report = JSON.parse(readFileSync(file, 'utf8'))
  passed += report.numPassedTests ?? 0
  failed += report.numFailedTests ?? 0
  // A test file that fails outside any test (a hook timeout, an import error) counts as one failure.
  for (const file of report.testResults ?? []) {
    const testFailed = (file.assertionResults ?? []).some((test) => test.status === 'failed')
    if (file.status === 'failed' && !testFailed) failed += 1
  }
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  read += 1
}
if (read === 0) {
  console.error('test-summary: no vitest report found (did the tests run?)')
  process.exit(1)
}
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)

#!/usr/bin/env node
// `pnpm test`: every package's tests through turbo (all of them, even after a failure), then the
// closing count line, which is printed whatever happened so CI always shows it. Extra arguments
// go to turbo (`pnpm test --filter @maxclient/rest`).
import { spawnSync } from 'node:child_process'

const run = (command, args) =>
  spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' })
const tests = run('turbo', ['run', 'test', '--continue', ...process.argv.slice(2)])
const summary = run(process.execPath, [new URL('./test-summary.mjs', import.meta.url).pathname])
process.exit(tests.status !== 0 ? tests.status || 1 : (summary.status ?? 1))

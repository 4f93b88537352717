import { execFile } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { packageDir, withBuiltPackage } from './built-package.js'

// The built package, in a process of its own whose V8 reports every optimisation and
// deoptimisation: what a long-running service gets from the package, not the test's copy.
const distUrl = pathToFileURL(join(packageDir, 'dist')).href
const run = promisify(execFile)
const scriptDir = withBuiltPackage('maxclient-core-steady-')

// Spells of 32 requests in flight through the node transport (with a timeout, as clients send
// them), against a server in the same process; `LULL` marks the pause between two spells.
const script = `
import http from 'node:http'
import { createNodeTransport } from '@maxclient/core'
const server = http.createServer((req, res) => res.end('{"ok":true}'))
await new Promise((listening) => server.listen(0, '127.0.0.1', listening))
const url = 'http://127.0.0.1:' + server.address().port + '/people/ann'
const transport = createNodeTransport()
const spell = async (count) => {
  let left = count
  const lane = async () => {
    while (left-- > 0) await transport({ method: 'GET', url, headers: { accept: 'application/json' }, timeout: 30000 })
  }
  await Promise.all(Array.from({ length: 32 }, lane))
}
await spell(3000)
console.log('LULL')
await spell(200)
server.close()
`

describe('the node transport under steady load', () => {
  it('stays optimised when requests resume after a lull (no code path that only an idle transport takes)', async () => {
    const dir = scriptDir()
    const path = join(dir, 'steady.mjs')
    writeFileSync(path, script)
    // Compiles on the main thread, so the request path is optimised before the lull on any machine.
    const { stdout } = await run(
      process.execPath,
      ['--trace-opt', '--trace-deopt-verbose', '--no-concurrent-recompilation', path],
      { cwd: dir, maxBuffer: 64 * 1024 * 1024 },
    )
    const lull = stdout.indexOf('LULL\n')
    expect(lull).toBeGreaterThan(0)
    // The request path (the transport's hop and the timeout list are both `start`) was optimised
    // before the lull, so the test would see it thrown away.
    expect(stdout.slice(0, lull)).toMatch(/completed compiling .*<JSFunction start /)
    const afterLull = stdout.slice(lull)
    const ours = afterLull
      .split('\n')
      .filter((line) => line.includes(';;; deoptimize at') && line.includes(distUrl))
    expect(ours).toEqual([])
  })
})

import { execFile } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The built package, as consumers get it: `pnpm --filter @maxclient/core build` (turbo's test task builds first).
const packageDir = fileURLToPath(new URL('..', import.meta.url))
const run = promisify(execFile)
let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'maxclient-core-dist-'))
  mkdirSync(join(dir, 'node_modules', '@maxclient'), { recursive: true })
  symlinkSync(packageDir, join(dir, 'node_modules', '@maxclient', 'core'), 'dir')
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

// Each script starts a server on 127.0.0.1, makes one authenticated call through the package and
// prints what it saw.
const serverSnippet = `
const http = require('node:http')
function serve() {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ token: req.headers['x-oauth-token'], user: req.headers['x-oauth-username'] }))
    })
    server.listen(0, '127.0.0.1', () => resolve(server))
  })
}
`

async function node(file: string, source: string): Promise<unknown> {
  const path = join(dir, file)
  writeFileSync(path, source)
  const { stdout } = await run(process.execPath, [path], { cwd: dir })
  return JSON.parse(stdout)
}

describe('the built package', () => {
  it("works with require('@maxclient/core') (CJS)", async () => {
    const out = await node(
      'cjs.cjs',
      `${serverSnippet}
const core = require('@maxclient/core')
serve().then(async (server) => {
  const max = new core.MaxCore('http://127.0.0.1:' + server.address().port, { actor: 'ann', token: 'tok-cjs' })
  const body = await max.request({ method: 'GET', path: '/people/ann' })
  server.close()
  console.log(JSON.stringify({
    body,
    resolved: require.resolve('@maxclient/core'),
    node: typeof core.createNodeTransport,
    usage: new core.UsageError('x') instanceof core.MaxError,
  }))
})`,
    )
    expect(out).toEqual({
      body: { token: 'tok-cjs', user: 'ann' },
      resolved: expect.stringMatching(/dist[/\\]index\.node\.cjs$/),
      node: 'function',
      usage: true,
    })
  })

  it("works with import '@maxclient/core' (ESM)", async () => {
    const out = await node(
      'esm.mjs',
      `import { createRequire } from 'node:module'
import { MaxCore, createNodeTransport, RequestError } from '@maxclient/core'
const require = createRequire(import.meta.url)
${serverSnippet}
const server = await serve()
const max = new MaxCore('http://127.0.0.1:' + server.address().port, { actor: 'bob', token: 'tok-esm' })
const body = await max.request({ method: 'GET', path: '/people/bob' })
server.close()
console.log(JSON.stringify({ body, resolved: import.meta.resolve('@maxclient/core'), node: typeof createNodeTransport }))`,
    )
    expect(out).toEqual({
      body: { token: 'tok-esm', user: 'bob' },
      resolved: expect.stringMatching(/dist\/index\.node\.js$/),
      node: 'function',
    })
  })

  it('instanceof works across the ESM and CJS copies, and the non-Node entries load', async () => {
    const out = await node(
      'mixed.mjs',
      `import { createRequire } from 'node:module'
import * as esm from '@maxclient/core'
const require = createRequire(import.meta.url)
const cjs = require('@maxclient/core')
const browserEsm = await import('${packageDir}dist/index.js')
const browserCjs = require('${packageDir}dist/index.cjs')
const fromCjs = new cjs.TimeoutError('GET', 'http://h/x', 5)
const fromEsm = new esm.RequestError('m', { status: 500, method: 'GET', url: 'http://h/' })
console.log(JSON.stringify({
  sameClass: esm.RequestError === cjs.RequestError,
  cjsInEsm: fromCjs instanceof esm.RequestError && fromCjs instanceof esm.TimeoutError && fromCjs instanceof esm.MaxError,
  esmInCjs: fromEsm instanceof cjs.RequestError && !(fromEsm instanceof cjs.TimeoutError),
  browserSeesNode: fromCjs instanceof browserEsm.TimeoutError && fromEsm instanceof browserCjs.RequestError,
  browserHasNodeTransport: 'createNodeTransport' in browserEsm || 'createNodeTransport' in browserCjs,
  browserClient: new browserEsm.MaxCore('http://h').url,
}))`,
    )
    expect(out).toEqual({
      sameClass: false,
      cjsInEsm: true,
      esmInCjs: true,
      browserSeesNode: true,
      browserHasNodeTransport: false,
      browserClient: 'http://h',
    })
  })

  // A one-shot CLI call pays for every module it loads: undici (behind the FormData, fetch and
  // Response globals) costs ~50 ms on Node 20 and node:https ~15 ms, and a plain JSON call needs
  // neither. Which of them `node:http` itself loads depends on the Node version (newer ones load
  // zlib with it), so the package is compared with bare `node:http` doing the same calls.
  it('sends a JSON request over http loading no more of undici, node:https, node:zlib than node:http does', async () => {
    const report = `const loaded = (name) => process.moduleLoadList.some((entry) => entry.includes(name))
console.log(JSON.stringify({ undici: loaded('undici'), https: loaded('NativeModule https'), zlib: loaded('NativeModule zlib') }))`
    const baseline = (await node(
      'bare.mjs',
      `import { createRequire } from 'node:module'
const require = createRequire(import.meta.url)
${serverSnippet}
const server = await serve()
const call = (method, body) => new Promise((resolve, reject) => {
  const req = http.request('http://127.0.0.1:' + server.address().port + '/people/cy', { method, headers: { accept: 'application/json' } }, (res) => {
    const chunks = []
    res.on('data', (chunk) => chunks.push(chunk))
    res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))))
  })
  req.on('error', reject)
  req.end(body)
})
await call('GET')
await call('POST', JSON.stringify({ object: { content: 'hi' } }))
server.close()
${report}`,
    )) as Record<string, boolean>
    const out = (await node(
      'lean.mjs',
      `import { createRequire } from 'node:module'
import { MaxCore } from '@maxclient/core'
const require = createRequire(import.meta.url)
${serverSnippet}
const server = await serve()
const max = new MaxCore('http://127.0.0.1:' + server.address().port, { actor: 'cy', token: 'tok-lean' })
await max.request({ method: 'GET', path: '/people/cy' })
await max.request({ method: 'POST', path: '/people/cy/activities', body: { object: { content: 'hi' } } })
server.close()
${report}`,
    )) as Record<string, boolean>
    for (const name of ['undici', 'https', 'zlib']) {
      // Loaded by the package only if bare node:http loads it too.
      expect(
        out[name] === false || baseline[name] === true,
        `${name}: package ${out[name]}, node:http ${baseline[name]}`,
      ).toBe(true)
    }
    // On Node 20 (where node:http loads none of them) the package must not either.
    if (process.versions.node.startsWith('20.'))
      expect(out).toEqual({ undici: false, https: false, zlib: false })
  })

  it('keeps node: modules out of the default (browser) entry', () => {
    const dist = join(packageDir, 'dist')
    const files = readdirSync(dist).filter((f) => /\.(c?js)$/.test(f) && !f.startsWith('index.node.'))
    expect(files).toContain('index.js')
    expect(files).toContain('index.cjs')
    for (const file of files) {
      const code = readFileSync(join(dist, file), 'utf8')
      expect(code, file).not.toMatch(/(from\s*["']node:|require\(["']node:)/)
    }
  })
})

import { execFile } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { packageDir, withBuiltPackage } from './built-package.js'

const run = promisify(execFile)
const scriptDir = withBuiltPackage('maxclient-core-dist-')

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
  const dir = scriptDir()
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
  it('sends a JSON request over http loading no more of undici, node:https, node:zlib, node:perf_hooks than node:http does', async () => {
    const report = `const loaded = (name) => process.moduleLoadList.some((entry) => entry.includes(name))
console.log(JSON.stringify({ undici: loaded('undici'), https: loaded('NativeModule https'), zlib: loaded('NativeModule zlib'), perf_hooks: loaded('NativeModule perf_hooks') }))`
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
    for (const name of ['undici', 'https', 'zlib', 'perf_hooks']) {
      // Loaded by the package only if bare node:http loads it too.
      expect(
        out[name] === false || baseline[name] === true,
        `${name}: package ${out[name]}, node:http ${baseline[name]}`,
      ).toBe(true)
    }
    // On Node 20 (where node:http loads none of them) the package must not either.
    if (process.versions.node.startsWith('20.'))
      expect(out).toEqual({ undici: false, https: false, zlib: false, perf_hooks: false })
  })

  it('loads the undici package only when createUndiciTransport is called', async () => {
    const out = await node(
      'undici-lazy.mjs',
      `import { createRequire } from 'node:module'
import { MaxCore } from '@maxclient/core'
import { createUndiciTransport } from '@maxclient/core/undici'
const require = createRequire(import.meta.url)
const npmUndici = () => Object.keys(require.cache).some((file) => /[\\/]node_modules[\\/]undici[\\/]/.test(file))
${serverSnippet}
const server = await serve()
await new MaxCore('http://127.0.0.1:' + server.address().port, { actor: 'cy', token: 'tok' }).request({ method: 'GET', path: '/people/cy' })
const beforeCall = npmUndici()
const transport = createUndiciTransport()
const afterCall = npmUndici()
await transport.close()
server.close()
console.log(JSON.stringify({ beforeCall, afterCall }))`,
    )
    expect(out).toEqual({ beforeCall: false, afterCall: true })
  })

  it('never names the undici package in the main entries or the chunks they import', () => {
    const dist = join(packageDir, 'dist')
    const seen = new Set<string>()
    const visit = (file: string) => {
      if (seen.has(file)) return
      seen.add(file)
      const code = readFileSync(join(dist, file), 'utf8')
      expect(code, file).not.toMatch(/["']undici(\/[^"']*)?["']/)
      for (const [, chunk] of code.matchAll(/from\s*["']\.\/([^"']+)["']/g)) {
        // Declarations import their shared chunks as `./x.js`, meaning `./x.d.ts`.
        visit(file.endsWith('.d.ts') ? chunk!.replace(/\.js$/, '.d.ts') : chunk!)
      }
    }
    for (const entry of [
      'index.js',
      'index.cjs',
      'index.node.js',
      'index.node.cjs',
      'index.d.ts',
      'index.node.d.ts',
    ]) {
      visit(entry)
    }
    expect(seen.size).toBeGreaterThan(6)
    // The subpath does name it, so the check above would see an import.
    expect(readFileSync(join(dist, 'undici.js'), 'utf8')).toMatch(/["']undici["']/)
  })

  it('@maxclient/core/undici works from ESM and CJS, its timeouts are TimeoutErrors of either copy', async () => {
    const script = (load: string) => `${load}
${serverSnippet}
serve().then(async (server) => {
  const transport = createUndiciTransport({ connections: 4 })
  const max = new MaxCore('http://127.0.0.1:' + server.address().port, { actor: 'di', token: 'tok-undici', transport, retry: false })
  const body = await max.request({ method: 'GET', path: '/people/di' })
  const hang = http.createServer(() => {})
  await new Promise((resolve) => hang.listen(0, '127.0.0.1', resolve))
  const slow = new MaxCore('http://127.0.0.1:' + hang.address().port, { transport, retry: false })
  const error = await slow.send({ method: 'GET', path: '/', auth: false, timeout: 30 }).catch((e) => e)
  await transport.close()
  hang.closeAllConnections(); hang.close(); server.close()
  console.log(JSON.stringify({ body, timeout: error instanceof TimeoutError, message: error.message }))
})`
    const expected = {
      body: { token: 'tok-undici', user: 'di' },
      timeout: true,
      message: expect.stringMatching(/timed out after 30 ms$/),
    }
    const esm = await node(
      'undici.mjs',
      script(`import { createRequire } from 'node:module'
import { MaxCore, TimeoutError } from '@maxclient/core'
import { createUndiciTransport } from '@maxclient/core/undici'
const require = createRequire(import.meta.url)`),
    )
    expect(esm).toEqual(expected)
    const cjs = await node(
      'undici.cjs',
      script(`const { MaxCore, TimeoutError } = require('@maxclient/core')
const { createUndiciTransport } = require('@maxclient/core/undici')`),
    )
    expect(cjs).toEqual(expected)
  })

  it('without undici installed, createUndiciTransport throws a UsageError saying how to install it', async () => {
    // A copy of the package (not a link), where no undici can be found.
    const bare = mkdtempSync(join(tmpdir(), 'maxclient-core-bare-'))
    try {
      const target = join(bare, 'node_modules', '@maxclient', 'core')
      mkdirSync(target, { recursive: true })
      cpSync(join(packageDir, 'dist'), join(target, 'dist'), { recursive: true })
      cpSync(join(packageDir, 'package.json'), join(target, 'package.json'))
      const check = `.then((core) => {
  let error
  try { create() } catch (caught) { error = caught }
  console.log(JSON.stringify({ usage: error instanceof core.UsageError, message: error.message }))
})`
      writeFileSync(
        join(bare, 'esm.mjs'),
        `import { createUndiciTransport as create } from '@maxclient/core/undici'
import('@maxclient/core')${check}`,
      )
      writeFileSync(
        join(bare, 'cjs.cjs'),
        `const { createUndiciTransport: create } = require('@maxclient/core/undici')
Promise.resolve(require('@maxclient/core'))${check}`,
      )
      for (const file of ['esm.mjs', 'cjs.cjs']) {
        // pnpm's NODE_PATH would find the workspace's undici.
        const env = { ...process.env, NODE_PATH: '' }
        const { stdout } = await run(process.execPath, [join(bare, file)], { cwd: bare, env })
        expect(JSON.parse(stdout), file).toEqual({
          usage: true,
          message: expect.stringContaining('not installed: npm install undici@^7'),
        })
      }
    } finally {
      rmSync(bare, { recursive: true, force: true })
    }
  })

  it('keeps node: modules out of the default (browser) entry', () => {
    const dist = join(packageDir, 'dist')
    // index.node.* and the Node-only undici subpath may import node: modules.
    const files = readdirSync(dist).filter(
      (f) => /\.(c?js)$/.test(f) && !f.startsWith('index.node.') && !f.startsWith('undici.'),
    )
    expect(files).toContain('index.js')
    expect(files).toContain('index.cjs')
    for (const file of files) {
      const code = readFileSync(join(dist, file), 'utf8')
      expect(code, file).not.toMatch(/(from\s*["']node:|require\(["']node:)/)
    }
  })
})

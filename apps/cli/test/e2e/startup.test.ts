import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type RunningMockServer, startMockServer } from '@maxclient/mock-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isolatedEnv, runCli } from './harness.js'

// `maxcli --version` and a one-shot `maxcli api` are benchmark targets (bench/README.md): the
// libraries added for terminals, jq, keyrings and config paths must stay off those paths, and so
// must the CLI itself for `--version`, and every other command's module for `api`.
const PROBE = fileURLToPath(new URL('./fixtures/load-log.cjs', import.meta.url))
const LAZY = ['picocolors', 'jq-wasm', 'env-paths', '@napi-rs/keyring']

let server: RunningMockServer
beforeAll(async () => {
  server = await startMockServer({ port: 0, host: '127.0.0.1', users: { ann: 'pw' } })
})
afterAll(() => server.close())

async function loaded(args: string[], extra: Record<string, string> = {}): Promise<string[]> {
  const log = join(mkdtempSync(join(tmpdir(), 'maxcli-load-')), 'modules.log')
  const env = isolatedEnv({ NODE_OPTIONS: `--require ${PROBE}`, MAXCLI_LOAD_LOG: log, ...extra })
  const result = await runCli(args, env)
  expect(result.code, result.stderr).toBe(0)
  return readFileSync(log, 'utf8').split('\n')
}

describe('start-up', () => {
  it('--version answers without loading the CLI or any of the lazy libraries', async () => {
    const modules = await loaded(['--version'])
    expect(modules).not.toContain('../dist/cli.cjs')
    expect(modules.filter((name) => LAZY.includes(name))).toEqual([])
  })

  it('a one-shot api call loads the shared runtime and the api command, nothing more', async () => {
    const modules = await loaded(['api', '/people/ann'], {
      MAX_SERVER: server.url,
      MAX_USERNAME: 'ann',
      MAX_TOKEN: server.issueToken('ann'),
    })
    expect(modules).toContain('../dist/cli.cjs')
    expect([...new Set(modules.filter((name) => name.startsWith('./commands/')))]).toEqual([
      './commands/api.cjs',
    ])
    expect(modules.filter((name) => LAZY.includes(name))).toEqual([])
  })

  it("a group's help loads that group's commands only", async () => {
    const modules = await loaded(['users', '--help'])
    expect([...new Set(modules.filter((name) => name.startsWith('./commands/')))].sort()).toEqual(
      ['add', 'delete', 'get', 'list', 'modify'].map((name) => `./commands/users-${name}.cjs`),
    )
  })

  it('the probe sees them where they are used', async () => {
    const modules = await loaded(['api', '/people/ann', '--jq', '.username', '--output', 'table'], {
      MAX_SERVER: server.url,
      MAX_USERNAME: 'ann',
      MAX_TOKEN: server.issueToken('ann'),
      NO_COLOR: '',
      FORCE_COLOR: '1',
    })
    expect(modules).toEqual(expect.arrayContaining(['jq-wasm', 'picocolors']))
  })
})

// Node 22.1 and later can keep compiled code between runs (module.enableCompileCache).
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number)
const hasCompileCache = major > 22 || (major === 22 && minor >= 1)
const cacheDir = (env: Record<string, string>) => join(env.HOME!, '.cache', 'maxcli', 'node-compile-cache')

describe('compiled-code cache', () => {
  const apiCall = () => ({ MAX_SERVER: server.url, MAX_USERNAME: 'ann', MAX_TOKEN: server.issueToken('ann') })

  it.runIf(hasCompileCache)(
    'keeps the compiled CLI in a private cache directory and reads it on the next run',
    async () => {
      const env = isolatedEnv(apiCall())
      const first = await runCli(['api', '/people/ann'], env)
      expect(first.code, first.stderr).toBe(0)
      const dir = cacheDir(env)
      expect(statSync(dir).mode & 0o777).toBe(0o700)
      expect(readdirSync(dir).length).toBeGreaterThan(0)
      // Node's own report of what its compile cache did.
      const second = await runCli(['api', '/people/ann'], { ...env, NODE_DEBUG_NATIVE: 'COMPILE_CACHE' })
      expect(second.code, second.stderr).toBe(0)
      expect(second.stderr).toMatch(/cli\.cjs was accepted/)
      expect(JSON.parse(second.stdout)).toMatchObject({ username: 'ann' })
    },
  )

  it.runIf(hasCompileCache)(
    'makes an existing cache directory of its own private before using it',
    async () => {
      const env = isolatedEnv(apiCall())
      mkdirSync(cacheDir(env), { recursive: true })
      chmodSync(cacheDir(env), 0o777)
      expect((await runCli(['api', '/people/ann'], env)).code).toBe(0)
      expect(statSync(cacheDir(env)).mode & 0o777).toBe(0o700)
      expect(readdirSync(cacheDir(env)).length).toBeGreaterThan(0)
    },
  )

  it('runs uncached when the cache path is not a directory', async () => {
    const env = isolatedEnv(apiCall())
    mkdirSync(join(cacheDir(env), '..'), { recursive: true })
    writeFileSync(cacheDir(env), 'not a directory')
    const result = await runCli(['api', '/people/ann'], env)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toBe('')
    expect(readFileSync(cacheDir(env), 'utf8')).toBe('not a directory')
  })

  it('writes no cache with NODE_DISABLE_COMPILE_CACHE=1, nor on a Node without one', async () => {
    const env = isolatedEnv({ ...apiCall(), NODE_DISABLE_COMPILE_CACHE: '1' })
    expect((await runCli(['api', '/people/ann'], env)).code).toBe(0)
    expect(existsSync(cacheDir(env))).toBe(false)
    if (!hasCompileCache) {
      const plain = isolatedEnv(apiCall())
      expect((await runCli(['api', '/people/ann'], plain)).code).toBe(0)
      expect(existsSync(cacheDir(plain))).toBe(false)
    }
  })
})

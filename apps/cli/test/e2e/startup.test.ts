import { mkdtempSync, readFileSync } from 'node:fs'
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

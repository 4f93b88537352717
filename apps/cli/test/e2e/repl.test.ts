import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { type RunningMockServer, startMockServer } from '@maxclient/mock-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isolatedEnv, runInPty } from './harness.js'

let server: RunningMockServer

beforeAll(async () => {
  server = await startMockServer({ port: 0, host: '127.0.0.1', users: { admin: 'pw' }, managers: ['admin'] })
})
afterAll(() => server.close())

describe('maxcli repl', () => {
  it('has client (REST) and rpc logged in, top-level await, tab completion and a 0600 history', async () => {
    const env = isolatedEnv({
      MAX_SERVER: server.url,
      MAX_USERNAME: 'admin',
      MAX_TOKEN: server.issueToken('admin'),
    })
    const { code, output } = await runInPty(['repl'], env, [
      { expect: 'max> ', send: "(await client.people[':me'].get()).displayName + '-rest'\r" },
      { expect: "'admin-rest'", send: '' },
      { expect: 'max> ', send: "(await rpc.getUser())[2].username + '-rpc'\r" },
      { expect: "'admin-rpc'", send: '' },
      { expect: 'max> ', send: 'client.conte\t' },
      { expect: 'client.contexts', send: '\u0015.exit\r' },
    ])
    expect(code, output).toBe(0)
    const history = join(env.XDG_CONFIG_HOME!, 'maxcli', 'repl_history')
    expect(statSync(history).mode & 0o777).toBe(0o600)
    expect(readFileSync(history, 'utf8')).toContain('rpc.getUser()')
  })
})

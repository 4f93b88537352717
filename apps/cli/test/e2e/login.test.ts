import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { type RunningMockServer, startMockServer } from '@maxclient/mock-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isolatedEnv, runCli, runInPty } from './harness.js'

let server: RunningMockServer

beforeAll(async () => {
  server = await startMockServer({
    port: 0,
    host: '127.0.0.1',
    users: { admin: 'admin-secret', alice: 'alice-secret' },
    managers: ['admin'],
  })
})
afterAll(() => server.close())

const profilesFile = (env: Record<string, string>) => join(env.XDG_CONFIG_HOME!, 'maxcli', 'profiles.json')

describe('maxcli login in a terminal', () => {
  it('prompts, hides the password, asks again after a wrong one keeping the username, and stores only the token', async () => {
    const env = isolatedEnv()
    const { code, output } = await runInPty(['login', '--server', server.url], env, [
      { expect: 'Username: ', send: 'alice\r' },
      { expect: 'Password for alice: ', send: 'not-the-password\r' },
      { expect: 'Wrong username or password for alice.', send: '' },
      { expect: 'Password for alice: ', send: 'alice-secret\r' },
    ])
    expect(code, output).toBe(0)
    expect(output).toContain(`Logged in to ${server.url} as alice`)
    expect(output).not.toContain('alice-secret')
    expect(output).not.toContain('not-the-password')
    const file = profilesFile(env)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const text = readFileSync(file, 'utf8')
    expect(text).not.toContain('alice-secret')
    const stored = JSON.parse(text).profiles[`alice@${new URL(server.url).host}`]
    expect(stored).toMatchObject({ server: server.url, username: 'alice' })
    expect(stored.token).toMatch(/\S{8,}/)
  })

  it('asks for the username again after an empty password', async () => {
    const env = isolatedEnv()
    const { code, output } = await runInPty(['login', '-s', server.url], env, [
      { expect: 'Username: ', send: 'alcie\r' },
      { expect: 'Password for alcie: ', send: '\r' },
      { expect: 'Username: ', send: 'alice\r' },
      { expect: 'Password for alice: ', send: 'alice-secret\r' },
    ])
    expect(code, output).toBe(0)
    expect(output).toContain('Empty password: enter the username again.')
    expect(output).toContain('as alice')
  })

  it('gives up with exit code 3 after three wrong passwords', async () => {
    const env = isolatedEnv()
    const { code, output } = await runInPty(['login', '-s', server.url, '-u', 'alice'], env, [
      { expect: 'Password for alice: ', send: 'x1\r' },
      { expect: 'Password for alice: ', send: 'x2\r' },
      { expect: 'Password for alice: ', send: 'x3\r' },
    ])
    expect(code, output).toBe(3)
    expect(output).toContain('Login failed after 3 attempts.')
  })

  it('exits cleanly with 130 on Ctrl-C at a prompt', async () => {
    const env = isolatedEnv()
    const atPassword = await runInPty(['login', '-s', server.url, '-u', 'alice'], env, [
      { expect: 'Password for alice: ', send: '\u0003' },
    ])
    expect(atPassword.code, atPassword.output).toBe(130)
    expect(atPassword.output).toContain('Cancelled.')
    expect(atPassword.output).not.toMatch(/at .*\.js:\d+/) // no stack trace
    const atUsername = await runInPty(['login', '-s', server.url], env, [
      { expect: 'Username: ', send: '\u0003' },
    ])
    expect(atUsername.code, atUsername.output).toBe(130)
  })
})

describe('maxcli login without a terminal', async () => {
  it('never prompts: names what is missing and exits 3', async () => {
    const env = isolatedEnv()
    const result = await runCli(['login', '--server', server.url], env)
    expect(result.code).toBe(3)
    expect(result.stderr).toContain('Cannot prompt: stdin is not a terminal.')
    expect(result.stderr).toContain('--username (or MAX_USERNAME)')
    expect(result.stderr).toContain('--password-stdin')
    expect(result.stderr).toContain('MAX_TOKEN')
    const noServer = await runCli(['login', '-u', 'alice'], env)
    expect(noServer.code).toBe(3)
    expect(noServer.stderr).toContain('--server (or MAX_SERVER)')
  })

  it('reads the password from stdin with --password-stdin, then whoami, profiles and logout work', async () => {
    const env = isolatedEnv()
    const login = await runCli(
      ['login', '-s', server.url, '-u', 'admin', '--password-stdin'],
      env,
      'admin-secret\n',
    )
    expect(login.code, login.stderr).toBe(0)
    expect(login.stderr + login.stdout).not.toContain('admin-secret')

    const whoami = await runCli(['whoami', '--json'], env)
    expect(whoami.code, whoami.stderr).toBe(0)
    expect(JSON.parse(whoami.stdout)).toMatchObject({ server: server.url, username: 'admin' })

    const profiles = await runCli(['profiles', '--json'], env)
    const list = JSON.parse(profiles.stdout)
    expect(list).toEqual([expect.objectContaining({ current: '*', username: 'admin', server: server.url })])
    expect(profiles.stdout).not.toMatch(/token/i)

    const logout = await runCli(['logout'], env)
    expect(logout.code, logout.stderr).toBe(0)
    const after = await runCli(['whoami'], env)
    expect(after.code).toBe(3)
    expect(after.stderr).toMatch(/Not logged in|No server given/)
  })

  it('fails with exit code 3 on bad credentials, without echoing the password', async () => {
    const env = isolatedEnv()
    const result = await runCli(
      ['login', '-s', server.url, '-u', 'admin', '--password-stdin'],
      env,
      'wrong-pw\n',
    )
    expect(result.code).toBe(3)
    expect(result.stderr).toContain('Bad username or password for "admin"')
    expect(result.stderr).not.toContain('wrong-pw')
  })

  it('uses MAX_TOKEN and MAX_USERNAME with no config file at all', async () => {
    const env = isolatedEnv({
      MAX_SERVER: server.url,
      MAX_USERNAME: 'alice',
      MAX_TOKEN: server.issueToken('alice'),
    })
    const result = await runCli(['whoami', '--json'], env)
    expect(result.code, result.stderr).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ username: 'alice', token: 'from MAX_TOKEN' })
  })

  it('turns a refused token into exit code 3', async () => {
    const env = isolatedEnv({ MAX_SERVER: server.url, MAX_USERNAME: 'alice', MAX_TOKEN: 'forged-token' })
    const result = await runCli(['users', 'get'], env)
    expect(result.code).toBe(3)
    expect(result.stderr).not.toContain('forged-token')
  })
})

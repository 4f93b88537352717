import { type RunningMockServer, startMockServer } from '@maxclient/mock-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isolatedEnv, runCli } from './harness.js'

let server: RunningMockServer
const TEAM = 'https://intranet.example.com/team'

beforeAll(async () => {
  server = await startMockServer({
    port: 0,
    host: '127.0.0.1',
    users: { admin: 'pw', alice: 'pw' },
    managers: ['admin'],
  })
})
afterAll(() => server.close())

/** Runs maxcli as `user` (token from the environment, JSON output since stdout is a pipe). */
async function as(user: string, ...args: string[]) {
  const env = isolatedEnv({ MAX_SERVER: server.url, MAX_USERNAME: user, MAX_TOKEN: server.issueToken(user) })
  const result = await runCli(args, env)
  return { ...result, json: () => JSON.parse(result.stdout) }
}

describe('everyday commands against the mock server', () => {
  it('users: add, get, list with search, modify, delete', async () => {
    const added = await as('admin', 'users', 'add', 'carol', '--display-name', 'Carol C')
    expect(added.code, added.stderr).toBe(0)
    expect(added.json()).toMatchObject({ username: 'carol', displayName: 'Carol C' })
    expect((await as('admin', 'users', 'get', 'carol')).json()).toMatchObject({ username: 'carol' })
    expect((await as('alice', 'users', 'get')).json()).toMatchObject({ username: 'alice' })
    const listed = await as('admin', 'users', 'list', '--search', 'car', '--fields', 'username')
    expect(listed.json()).toEqual([{ username: 'carol' }])
    const modified = await as('admin', 'users', 'modify', 'carol', '--display-name', 'Carol Changed')
    expect(modified.json()).toMatchObject({ displayName: 'Carol Changed' })
    const deleted = await as('admin', 'users', 'delete', 'carol', '--yes')
    expect(deleted.code, deleted.stderr).toBe(0)
    const gone = await as('admin', 'users', 'get', 'carol')
    expect(gone.code).toBe(1)
    expect(gone.stderr).toMatch(/Unknown.*carol/)
  })

  it('contexts: add, get by URL, list, modify, tags, subscribers, delete', async () => {
    const added = await as('admin', 'contexts', 'add', TEAM, '--display-name', 'Team', '--tags', 'a,b')
    expect(added.code, added.stderr).toBe(0)
    const hash = added.json().hash as string
    expect(hash).toMatch(/^[0-9a-f]{40}$/)
    expect((await as('admin', 'contexts', 'get', TEAM)).json()).toMatchObject({
      url: TEAM,
      displayName: 'Team',
    })
    expect((await as('admin', 'contexts', 'get', hash)).json()).toMatchObject({ url: TEAM })
    const list = (await as('admin', 'contexts', 'list')).json() as Array<{ url: string }>
    expect(list.map((context) => context.url)).toContain(TEAM)
    expect((await as('admin', 'contexts', 'modify', TEAM, '--display-name', 'Team 2')).json()).toMatchObject({
      displayName: 'Team 2',
    })
    const tagged = await as('admin', 'contexts', 'tags', TEAM, '--add', 'c')
    expect(tagged.code, tagged.stderr).toBe(0)
    expect(tagged.json()).toEqual(expect.arrayContaining(['a', 'b', 'c']))
    const untagged = await as('admin', 'contexts', 'tags', TEAM, '--remove', 'a')
    expect(untagged.json()).not.toContain('a')

    expect((await as('admin', 'subscribe', 'alice', TEAM)).code).toBe(0)
    const subscribers = (await as('admin', 'contexts', 'subscribers', TEAM)).json() as Array<{
      username: string
    }>
    expect(subscribers.map((s) => s.username)).toEqual(['alice'])

    // permissions on the subscription
    const revoked = await as('admin', 'permissions', 'revoke', TEAM, 'alice', 'write', '--yes')
    expect(revoked.code, revoked.stderr).toBe(0)
    expect(revoked.json().permissions).not.toContain('write')
    const granted = await as('admin', 'permissions', 'grant', TEAM, 'alice', 'write')
    expect(granted.json().permissions).toContain('write')

    expect((await as('admin', 'unsubscribe', 'alice', TEAM, '--yes')).code).toBe(0)
    expect((await as('admin', 'contexts', 'subscribers', TEAM)).json()).toEqual([])
    expect((await as('admin', 'contexts', 'delete', TEAM, '--yes')).code).toBe(0)
    expect((await as('admin', 'contexts', 'get', TEAM)).code).toBe(1)
  })

  it('activities: post to a context, comment, like, list, delete', async () => {
    const url = 'https://intranet.example.com/news'
    // MAX's contexts default to restricted permissions: reading and writing must be granted to subscribers.
    const granted = ['--permission', 'read=subscribed', '--permission', 'write=subscribed']
    await as('admin', 'contexts', 'add', url, ...granted)
    await as('admin', 'subscribe', 'alice', url)
    const posted = await as('alice', 'activities', 'post', 'Hello team', '--context', url)
    expect(posted.code, posted.stderr).toBe(0)
    const id = posted.json().id as string
    expect((await as('alice', 'activities', 'comment', id, 'First!')).code).toBe(0)
    expect((await as('alice', 'activities', 'like', id)).code).toBe(0)
    const timeline = (await as('alice', 'activities', 'list', '--timeline')).json() as Array<{ id: string }>
    expect(timeline.map((activity) => activity.id)).toContain(id)
    const inContext = await as('alice', 'activities', 'list', '--context', url, '--fields', 'object.content')
    expect(inContext.json()).toEqual([{ 'object.content': 'Hello team' }])
    expect((await as('alice', 'activities', 'delete', id, '--yes')).code).toBe(0)
    expect((await as('alice', 'activities', 'list', '--context', url)).json()).toEqual([])
    const bad = await as('alice', 'activities', 'list', '--context', url, '--user', 'alice')
    expect(bad.code).toBe(2)
  })

  it('roles: list, grant, revoke', async () => {
    expect((await as('admin', 'roles', 'grant', 'Manager', 'alice')).code).toBe(0)
    const roles = (await as('admin', 'roles', 'list')).json() as Array<{ role: string; users: string[] }>
    expect(roles.find((row) => row.role === 'Manager')?.users).toEqual(
      expect.arrayContaining(['admin', 'alice']),
    )
    expect((await as('admin', 'roles', 'revoke', 'Manager', 'alice', '--yes')).code).toBe(0)
    const after = (await as('admin', 'roles', 'list')).json() as Array<{ role: string; users: string[] }>
    expect(after.find((row) => row.role === 'Manager')?.users).not.toContain('alice')
    const refused = await as('alice', 'roles', 'grant', 'Manager', 'alice')
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/403/)
  })

  it('conversations: create, list, send and read messages', async () => {
    const created = await as('admin', 'conversations', 'create', 'alice', '--message', 'Hi Alice')
    expect(created.code, created.stderr).toBe(0)
    const conversation = created.json()
    const id = (conversation.contexts?.[0]?.id ?? conversation.id) as string
    const listed = (await as('alice', 'conversations', 'list')).json() as Array<{ id: string }>
    expect(listed.map((c) => c.id)).toContain(id)
    expect((await as('alice', 'conversations', 'messages', id, '--send', 'Hi back')).code).toBe(0)
    const messages = (await as('admin', 'conversations', 'messages', id, '--fields', 'object.content')).json()
    expect(messages).toEqual(
      expect.arrayContaining([{ 'object.content': 'Hi Alice' }, { 'object.content': 'Hi back' }]),
    )
  })

  it('tokens: add, list, delete a device token', async () => {
    const token = 'abcdef0123456789abcdef0123456789'
    const added = await as('alice', 'tokens', 'add', token, '--platform', 'ios')
    expect(added.code, added.stderr).toBe(0)
    const list = (await as('alice', 'tokens', 'list')).json() as Array<{ token: string }>
    expect(list.map((t) => t.token)).toContain(token)
    expect((await as('alice', 'tokens', 'delete', token, '--yes')).code).toBe(0)
    expect((await as('alice', 'tokens', 'list')).json()).toEqual([])
    expect((await as('alice', 'tokens', 'add', token, '--platform', 'nokia')).code).toBe(2)
  })

  it('info, routes, completion, version and help need no login', async () => {
    const env = isolatedEnv()
    const info = await runCli(['--server', server.url, 'info'], env)
    expect(info.code, info.stderr).toBe(0)
    expect(JSON.parse(info.stdout)).toHaveProperty('max.oauth_server')
    const routes = JSON.parse((await runCli(['routes', '--category', 'contexts'], env)).stdout) as Array<{
      path: string
      method: string
    }>
    expect(routes).toEqual(
      expect.arrayContaining([
        { category: 'Contexts', method: 'POST', path: '/contexts', summary: expect.any(String) },
      ]),
    )
    expect(routes.every((route) => route.path.startsWith('/contexts'))).toBe(true)
    expect((await runCli(['routes', '--category', 'nope'], env)).code).toBe(2)
    const bash = await runCli(['completion', 'bash'], env)
    expect(bash.stdout).toContain('complete -o default -F _maxcli maxcli\n')
    expect(bash.stdout).toContain('maxcli completion --path "$cur"')
    expect((await runCli(['completion', 'zsh'], env)).stdout).toContain('#compdef maxcli\n')
    expect((await runCli(['completion', 'tcsh'], env)).code).toBe(2)
    expect((await runCli(['--version'], env)).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
    const help = await runCli(['users', 'add', '--help'], env)
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Examples:')
    const unknown = await runCli(['usres'], env)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('users')
  })

  it('fails with exit code 1 and a clear message when the server is down', async () => {
    const env = isolatedEnv({
      MAX_SERVER: 'http://127.0.0.1:9',
      MAX_USERNAME: 'admin',
      MAX_TOKEN: 'secret-token-x',
    })
    const result = await runCli(['users', 'get', '--timeout', '5'], env)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/ECONNREFUSED|connect|no answer/i)
    expect(result.stderr).not.toContain('secret-token-x')
  })

  it('warns on --insecure and validates global options', async () => {
    const env = isolatedEnv({ MAX_USERNAME: 'admin', MAX_TOKEN: server.issueToken('admin') })
    const insecure = await runCli(['--server', server.url, '--insecure', 'users', 'get'], env)
    expect(insecure.code, insecure.stderr).toBe(0)
    expect(insecure.stderr).toContain('TLS certificates are NOT verified')
    expect((await runCli(['--server', 'ftp://x', 'users', 'get'], env)).code).toBe(2)
    expect((await runCli(['--server', server.url, '--timeout', 'soon', 'users', 'get'], env)).code).toBe(2)
    const debug = await runCli(['--server', server.url, '--debug', 'users', 'get'], env)
    expect(debug.code).toBe(0)
    expect(debug.stderr).toContain('GET')
    expect(debug.stderr).not.toContain(env.MAX_TOKEN)
  })
})

describe('finding the server through a hub', () => {
  it('resolves --domain with --hub before calling the server', async () => {
    const env = isolatedEnv({ MAX_USERNAME: 'admin', MAX_TOKEN: server.issueToken('admin') })
    const result = await runCli(['--domain', 'mock', '--hub', server.hubUrl, 'users', 'get'], env)
    expect(result.code, result.stderr).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ username: 'admin' })
    const unknown = await runCli(['--domain', 'nowhere', '--hub', server.hubUrl, 'users', 'get'], env)
    expect(unknown.code).not.toBe(0)
    expect(unknown.stderr).toContain('nowhere')
    const noHub = await runCli(['--domain', 'mock', 'users', 'get'], env)
    expect(noHub.code).toBe(2)
    expect(noHub.stderr).toContain('--hub')
  })
})

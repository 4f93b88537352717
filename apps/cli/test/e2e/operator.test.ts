import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningMockServer, startMockServer } from '@maxclient/mock-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BIN, isolatedEnv, runCli, runInPty } from './harness.js'

// An operator's day (issue 14): lists, output formats, jq, safety, profiles, completion, pipes.
let server: RunningMockServer
const TEAM = 'https://intranet.example.com/ops'
const MEMBERS = 30
let dir: string

const envFor = (user: string, extra: Record<string, string> = {}) =>
  isolatedEnv({ MAX_SERVER: server.url, MAX_USERNAME: user, MAX_TOKEN: server.issueToken(user), ...extra })
const as = (user: string, ...args: string[]) => runCli(args, envFor(user))

beforeAll(async () => {
  server = await startMockServer({
    port: 0,
    host: '127.0.0.1',
    users: { admin: 'admin-pw' },
    managers: ['admin'],
  })
  dir = mkdtempSync(join(tmpdir(), 'maxcli-operator-'))
  const rows = [
    'op,username,displayName,url,context',
    `context.add,,Ops,${TEAM},`,
    ...Array.from({ length: MEMBERS }, (_, i) => `user.add,m${String(i).padStart(2, '0')},Member ${i},,`),
    ...Array.from({ length: MEMBERS }, (_, i) => `subscribe,m${String(i).padStart(2, '0')},,,${TEAM}`),
  ]
  writeFileSync(join(dir, 'setup.csv'), `${rows.join('\n')}\n`)
  // One row at a time: people are created in username order, so paging /people (sorted by
  // username, cursor on the creation id, as MAX does) neither skips nor repeats anyone.
  const setup = await as('admin', 'bulk', join(dir, 'setup.csv'), '--concurrency', '1')
  if (setup.code !== 0) throw new Error(setup.stderr)
})
afterAll(() => server.close())

describe('list limits', () => {
  it('honours --limit and --all instead of the server default of 10', async () => {
    const all = await as('admin', 'contexts', 'subscribers', TEAM)
    expect(all.code, all.stderr).toBe(0)
    expect(JSON.parse(all.stdout)).toHaveLength(MEMBERS)
    expect(
      JSON.parse((await as('admin', 'contexts', 'subscribers', TEAM, '--limit', '25')).stdout),
    ).toHaveLength(25)
    expect(JSON.parse((await as('admin', 'contexts', 'subscribers', TEAM, '--all')).stdout)).toHaveLength(
      MEMBERS,
    )
    expect(JSON.parse((await as('admin', 'users', 'list', '--limit', '12')).stdout)).toHaveLength(12)
  })

  it('says on a terminal when a list was cut', async () => {
    const { code, output } = await runInPty(
      ['contexts', 'subscribers', TEAM, '--limit', '5'],
      envFor('admin'),
      [],
    )
    expect(code, output).toBe(0)
    expect(output).toContain('Showing the first 5 subscribers; more exist: use --all or --limit N.')
    const piped = await as('admin', 'contexts', 'subscribers', TEAM, '--limit', '5')
    expect(piped.stderr).toBe('')
  })
})

describe('output', () => {
  it('--jq filters with jq semantics: raw strings, compact values, errors as usage', async () => {
    const names = await as('admin', 'users', 'list', '--search', 'm0', '--jq', '[.[].username] | sort | .[]')
    expect(names.code, names.stderr).toBe(0)
    expect(names.stdout.trim().split('\n')).toEqual(Array.from({ length: 10 }, (_, i) => `m0${i}`))
    const shaped = await as('admin', 'api', '/people/m01', '-q', '{u: .username, n: (.displayName | length)}')
    expect(shaped.stdout).toBe('{"u":"m01","n":8}\n')
    const bad = await as('admin', 'users', 'list', '--jq', '.[] |')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--jq .* failed: jq: error/)
  })

  it('prints table, json, jsonl and csv, and refuses other formats', async () => {
    const args = ['users', 'list', '--search', 'm0', '--limit', '2', '--fields', 'username,displayName']
    const table = await as('admin', ...args, '--output', 'table')
    expect(table.stdout).toBe('USERNAME  DISPLAYNAME\nm09       Member 9\nm08       Member 8\n')
    const json = await as('admin', ...args, '--json')
    expect(JSON.parse(json.stdout)).toEqual([
      { username: 'm09', displayName: 'Member 9' },
      { username: 'm08', displayName: 'Member 8' },
    ])
    const jsonl = await as('admin', ...args, '--output', 'jsonl')
    expect(jsonl.stdout).toBe(
      '{"username":"m09","displayName":"Member 9"}\n{"username":"m08","displayName":"Member 8"}\n',
    )
    const csv = await as('admin', ...args, '--output', 'csv')
    expect(csv.stdout).toBe('username,displayName\nm09,Member 9\nm08,Member 8\n')
    const wrong = await as('admin', ...args, '--output', 'yaml')
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('use table, json, jsonl, csv')
  })

  it('writes CSV that maxcli bulk reads back', async () => {
    const exported = await as(
      'admin',
      'contexts',
      'list',
      '--jq',
      'map({op: "context.modify", context: .url, displayName: (.displayName + ", renamed"), tags: ["a", "b"]})',
      '--output',
      'csv',
    )
    expect(exported.code, exported.stderr).toBe(0)
    expect(exported.stdout).toContain(`context.modify,${TEAM},"Ops, renamed","a,b"`)
    const file = join(dir, 'roundtrip.csv')
    writeFileSync(file, exported.stdout)
    const applied = await as('admin', 'bulk', file)
    expect(applied.code, applied.stderr).toBe(0)
    expect(JSON.parse((await as('admin', 'contexts', 'get', TEAM)).stdout)).toMatchObject({
      displayName: 'Ops, renamed',
      tags: ['a', 'b'],
    })
  })

  it('fails on an unknown --fields name, listing the valid ones', async () => {
    const result = await as('admin', 'users', 'list', '--fields', 'username,usrname')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Unknown field "usrname" in --fields. Valid fields:')
    expect(result.stderr).toMatch(/\n {2}username\n/)
    expect(result.stdout).toBe('')
    const paged = await as('admin', 'api', '/people', '--paginate', '--fields', 'nope')
    expect(paged.code).toBe(2)
  })

  it('shows a short result on a terminal and the whole object with --json', async () => {
    const env = envFor('admin')
    const { output } = await runInPty(['users', 'add', 'term.user', '--display-name', 'Term User'], env, [])
    expect(output).toContain('Created user term.user (Term User)')
    expect(output).not.toContain('published')
    const json = await runCli(['users', 'get', 'term.user', '--json'], env)
    expect(JSON.parse(json.stdout)).toMatchObject({ username: 'term.user', displayName: 'Term User' })
  })

  it('colours only on a terminal, never with NO_COLOR, always with FORCE_COLOR', async () => {
    const { output } = await runInPty(
      ['users', 'list', '--limit', '1'],
      envFor('admin', { NO_COLOR: '' }),
      [],
    )
    expect(output).toContain('\u001b[1m')
    const noColor = await runInPty(['users', 'list', '--limit', '1'], envFor('admin'), [])
    expect(noColor.output).not.toContain('\u001b[')
    const forced = await runCli(
      ['users', 'list', '--limit', '1', '--output', 'table'],
      envFor('admin', { NO_COLOR: '', FORCE_COLOR: '1' }),
    )
    expect(forced.stdout).toContain('\u001b[1m')
    const piped = await runCli(
      ['users', 'list', '--limit', '1', '--output', 'table'],
      envFor('admin', { NO_COLOR: '' }),
    )
    expect(piped.stdout).not.toContain('\u001b[')
  })

  it('api -i shows the headers of every page with --paginate', async () => {
    const result = await as('admin', 'api', '/people', '--paginate', '--page-size', '10', '-i')
    expect(result.code, result.stderr).toBe(0)
    const items = result.stdout.trim().split('\n').length
    expect(items).toBeGreaterThan(MEMBERS)
    // One status line per page read: every full page, then the last one (short or empty).
    const pages = result.stderr.match(/^HTTP 200$/gm) ?? []
    expect(pages.length, result.stderr).toBeGreaterThanOrEqual(Math.ceil(items / 10))
    expect(result.stderr).toMatch(/^content-type: application\/json/m)
  })

  it('sends -f/-F as query parameters on an explicit GET', async () => {
    const result = await as('admin', 'api', 'GET', '/people', '-f', 'username=m02', '--jq', '.[].username')
    expect(result.stdout).toBe('m02\n')
  })
})

describe('errors', () => {
  it('explains MAX error names and hints at the server when it is down', async () => {
    const missing = await as('admin', 'users', 'get', 'nobody.here')
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain("no user 'nobody.here' on this server (UnknownUserError")
    const down = await runCli(
      ['users', 'list'],
      isolatedEnv({ MAX_SERVER: 'http://127.0.0.1:9', MAX_USERNAME: 'a', MAX_TOKEN: 'tok-down' }),
    )
    expect(down.code).toBe(1)
    expect(down.stderr).toContain('Is MAX running and reachable there? Check MAX_SERVER')
  })

  it('--data @/missing is a usage error', async () => {
    const result = await as('admin', 'api', 'POST', '/contexts', '--data', '@/missing/file.json')
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Cannot read --data @/missing/file.json')
  })

  it('never prints the token or password, even when the server echoes them', async () => {
    const token = 'tok-echoed-0123456789'
    const echo: Server = createServer((request, response) => {
      response.writeHead(401, { 'content-type': 'application/json' })
      response.end(
        JSON.stringify({
          error: 'InvalidOAuthCredentials',
          error_description: `token ${request.headers['x-oauth-token']} is not valid`,
        }),
      )
    })
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve))
    const { port } = echo.address() as { port: number }
    try {
      const result = await runCli(
        ['api', '/people/a', '--debug'],
        isolatedEnv({ MAX_SERVER: `http://127.0.0.1:${port}`, MAX_USERNAME: 'a', MAX_TOKEN: token }),
      )
      expect(result.code).toBe(3)
      const all = result.stdout + result.stderr
      expect(all).toContain('is not valid')
      for (const secret of [token, Buffer.from(token).toString('base64')]) expect(all).not.toContain(secret)
    } finally {
      echo.close()
    }
  })

  it('exits 0 without a stack trace when the reader of its output goes away', async () => {
    const child = spawn(process.execPath, [BIN, 'api', '/people', '--paginate', '--page-size', '5'], {
      env: envFor('admin'),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    // Like `| head -1`: read one chunk, then close the pipe while maxcli still writes.
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect(code).toBe(0)
    expect(stderr).toBe('')
  })
})

describe('safety', () => {
  it('refuses a destructive command without --yes when not on a terminal, and deletes with it', async () => {
    await as('admin', 'users', 'add', 'doomed')
    const refused = await as('admin', 'users', 'delete', 'doomed')
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('refusing to do it without --yes')
    expect((await as('admin', 'users', 'get', 'doomed')).code).toBe(0)
    const done = await as('admin', 'users', 'delete', 'doomed', '--yes')
    expect(done.code, done.stderr).toBe(0)
    expect((await as('admin', 'users', 'get', 'doomed')).code).toBe(1)
  })

  it('asks on a terminal, and only "y" goes ahead', async () => {
    await as('admin', 'users', 'add', 'asked')
    const env = envFor('admin')
    const no = await runInPty(['users', 'delete', 'asked'], env, [{ expect: '[y/N] ', send: 'n\r' }])
    expect(no.code).toBe(2)
    expect((await as('admin', 'users', 'get', 'asked')).code).toBe(0)
    const yes = await runInPty(['users', 'delete', 'asked'], env, [{ expect: '[y/N] ', send: 'y\r' }])
    expect(yes.code, yes.output).toBe(0)
    expect((await as('admin', 'users', 'get', 'asked')).code).toBe(1)
  })

  it('--dry-run prints the request with secrets redacted and sends nothing', async () => {
    const env = envFor('admin')
    const added = await runCli(['users', 'add', 'dry.user', '--display-name', 'Dry', '--dry-run'], env)
    expect(added.code, added.stderr).toBe(0)
    expect(added.stdout).toBe(
      `POST ${server.url}/people\n{\n  "displayName": "Dry",\n  "username": "dry.user"\n}\n`,
    )
    expect((await as('admin', 'users', 'get', 'dry.user')).code).toBe(1)
    const removed = await runCli(['contexts', 'delete', TEAM, '--dry-run'], env)
    expect(removed.code).toBe(0)
    expect(removed.stdout).toMatch(/^DELETE .*\/contexts\/[0-9a-f]{40}\n$/)
    expect((await as('admin', 'contexts', 'get', TEAM)).code).toBe(0)
    const secret = await runCli(
      ['api', 'POST', '/people', '-f', 'username=x', '-f', 'password=hunter22', '--dry-run'],
      env,
    )
    expect(secret.stdout).toContain('"password": "[REDACTED]"')
    expect(secret.stdout).not.toContain('hunter22')
    const bulkFile = join(dir, 'dry.csv')
    writeFileSync(bulkFile, 'op,username,displayName\nuser.add,bulk.dry,Bulk Dry\n')
    const bulk = await runCli(['bulk', bulkFile, '--dry-run', '--output', 'table'], env)
    expect(bulk.stdout).toContain('# line 2: user.add\nPOST ')
    expect(bulk.stdout).toContain('"displayName": "Bulk Dry"')
    expect((await as('admin', 'users', 'get', 'bulk.dry')).code).toBe(1)
  })
})

describe('profiles and credentials', () => {
  const login = (env: Record<string, string>, user: string, password: string) =>
    runCli(['login', '-s', server.url, '-u', user, '--password-stdin'], env, password)

  it('says when a login switches the current profile, and auth switch changes it back', async () => {
    const env = isolatedEnv()
    const host = new URL(server.url).host
    const first = await login(env, 'admin', 'admin-pw')
    expect(first.code, first.stderr).toBe(0)
    expect(first.stderr).toContain(`Current profile: "admin@${host}".`)
    const other = await runCli(
      ['login', '-s', server.url, '-u', 'admin', '--profile', 'other', '--password-stdin'],
      env,
      'admin-pw',
    )
    expect(other.stderr).toContain(`Switched the current profile from "admin@${host}" to "other"`)
    const switched = await runCli(['auth', 'switch', `admin@${host}`], env)
    expect(switched.code, switched.stderr).toBe(0)
    expect(switched.stderr).toContain(`Switched the current profile from "other" to "admin@${host}".`)
    const listed = JSON.parse((await runCli(['profiles'], env)).stdout) as Array<{
      name: string
      current: string
    }>
    expect(listed.find((p) => p.current === '*')?.name).toBe(`admin@${host}`)
    const unknown = await runCli(['auth', 'switch', 'nope'], env)
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('known profiles: admin@')
  })

  it('falls back to the 0600 file without a keyring and says where the token is', async () => {
    const env = isolatedEnv()
    expect((await login(env, 'admin', 'admin-pw')).code).toBe(0)
    const status = await runCli(['auth', 'status'], env)
    expect(status.code, status.stderr).toBe(0)
    expect(JSON.parse(status.stdout).token).toBe(
      `stored in ${join(env.XDG_CONFIG_HOME!, 'maxcli', 'profiles.json')} (mode 600)`,
    )
    const file = join(env.XDG_CONFIG_HOME!, 'maxcli', 'profiles.json')
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('tightens a config directory that others can read to 0700 at login', async () => {
    const env = isolatedEnv()
    const configDir = join(env.XDG_CONFIG_HOME!, 'maxcli')
    mkdirSync(configDir, { recursive: true })
    chmodSync(configDir, 0o777)
    const result = await login(env, 'admin', 'admin-pw')
    expect(result.code, result.stderr).toBe(0)
    expect(result.stderr).toContain('to mode 700 (it was 777)')
    expect(statSync(configDir).mode & 0o777).toBe(0o700)
    expect(readFileSync(join(configDir, 'profiles.json'), 'utf8')).not.toContain('admin-pw')
  })
})

describe('completion', () => {
  const shells = ['bash', 'zsh', 'fish'].filter((shell) => spawnSync(shell, ['-c', 'true']).status === 0)

  it.each(shells)('writes a %s script that the shell parses', async (shell) => {
    const result = await runCli(['completion', shell], isolatedEnv())
    expect(result.code, result.stderr).toBe(0)
    const file = join(dir, `maxcli.${shell}`)
    writeFileSync(file, result.stdout)
    const check = spawnSync(shell, ['-n', file], { encoding: 'utf8' })
    expect(check.status, check.stderr).toBe(0)
    expect(result.stdout).toContain('display-name')
    expect(result.stdout).toContain('maxcli profiles --output csv --fields name')
  })

  it('completes route segments and leaves {username} to the user', async () => {
    const env = isolatedEnv()
    const first = await runCli(['completion', '--path', '/peo'], env)
    expect(first.stdout.split('\n')).toEqual(expect.arrayContaining(['/people', '/people/']))
    const next = await runCli(['completion', '--path', '/people/alice/ac'], env)
    expect(next.stdout).toContain('/people/alice/activities')
    expect(next.stdout).not.toContain('{')
  })

  it('bash offers a command its own options', () => {
    if (!shells.includes('bash')) return
    const script = join(dir, 'maxcli.bash')
    const probe = `source ${script}; COMP_WORDS=(maxcli users list --s); COMP_CWORD=3; _maxcli; echo "\${COMPREPLY[@]}"`
    const result = spawnSync('bash', ['-c', probe], { encoding: 'utf8' })
    expect(result.stdout.split(/\s+/)).toEqual(expect.arrayContaining(['--search', '--server']))
    const afterValue = `source ${script}; COMP_WORDS=(maxcli -s https://max.example.com users a); COMP_CWORD=4; _maxcli; echo "\${COMPREPLY[@]}"`
    expect(spawnSync('bash', ['-c', afterValue], { encoding: 'utf8' }).stdout.trim()).toBe('add')
  })
})

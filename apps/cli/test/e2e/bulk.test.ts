import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type RunningMockServer, startMockServer } from '@maxclient/mock-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BIN, isolatedEnv, runCli } from './harness.js'

let server: RunningMockServer
let dir: string
const CONTEXT = 'https://bulk.example.com/everyone'

beforeAll(async () => {
  server = await startMockServer({ port: 0, host: '127.0.0.1', users: { admin: 'pw' }, managers: ['admin'] })
  dir = mkdtempSync(join(tmpdir(), 'maxcli-bulk-'))
})
afterAll(() => server.close())

const adminEnv = () =>
  isolatedEnv({ MAX_SERVER: server.url, MAX_USERNAME: 'admin', MAX_TOKEN: server.issueToken('admin') })

async function get(path: string): Promise<unknown> {
  const response = await fetch(`${server.url}${path}`, {
    headers: {
      'x-oauth-token': server.issueToken('admin'),
      'x-oauth-username': 'admin',
      'x-oauth-scope': 'widgetcli',
    },
  })
  expect(response.status, path).toBe(200)
  return response.json()
}

const doneLines = (journal: string) =>
  existsSync(journal)
    ? readFileSync(journal, 'utf8')
        .split('\n')
        .filter((line) => line.includes('"t":"done"')).length
    : 0

describe('maxcli bulk', () => {
  it('resumes a run killed with SIGKILL so that every row is applied exactly once', async () => {
    const env = adminEnv()
    expect((await runCli(['contexts', 'add', CONTEXT], env)).code).toBe(0)
    const users = Array.from({ length: 40 }, (_, i) => `bulk.user${i}`)
    const rows = users.flatMap((username, i) => [
      { op: 'user.add', username, displayName: `Bulk ${i}` },
      { op: 'subscribe', username, context: CONTEXT },
      { op: 'activity.post', username, content: `hello from row ${i}` },
    ])
    const file = join(dir, 'killed.jsonl')
    writeFileSync(file, `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`)
    const journal = `${file}.journal`

    // --rate keeps the run long enough to be killed in the middle; the kill waits on the journal, not a clock.
    const child = spawn(process.execPath, [BIN, 'bulk', file, '--concurrency', '4', '--rate', '30'], {
      env,
      stdio: 'ignore',
    })
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    )
    while (doneLines(journal) < 30) {
      if (child.exitCode !== null) throw new Error('the run finished before it could be killed')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    child.kill('SIGKILL')
    expect(await exited).toBe('SIGKILL')
    const doneAtKill = doneLines(journal)
    expect(doneAtKill).toBeLessThan(rows.length)
    expect(readFileSync(journal, 'utf8')).not.toContain('"t":"end"')

    const again = await runCli(['bulk', file], env)
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('--resume')

    const resumed = await runCli(['bulk', file, '--resume', '--concurrency', '8'], env)
    expect(resumed.code, resumed.stderr).toBe(0)
    expect(resumed.stderr).toMatch(/Resuming: \d+ row\(s\) already done/)
    expect(resumed.stderr).toContain(`${rows.length} of ${rows.length} row(s) applied`)

    const subscribers = (await get(
      `/contexts/${createHash('sha1').update(CONTEXT).digest('hex')}/subscriptions?limit=0`,
    )) as Array<{
      username: string
    }>
    const subscribed = subscribers.map((s) => s.username).filter((name) => name.startsWith('bulk.'))
    expect(subscribed.sort()).toEqual([...users].sort())
    for (const [i, username] of users.entries()) {
      const person = (await get(`/people/${username}`)) as { displayName: string }
      expect(person.displayName).toBe(`Bulk ${i}`)
      const activities = (await get(`/people/${username}/activities?limit=0`)) as Array<{
        object: { content: string }
      }>
      expect(activities.map((activity) => activity.object.content)).toEqual([`hello from row ${i}`])
    }
  })

  it('lets only one of two runs on the same journal go, so no row is applied twice', async () => {
    const env = adminEnv()
    const rows = Array.from({ length: 60 }, (_, i) => ({ op: 'user.add', username: `twice.user${i}` }))
    const file = join(dir, 'twice.jsonl')
    writeFileSync(file, `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`)
    const journal = `${file}.journal`
    const first = spawn(process.execPath, [BIN, 'bulk', file, '--resume', '--rate', '40'], {
      env,
      stdio: 'ignore',
    })
    const firstExit = new Promise<number | null>((resolve) => first.on('exit', (code) => resolve(code)))
    while (doneLines(journal) < 5) {
      if (first.exitCode !== null) throw new Error('the first run finished too early')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    const second = await runCli(['bulk', file, '--resume'], env)
    expect(second.code).toBe(2)
    expect(second.stderr).toContain(`Another bulk run (pid ${first.pid}`)
    expect(await firstExit).toBe(0)
    expect(existsSync(`${journal}.lock`)).toBe(false)
    const entries = readFileSync(journal, 'utf8')
      .split('\n')
      .filter((line) => line.includes('"t":"start"'))
    expect(entries).toHaveLength(rows.length)
    const third = await runCli(['bulk', file, '--resume'], env)
    expect(third.code, third.stderr).toBe(0)
    expect(third.stderr).toContain(`Resuming: ${rows.length} row(s) already done in an earlier run, 0 to go.`)
  })

  it('reports malformed and failed rows by line, applies the others, and exits 1', async () => {
    const env = adminEnv()
    const file = join(dir, 'mixed.csv')
    writeFileSync(
      file,
      [
        'op,username,displayName,context,role',
        'user.add,mixed.a,Mixed A,,',
        'user.ad,mixed.b,,,', // unknown op
        'user.add,mixed.c,"unclosed,,', // broken quoting swallows the rest
      ].join('\n'),
    )
    writeFileSync(
      join(dir, 'mixed2.csv'),
      [
        'op,username,displayName,context,role',
        'user.add,mixed.d,Mixed D,,',
        'subscribe,mixed.d,,,', // missing context
        'role.grant,mixed.d,,,Manager',
        'subscribe,mixed.d,,https://bulk.example.com/does-not-exist,', // server refuses
        'user.add,mixed.e,,,,', // too many cells
      ].join('\n'),
    )
    const first = await runCli(['bulk', file], env)
    expect(first.code).toBe(1)
    expect(first.stderr).toContain('line 3: unknown op "user.ad"')
    expect(first.stderr).toContain('line 4: a quoted cell is never closed')

    const second = await runCli(['bulk', join(dir, 'mixed2.csv'), '--report', join(dir, 'report.jsonl')], env)
    expect(second.code).toBe(1)
    expect(second.stderr).toContain('line 3: subscribe needs "context"')
    expect(second.stderr).toContain('line 6: has 6 cells, the header has 5')
    expect(second.stderr).toContain('2 of 5 row(s) applied, 3 failed')
    const report = readFileSync(join(dir, 'report.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(report.map((entry) => entry.line)).toEqual([3, 5, 6])
    expect(report[1]).toMatchObject({
      row: { op: 'subscribe', username: 'mixed.d' },
      status: expect.any(Number),
    })
    expect(report[1].error).toMatch(/\w+/)

    expect(((await get('/people/mixed.a')) as { displayName: string }).displayName).toBe('Mixed A')
    const security = (await get('/admin/security')) as { roles: Record<string, string[]> }
    expect(security.roles.Manager).toContain('mixed.d')
  })

  it('--dry-run shows the requests and sends nothing', async () => {
    const file = join(dir, 'dry.jsonl')
    writeFileSync(
      file,
      '{"op":"user.add","username":"dry.run"}\n{"op":"role.grant","role":"Manager","username":"dry.run"}\n',
    )
    const result = await runCli(['bulk', file, '--dry-run'], adminEnv())
    expect(result.code, result.stderr).toBe(0)
    expect(JSON.parse(result.stdout)).toEqual([
      { line: 1, op: 'user.add', request: 'POST /people', body: { username: 'dry.run' } },
      { line: 2, op: 'role.grant', request: 'POST /admin/security/roles/Manager/users/dry.run' },
    ])
    const response = await fetch(`${server.url}/people/dry.run`, {
      headers: {
        'x-oauth-token': server.issueToken('admin'),
        'x-oauth-username': 'admin',
        'x-oauth-scope': 'widgetcli',
      },
    })
    expect(response.ok).toBe(false)
    expect(existsSync(`${file}.journal`)).toBe(false)
  })

  it('stops when the server is down and keeps the rows for --resume', async () => {
    const env = isolatedEnv({ MAX_SERVER: 'http://127.0.0.1:9', MAX_USERNAME: 'admin', MAX_TOKEN: 'x' })
    const file = join(dir, 'down.jsonl')
    writeFileSync(
      file,
      `${Array.from({ length: 40 }, (_, i) => JSON.stringify({ op: 'user.add', username: `down${i}` })).join('\n')}\n`,
    )
    const result = await runCli(['bulk', file, '--concurrency', '1'], env)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('Check the connection, then run again with --resume')
    expect(result.stderr).toMatch(/not run/)
  })
})

// The loopback server over real HTTP on 127.0.0.1: the shapes and paging rules every runner relies on.

import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  activityId,
  BENCH_TOKEN,
  BENCH_USER,
  postBody,
  WARMUP_ACTIVITIES,
  WARMUP_USER,
} from '../src/fixtures.mjs'
import { type BenchServer, startBenchServer } from '../src/server.mjs'

const auth = { 'x-oauth-token': BENCH_TOKEN, 'x-oauth-username': BENCH_USER, 'x-oauth-scope': 'widgetcli' }
let server: BenchServer

beforeAll(async () => {
  server = await startBenchServer({ activities: 250 })
})
afterAll(() => server.close())

const get = (path: string, headers: Record<string, string> = auth) =>
  fetch(`${server.url}${path}`, { headers })

describe('loopback server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })

  it('answers a ~600-byte person to an authenticated GET', async () => {
    const res = await get(`/people/${BENCH_USER}`)
    const text = await res.text()
    expect(res.status).toBe(200)
    expect(text.length).toBeGreaterThan(500)
    expect(text.length).toBeLessThan(700)
    expect(JSON.parse(text)).toMatchObject({ username: BENCH_USER, objectType: 'person' })
  })

  it('refuses a request without the three X-Oauth headers', async () => {
    const { 'x-oauth-scope': _scope, ...noScope } = auth
    for (const headers of [{}, noScope, { ...auth, 'x-oauth-token': 'wrong' }]) {
      const res = await get(`/people/${BENCH_USER}`, headers)
      expect(res.status).toBe(401)
      expect(await res.json()).toMatchObject({ error: 'Unauthorized' })
    }
  })

  it('pages the timeline by the before cursor and flags remaining items', async () => {
    const seen: string[] = []
    const remaining: (string | null)[] = []
    let path = `/people/${BENCH_USER}/timeline?limit=100`
    for (;;) {
      const res = await get(path)
      expect(res.status).toBe(200)
      const text = await res.text()
      const items: { id: string }[] = JSON.parse(text)
      expect(text.length / items.length).toBeGreaterThan(900)
      expect(text.length / items.length).toBeLessThan(1200)
      seen.push(...items.map((item) => item.id))
      remaining.push(res.headers.get('x-has-remaining-items'))
      if (!res.headers.has('x-has-remaining-items')) break
      path = `/people/${BENCH_USER}/timeline?limit=100&before=${items.at(-1)!.id}`
    }
    expect(remaining).toEqual(['1', '1', null])
    expect(seen).toEqual(Array.from({ length: 250 }, (_, i) => activityId(249 - i)))
  })

  it('leaves the remaining flag off when the last page is exactly full', async () => {
    const res = await get(`/people/${BENCH_USER}/timeline?limit=50&before=${activityId(50)}`)
    expect((await res.json()).length).toBe(50)
    expect(res.headers.has('x-has-remaining-items')).toBe(false)
  })

  it('keeps a short timeline for the warm-up user', async () => {
    const res = await get(`/people/${WARMUP_USER}/timeline?limit=0`)
    expect((await res.json()).length).toBe(WARMUP_ACTIVITIES)
  })

  it('rejects a bad limit or cursor with 400 naming the parameter', async () => {
    const limit = await get(`/people/${BENCH_USER}/timeline?limit=ten`)
    expect(limit.status).toBe(400)
    expect((await limit.json()).error_description).toMatch(/limit must be a whole number, got ten/)
    const before = await get(`/people/${BENCH_USER}/timeline?before=nope`)
    expect(before.status).toBe(400)
    expect((await before.json()).error_description).toMatch(/before must be an activity id/)
  })

  it('echoes a POSTed activity with 201', async () => {
    const body = postBody()
    expect(JSON.stringify(body).length).toBeGreaterThanOrEqual(1000)
    const res = await fetch(`${server.url}/people/${BENCH_USER}/activities`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ ...body, objectType: 'activity' })
  })

  it('answers 400 to a POST body that is not a JSON object', async () => {
    for (const body of ['{nope', '[1]']) {
      const res = await fetch(`${server.url}/people/${BENCH_USER}/activities`, {
        method: 'POST',
        headers: auth,
        body,
      })
      expect(res.status).toBe(400)
    }
  })

  it('counts in X-totalItems on HEAD', async () => {
    const res = await fetch(`${server.url}/people/${BENCH_USER}/activities`, {
      method: 'HEAD',
      headers: auth,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-totalitems')).toBe('250')
  })

  it('answers 400 to a path that is not valid percent-encoding', async () => {
    const res = await get('/people/%E0%A4%A')
    expect(res.status).toBe(400)
    expect((await res.json()).error_description).toContain('not valid percent-encoding')
  })

  it('decodes percent-encoded usernames', async () => {
    const res = await get('/people/bench%2Euser')
    expect((await res.json()).username).toBe(BENCH_USER)
  })

  it('answers 404 to routes it does not serve', async () => {
    expect((await get('/contexts')).status).toBe(404)
    expect((await get(`/people/${BENCH_USER}/nothing`)).status).toBe(404)
  })
})

describe('server process', () => {
  it('reports its port on stdout and exits when its stdin closes', async () => {
    const script = fileURLToPath(new URL('../src/server.mjs', import.meta.url))
    const args = [script, '--activities', '5', '--warmup-activities', '7']
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] })
    const [line] = await once(child.stdout.setEncoding('utf8'), 'data')
    const { port } = JSON.parse(String(line))
    const res = await fetch(`http://127.0.0.1:${port}/people/${BENCH_USER}/activities`, {
      method: 'HEAD',
      headers: auth,
    })
    expect(res.headers.get('x-totalitems')).toBe('5')
    const warmup = await fetch(`http://127.0.0.1:${port}/people/${WARMUP_USER}/timeline`, {
      method: 'HEAD',
      headers: auth,
    })
    expect(warmup.headers.get('x-totalitems')).toBe('7')
    const exited = once(child, 'exit')
    child.stdin.end()
    expect((await exited)[0]).toBe(0)
  })

  it('refuses a bad --activities value', async () => {
    const script = fileURLToPath(new URL('../src/server.mjs', import.meta.url))
    const child = spawn(process.execPath, [script, '--activities', 'lots'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.setEncoding('utf8').on('data', (text) => {
      stderr += text
    })
    const [code] = await once(child, 'exit')
    expect(code).not.toBe(0)
    expect(stderr).toContain('--activities takes a whole number >= 0, got lots')
  })

  it('gives every timeline.N user a timeline of N activities, for counting pages', async () => {
    const first = await get('/people/timeline.30/timeline?limit=20')
    const page = (await first.json()) as { id: string }[]
    expect(page).toHaveLength(20)
    expect(first.headers.get('x-has-remaining-items')).toBe('1')
    const rest = await get(`/people/timeline.30/timeline?limit=20&before=${page.at(-1)!.id}`)
    expect(await rest.json()).toHaveLength(10)
    expect(rest.headers.get('x-has-remaining-items')).toBeNull()
    expect(await (await get('/people/timeline.x/timeline?limit=5')).json()).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { createMockHandler } from '../src/index.js'
import { answerOf } from './helpers.js'

const BASE = 'http://max.test'

function client(handler: ReturnType<typeof createMockHandler>, username: string) {
  const token = handler.issueToken(username)
  return async (method: string, path: string, body?: unknown) =>
    answerOf(
      await handler(
        new Request(`${BASE}${path}`, {
          method,
          headers: {
            'X-Oauth-Token': token,
            'X-Oauth-Username': username,
            'X-Oauth-Scope': 'widgetcli',
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      ),
    )
}

describe('createMockHandler (in-process, no socket)', () => {
  it('serves MAX through a fetch-style function, naming its own origin in /info', async () => {
    const handler = createMockHandler()
    const info = await answerOf(await handler(new Request(`${BASE}/info`)))
    expect(info.body['max.oauth_server']).toBe(`${BASE}/oauth`)
    const admin = client(handler, 'admin')
    const created = await admin('POST', '/people', { username: 'zoe' })
    expect(created.status).toBe(201)
  })

  it('works as a fetch replacement that gets a URL and init', async () => {
    const handler = createMockHandler()
    const fetchLike: (input: string, init?: RequestInit) => Promise<Response> = handler
    const response = await fetchLike(`${BASE}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', username: 'someone', password: 'x' }),
    })
    expect(response.status).toBe(200)
    await expect(handler('not a url')).rejects.toThrow(/needs a Request or an absolute URL/)
  })

  it('dates everything with the injected clock', async () => {
    const handler = createMockHandler({ clock: () => new Date('2030-05-06T07:08:09.123Z') })
    const admin = client(handler, 'admin')
    const person = await admin('POST', '/people', { username: 'zoe' })
    expect(person.body.published).toBe('2030-05-06T07:08:09Z')
  })

  it('gives 24-hex ObjectIds that always increase, even when the clock goes back', async () => {
    let now = Date.parse('2030-01-01T00:00:00Z')
    const handler = createMockHandler({ clock: () => new Date(now) })
    const admin = client(handler, 'admin')
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      now -= 3_600_000
      const post = await admin('POST', '/people/admin/activities', {
        object: { objectType: 'note', content: `n${i}` },
      })
      ids.push(post.body.id)
    }
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{24}$/)
    expect([...ids].sort()).toEqual(ids)
  })

  it('snapshots and restores the whole state as JSON data', async () => {
    const handler = createMockHandler()
    const admin = client(handler, 'admin')
    await admin('POST', '/people', { username: 'zoe' })
    const saved = JSON.parse(JSON.stringify(handler.snapshot()))
    await admin('DELETE', '/people/zoe')
    expect((await admin('GET', '/people/zoe')).status).toBe(400)
    handler.restore(saved)
    expect((await admin('GET', '/people/zoe')).status).toBe(200)
  })

  it('keeps snapshots independent of later changes', async () => {
    const handler = createMockHandler()
    const admin = client(handler, 'admin')
    await admin('POST', '/people', { username: 'zoe' })
    const snapshot = handler.snapshot()
    await admin('PUT', '/people/zoe', { displayName: 'Changed' })
    expect(snapshot.people.find((p) => p.username === 'zoe')?.displayName).toBe('zoe')
  })

  it('resets to the seeded state but keeps issued tokens valid', async () => {
    const handler = createMockHandler({ managers: ['boss'] })
    const boss = client(handler, 'boss')
    await boss('POST', '/people', { username: 'zoe' })
    handler.reset()
    expect((await boss('GET', '/people/zoe')).status).toBe(400)
    expect((await boss('GET', '/admin/security')).body.roles.Manager).toEqual(['boss'])
  })

  it('refuses something that is not a snapshot with a clear message', () => {
    const handler = createMockHandler()
    expect(() => handler.restore({} as never)).toThrow(
      /Not a mock-server snapshot: "format" must be "maxclient-mock-server"/,
    )
    expect(() => handler.restore({ ...handler.snapshot(), people: 'x' } as never)).toThrow(
      /"people" must be an array/,
    )
  })

  it('validates its options', () => {
    expect(() => createMockHandler({ users: { alice: 1 as never } })).toThrow(/users.alice/)
    expect(() => createMockHandler({ managers: 'admin' as never })).toThrow(/managers must be an array/)
    expect(() => createMockHandler({ clock: 'now' as never })).toThrow(/clock must be a function/)
    expect(() => createMockHandler({ hub: {} as never })).toThrow(/hub must be/)
  })

  it('seeds profiles for configured users and managers, and checks passwords', async () => {
    const handler = createMockHandler({ users: { ana: 'pw' }, managers: ['chief'] })
    const token = async (username: string, password: string) =>
      (
        await handler(
          new Request(`${BASE}/oauth/token`, {
            method: 'POST',
            body: new URLSearchParams({ grant_type: 'password', username, password }),
          }),
        )
      ).status
    expect(await token('ana', 'pw')).toBe(200)
    expect(await token('ana', 'nope')).toBe(401)
    expect(await token('stranger', 'pw')).toBe(401)
    const chief = client(handler, 'chief')
    const people = await chief('GET', '/people')
    expect(people.body.map((p: { username: string }) => p.username)).toEqual(['chief', 'ana'])
  })

  it('accepts any password in open mode even with users configured', async () => {
    const handler = createMockHandler({ users: { ana: 'pw' }, open: true })
    const response = await handler(
      new Request(`${BASE}/oauth/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'password', username: 'guest', password: 'whatever' }),
      }),
    )
    expect(response.status).toBe(200)
  })

  it('hides NonVisible users from other users in people searches', async () => {
    const handler = createMockHandler()
    const admin = client(handler, 'admin')
    await admin('POST', '/people', { username: 'ghost' })
    await admin('POST', '/people', { username: 'viewer' })
    await admin('POST', '/admin/security/roles/NonVisible/users/ghost')
    const viewer = client(handler, 'viewer')
    const seen = await viewer('GET', '/people')
    expect(seen.body.map((p: { username: string }) => p.username)).toEqual(['viewer', 'admin'])
    expect((await admin('GET', '/people')).body).toHaveLength(3)
  })

  it('never lets user keys reach object prototypes', async () => {
    const handler = createMockHandler()
    const admin = client(handler, 'admin')
    await admin('POST', '/people', { username: '__proto__' })
    await admin('POST', '/people', { username: 'constructor' })
    const proto = await admin('GET', '/people/__proto__')
    expect(proto.status).toBe(200)
    expect(proto.body.username).toBe('__proto__')
    expect(Object.getPrototypeOf({})).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).username).toBeUndefined()
  })

  it('answers 500 ServerError for an internal failure and logs it for Managers', async () => {
    let broken = false
    const handler = createMockHandler({
      clock: () => {
        if (broken) {
          broken = false
          throw new Error('clock broke')
        }
        return new Date('2030-01-01T00:00:00Z')
      },
    })
    const admin = client(handler, 'admin')
    broken = true
    const failed = await admin('POST', '/people', { username: 'zoe' })
    expect(failed.status).toBe(500)
    expect(failed.body.error).toBe('ServerError')
    expect(failed.body.error_description).toMatch(
      /^Your error has been logged at http:\/\/max\.test\/exceptions\/[0-9a-f]{40}\./,
    )
    const logged = await admin('GET', '/admin/maintenance/exceptions')
    expect(logged.body).toHaveLength(1)
    const entry = await admin('GET', `/admin/maintenance/exceptions/${logged.body[0].id}`)
    expect(entry.body.traceback).toContain('clock broke')
  })
})

// MAX behaviours that MAX's own tests touch only in passing: each is pinned here explicitly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningMockServer } from '../src/index.js'
import { type Session, sessionOf, start } from './helpers.js'

let server: RunningMockServer
let admin: Session
let ana: Session
let ben: Session
let now = new Date('2024-03-31T23:59:00Z')

beforeAll(async () => {
  server = await start({ managers: ['admin'], clock: () => now })
  const as = (name: string) => sessionOf(server.url, name, server.issueToken(name))
  admin = as('admin')
  for (const name of ['ana', 'ben']) await admin.call('POST', '/people', { body: { username: name } })
  ana = as('ana')
  ben = as('ben')
})
afterAll(() => server.close())

describe('dates and two-person conversations', () => {
  let id = ''

  it('date_filter=YYYY-MM and YYYY-M select exactly that month of a conversation', async () => {
    const created = await ana.call('POST', '/conversations', {
      body: {
        contexts: [{ objectType: 'conversation', participants: ['ana', 'ben'] }],
        object: { objectType: 'note', content: 'end of March' },
      },
    })
    expect(created.status).toBe(201)
    id = created.body.contexts[0].id
    now = new Date('2024-04-01T00:01:00Z')
    await ben.call('POST', `/conversations/${id}/messages`, {
      body: { object: { objectType: 'note', content: 'start of April' } },
    })
    const contents = async (filter: string) =>
      (await ana.call('GET', `/conversations/${id}/messages`, { query: { date_filter: filter } })).body.map(
        (m: { object: { content: string } }) => m.object.content,
      )
    expect(await contents('2024-03')).toEqual(['end of March'])
    expect(await contents('2024-3')).toEqual(['end of March'])
    expect(await contents('2024-04')).toEqual(['start of April'])
    expect(await contents('2024-4')).toEqual(['start of April'])
    const all = await admin.call('GET', '/messages', { query: { date_filter: '2024-4' } })
    expect(all.body.map((m: { object: { content: string } }) => m.object.content)).toEqual(['start of April'])
  })

  it('keeps a deleted partner with their displayName, archives the conversation and refuses posts', async () => {
    await admin.call('PUT', '/people/ben', { body: { displayName: 'Ben Bright' } })
    expect((await admin.call('DELETE', '/people/ben')).status).toBe(204)
    const seen = await ana.call('GET', `/conversations/${id}`)
    expect(seen.body.tags).toContain('archive')
    expect(seen.body.displayName).toBe('Ben Bright')
    expect(seen.body.participants.map((p: { displayName: string }) => p.displayName)).toContain('Ben Bright')
    const refused = await ana.call('POST', `/conversations/${id}/messages`, {
      body: { object: { objectType: 'note', content: 'anyone?' } },
    })
    expect(refused.status).toBe(403)
    // Recreating the user brings the conversation back to `single`.
    await admin.call('POST', '/people', { body: { username: 'ben' } })
    const back = await ana.call('GET', `/conversations/${id}`)
    expect(back.body.tags).toEqual(['single'])
  })
})

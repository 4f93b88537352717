import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningMockServer } from '../src/index.js'
import { login, type Session, sessionOf, start } from './helpers.js'

/**
 * The issue's multi-user scenario: two users, a context, subscriptions, posts, comments, likes,
 * a conversation, timeline paging through 250 activities and counts by HEAD.
 */
describe('two users sharing a context', () => {
  let server: RunningMockServer
  let admin: Session
  let ana: Session
  let ben: Session
  let hash: string

  beforeAll(async () => {
    server = await start({ users: { ana: 'ana-pass', ben: 'ben-pass' }, managers: ['admin'] })
    admin = sessionOf(server.url, 'admin', server.issueToken('admin'))
    ana = await login(server, 'ana', 'ana-pass')
    ben = await login(server, 'ben', 'ben-pass')
  })
  afterAll(() => server.close())

  it('refuses a wrong password when users are configured', async () => {
    await expect(login(server, 'ana', 'wrong')).rejects.toThrow(/401/)
    await expect(login(server, 'mallory', 'x')).rejects.toThrow(/401/)
  })

  it('lets the Manager create a context both users subscribe to', async () => {
    const created = await admin.call('POST', '/contexts', {
      body: {
        url: 'https://school.example/class-1a',
        displayName: 'Class 1A',
        // As on MAX, only the permissions given are set: subscribe must be public for self-subscription.
        permissions: { read: 'subscribed', write: 'subscribed', subscribe: 'public' },
      },
    })
    expect(created.status).toBe(201)
    hash = created.body.hash
    expect((await ana.call('POST', `/contexts/${hash}/subscriptions`, { body: {} })).status).toBe(201)
    // The deprecated user-side form is rewritten to the context subscription.
    const old = await ben.call('POST', '/people/ben/subscriptions', {
      body: { object: { objectType: 'context', url: 'https://school.example/class-1a' } },
    })
    expect(old.status).toBe(201)
    const subscribers = await ana.call('GET', `/contexts/${hash}/subscriptions`)
    expect(subscribers.body.map((s: { username: string }) => s.username).sort()).toEqual(['ana', 'ben'])
  })

  it('shares posts, comments and likes', async () => {
    const post = await ana.call('POST', `/contexts/${hash}/activities`, {
      body: { object: { objectType: 'note', content: 'Homework for #monday' } },
    })
    expect(post.status).toBe(201)
    const comment = await ben.call('POST', `/activities/${post.body.id}/comments`, {
      body: { object: { objectType: 'comment', content: 'Done already' } },
    })
    expect(comment.status).toBe(201)
    expect((await ben.call('POST', `/activities/${post.body.id}/likes`)).status).toBe(201)
    const seen = await ana.call('GET', `/activities/${post.body.id}`)
    expect(seen.body).toMatchObject({
      likesCount: 1,
      likes: [{ username: 'ben' }],
      replies: [{ id: comment.body.id, content: 'Done already', actor: { username: 'ben' } }],
      lastComment: comment.body.id,
    })
    const byHashtag = await ben.call('GET', `/contexts/${hash}/activities`, { query: { hashtag: 'monday' } })
    expect(byHashtag.body.map((a: { id: string }) => a.id)).toEqual([post.body.id])
    const byKeyword = await ben.call('GET', `/contexts/${hash}/activities`, {
      query: { keyword: 'homework' },
    })
    expect(byKeyword.body).toHaveLength(1)
  })

  it('talks in a conversation', async () => {
    const started = await ana.call('POST', '/conversations', {
      body: {
        contexts: [{ objectType: 'conversation', participants: ['ana', 'ben'] }],
        object: { objectType: 'note', content: 'See you at school' },
      },
    })
    expect(started.status).toBe(201)
    const id = started.body.contexts[0].id
    expect(
      (
        await ben.call('POST', `/conversations/${id}/messages`, {
          body: { object: { objectType: 'note', content: 'Sure' } },
        })
      ).status,
    ).toBe(201)
    const messages = await ana.call('GET', `/conversations/${id}/messages`)
    expect(messages.body.map((m: { object: { content: string } }) => m.object.content)).toEqual([
      'See you at school',
      'Sure',
    ])
    const list = await ben.call('GET', '/conversations')
    expect(list.body).toEqual([
      expect.objectContaining({
        id,
        displayName: 'ana',
        lastMessage: expect.objectContaining({ content: 'Sure' }),
      }),
    ])
    const profile = await ben.call('GET', '/people/ben')
    expect(profile.body.talkingIn.map((c: { id: string }) => c.id)).toEqual([id])
  })

  it('pages a timeline of 250 activities newest first with before cursors, and counts by HEAD', async () => {
    const posted: string[] = []
    for (let i = 0; i < 125; i++) {
      for (const [who, session] of [
        ['ana', ana],
        ['ben', ben],
      ] as const) {
        const answer = await session.call('POST', `/contexts/${hash}/activities`, {
          body: { object: { objectType: 'note', content: `${who} post ${i}` } },
        })
        expect(answer.status).toBe(201)
        posted.push(answer.body.id)
      }
    }
    const seen: string[] = []
    let before: string | undefined
    for (;;) {
      const page = await ana.call('GET', '/people/ana/timeline', {
        query: { limit: '40', ...(before ? { before } : {}) },
      })
      expect(page.status).toBe(200)
      // The timeline is not one of the two lists MAX marks with X-Has-Remaining-Items.
      expect(page.headers.get('x-has-remaining-items')).toBeNull()
      const ids = page.body.map((a: { id: string }) => a.id) as string[]
      seen.push(...ids)
      if (ids.length < 40) break
      before = ids.at(-1)
    }
    // 250 new posts plus the homework post, newest first, no repeats.
    expect(seen).toHaveLength(251)
    expect(new Set(seen).size).toBe(251)
    expect(seen.slice(0, 250)).toEqual([...posted].reverse())
    expect([...seen].sort().reverse()).toEqual(seen)

    const count = async (path: string, query?: Record<string, string>) => {
      const answer = await ben.call('HEAD', path, query ? { query } : {})
      expect(answer.status).toBe(200)
      expect(answer.text).toBe('')
      return Number(answer.headers.get('x-totalitems'))
    }
    expect(await count(`/contexts/${hash}/activities`)).toBe(251)
    expect(await count('/people/ana/activities')).toBe(126)
    expect(await count('/people/ben/activities', { before: posted[100]! })).toBe(50)
    expect(await count(`/contexts/${hash}/comments`)).toBe(1)
    // HEAD counts of Manager-only lists are open to every authenticated user, as on MAX.
    expect(await count('/activities')).toBe(251)
    expect((await ben.call('GET', '/activities')).status).toBe(403)
    // HEAD on a GET without a count branch answers 200 without the header.
    const timelineHead = await ana.call('HEAD', '/people/ana/timeline')
    expect(timelineHead.status).toBe(200)
    expect(timelineHead.headers.get('x-totalitems')).toBeNull()
  })

  it('marks the people list with X-Has-Remaining-Items', async () => {
    const first = await ana.call('GET', '/people', { query: { limit: '2' } })
    expect(first.body.map((p: { username: string }) => p.username)).toEqual(['ben', 'ana'])
    expect(first.headers.get('x-has-remaining-items')).toBe('1')
    const all = await ana.call('GET', '/people', { query: { limit: '0' } })
    expect(all.headers.get('x-has-remaining-items')).toBeNull()
    expect(all.body).toHaveLength(3)
  })
})

// A short real scenario against @maxclient/mock-server on 127.0.0.1, then the same client shape
// served in-process through an injected fetch.
import { createMockHandler, type RunningMockServer, startMockServer } from '@maxclient/mock-server'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { MaxClient, RequestError } from '../src/index.js'

const CLASS_URL = 'https://school.example/class-1a'

describe('against the mock server over HTTP', () => {
  let server: RunningMockServer
  let admin: MaxClient
  let ana: MaxClient
  let ben: MaxClient

  beforeAll(async () => {
    server = await startMockServer({ users: { ana: 'ana-pass', ben: 'ben-pass' }, managers: ['admin'] })
    admin = new MaxClient(server.url, { actor: 'admin', token: server.issueToken('admin') })
    // OAuth server discovered from GET /info, as the original did.
    ana = new MaxClient(server.url)
    await ana.login('ana', 'ana-pass')
    ben = await MaxClient.fromHubDomain('mock', { hub: server.hubUrl })
    await ben.login('ben', 'ben-pass')
  })
  afterAll(() => server.close())

  test('a context, subscriptions, posts, comments, counts and paging', async () => {
    const context = await admin.contexts.post({
      url: CLASS_URL,
      displayName: 'Class 1A',
      permissions_read: 'subscribed',
      permissions_write: 'subscribed',
      // MAX stores only the permissions given; self-subscription needs subscribe to be public.
      permissions_subscribe: 'public',
    })
    expect(context).toMatchObject({ url: CLASS_URL, objectType: 'context' })

    await ana.contexts[CLASS_URL]!.subscriptions.post()
    await ben.contexts[CLASS_URL]!.subscriptions.post()
    const subscribers = await ana.contexts[CLASS_URL]!.subscriptions.get()
    expect(subscribers.map((s) => s.username).sort()).toEqual(['ana', 'ben'])

    const post = await ana.contexts[CLASS_URL]!.activities.post({ object_content: 'Homework for #monday' })
    expect(post).toMatchObject({ object: { objectType: 'note' }, actor: { username: 'ana' } })
    await ben.activities[post.id]!.comments.post({
      object_content: 'Done already',
      object_objectType: 'comment',
    })
    const comments = await ana.activities[post.id]!.comments.get()
    expect(comments).toHaveLength(1)

    for (let i = 0; i < 11; i++)
      await ben.contexts[CLASS_URL]!.activities.post({ object_content: `note ${i}` })
    expect(await ana.contexts[CLASS_URL]!.activities.head()).toBe(12)
    const all: string[] = []
    for await (const activity of ana.contexts[CLASS_URL]!.activities.iterate(undefined, { pageSize: 5 })) {
      all.push(activity.id)
    }
    expect(all).toHaveLength(12)
    expect(new Set(all).size).toBe(12)
    expect(ana.lastResponse?.status).toBe(200)

    const timeline = await ana.people[':me']!.timeline.all(undefined, { pageSize: 4, max: 6 })
    expect(timeline).toHaveLength(6)
  })

  test('errors and missing resources', async () => {
    expect(await ana.contexts['https://nowhere.example']!.get()).toBeNull()
    const error = await ana.contexts.post({ url: 'https://x.example' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RequestError)
    expect((error as RequestError).status).toBe(403)
  })

  test('an avatar upload is stored and served back', async () => {
    const png = onePixelPng()
    await ana.people[':me']!.avatar.post({ upload_file: new Blob([png], { type: 'image/png' }) })
    const avatar = await ana.people[':me']!.avatar.get()
    expect(avatar).toBeInstanceOf(Uint8Array)
  })
})

describe('against the mock server in-process (injected fetch)', () => {
  test('the tree works without a socket', async () => {
    const handler = createMockHandler({ users: { ana: 'ana-pass' } })
    const client = new MaxClient('http://max.in-process', {
      fetch: handler,
      oauthServer: 'http://max.in-process/oauth',
    })
    await client.login('ana', 'ana-pass')
    await client.people[':me']!.activities.post({ object_content: 'in process' })
    const mine = await client.people[':me']!.activities.get({ qs: { limit: 1 } })
    expect(mine[0]?.object.content).toBe('in process')
  })
})

/** A valid 1x1 PNG. */
function onePixelPng(): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(
    atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
    (c) => c.charCodeAt(0),
  )
}

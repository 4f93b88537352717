import { collect, UsageError } from '@maxclient/core'
import { type RunningMockServer, startMockServer } from '@maxclient/mock-server'
import nock from 'nock'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MaxClient } from '../src/index.js'

// A short real scenario over HTTP against the mock MAX server on 127.0.0.1.

const COURSE = 'http://campus.example.org/course-1'
let server: RunningMockServer

beforeAll(async () => {
  nock.enableNetConnect('127.0.0.1')
  server = await startMockServer({
    host: '127.0.0.1',
    users: { admin: 'admin-pw', alice: 'alice-pw', bob: 'bob-pw' },
    managers: ['admin'],
  })
})
afterAll(async () => {
  await server?.close()
  nock.disableNetConnect()
})

async function loggedIn(username: string, password: string): Promise<MaxClient> {
  const client = new MaxClient(server.url, { retry: false })
  await client.login(username, password)
  return client
}

describe('RPC client against the mock server', () => {
  it('runs a context, post, comment and conversation scenario', async () => {
    const admin = await loggedIn('admin', 'admin-pw')
    const [created, createdStatus, carol] = await admin.addUser('carol', { displayName: 'Carol' })
    expect([created, createdStatus]).toEqual([true, 201])
    expect(carol).toMatchObject({ username: 'carol', displayName: 'Carol' })
    // Creating is idempotent: an existing user comes back with 200.
    expect((await admin.addUser('alice')).slice(0, 2)).toEqual([true, 200])

    const [ctxOk, ctxStatus, context] = await admin.addContext(COURSE, 'Course 1', {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'public',
    })
    expect([ctxOk, ctxStatus]).toEqual([true, 201])
    expect(context).toMatchObject({ url: COURSE, displayName: 'Course 1' })

    const alice = await loggedIn('alice', 'alice-pw')
    expect((await alice.subscribe(COURSE)).slice(0, 2)).toEqual([true, 201])

    const [postOk, postStatus, post] = await alice.addActivity('Hello course', 'note', [COURSE])
    expect([postOk, postStatus]).toEqual([true, 201])
    if (!postOk) throw new Error('post failed')
    expect(post.object.content).toBe('Hello course')

    const [, , list] = await alice.getContextActivities(COURSE)
    expect(Array.isArray(list) && list.map((activity) => activity.id)).toContain(post.id)
    expect(await alice.countContextActivities(COURSE)).toEqual([true, 200, 1])

    expect((await alice.addComment('First comment', post.id)).slice(0, 2)).toEqual([true, 201])
    const [, , comments] = await alice.getComments(post.id)
    expect(comments).toEqual([expect.objectContaining({ content: 'First comment' })])

    expect((await alice.likeActivity(post.id)).slice(0, 2)).toEqual([true, 201])
    expect(await alice.unlikeActivity(post.id)).toEqual([true, 204, null])

    const timeline = await collect(alice.iterateUserTimeline(undefined, { pageSize: 1 }))
    expect(timeline.map((activity) => activity.id)).toContain(post.id)

    expect((await alice.modifyUser('alice', { displayName: 'Alice' })).slice(0, 2)).toEqual([true, 200])
    const [meOk, , me] = await alice.getUser()
    expect(meOk).toBe(true)
    expect(me).toMatchObject({ username: 'alice', displayName: 'Alice' })

    const [convOk, convStatus, message] = await alice.addConversation(['alice', 'bob'], 'Hi Bob')
    expect([convOk, convStatus]).toEqual([true, 201])
    const conversationId = (message as { contexts: Array<{ id: string }> }).contexts[0]!.id
    const bob = await loggedIn('bob', 'bob-pw')
    const [, , messages] = await bob.getConversationMessages(conversationId)
    expect(messages).toEqual([
      expect.objectContaining({ object: expect.objectContaining({ content: 'Hi Bob' }) }),
    ])

    expect(await alice.unsubscribe(COURSE)).toEqual([true, 204, null])
    const [, , security] = await admin.getSecurity()
    expect(security).toMatchObject({ roles: { Manager: expect.arrayContaining(['admin']) } })
  })

  it('uploads and downloads an avatar and an image post', async () => {
    const alice = await loggedIn('alice', 'alice-pw')
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4])
    const avatar = new File([bytes], 'me.png', { type: 'image/png' })
    expect(await alice.postAvatar('alice', avatar)).toEqual([true, 201, { Image: 'updated' }])
    const [avatarOk, , downloaded] = await alice.getUserAvatar()
    expect(avatarOk).toBe(true)
    expect(new Uint8Array(downloaded as Uint8Array)).toEqual(bytes)

    const [postOk, postStatus, post] = await alice.addActivity(
      'A picture',
      'image',
      [],
      undefined,
      undefined,
      {
        file: { data: bytes, name: 'picture.png', type: 'image/png' },
      },
    )
    expect([postOk, postStatus]).toEqual([true, 201])
    if (!postOk) throw new Error('image post failed')
    expect(post.object).toMatchObject({ objectType: 'image', filename: 'picture.png', mimetype: 'image/png' })
    const [imageOk, , image] = await alice.getActivityImageSize(post.id, 'full')
    expect(imageOk).toBe(true)
    expect(new Uint8Array(image as Uint8Array)).toEqual(bytes)
  })

  it('finds the server through the hub and discovers the OAuth server', async () => {
    const client = await MaxClient.fromHubDomain('mock', { hub: server.hubUrl, retry: false })
    expect(client).toBeInstanceOf(MaxClient)
    expect(client.url).toBe(server.url)
    await client.login('bob', 'bob-pw')
    expect(await client.getUser()).toEqual([true, 200, expect.objectContaining({ username: 'bob' })])
  })

  it('returns the MAX error tuple for refused requests', async () => {
    const alice = await loggedIn('alice', 'alice-pw')
    const [ok, status, error] = await alice.getContext('http://campus.example.org/nowhere')
    expect([ok, status]).toEqual([false, 404])
    expect(error).toMatchObject({ error: 'ObjectNotFound', error_description: expect.any(String) })

    const [forbiddenOk, forbiddenStatus, forbidden] = await alice.getSecurityUsers()
    expect([forbiddenOk, forbiddenStatus]).toEqual([false, 403])
    expect(forbidden).toMatchObject({ error: 'Forbidden' })
    await expect(alice.getUser('')).rejects.toBeInstanceOf(UsageError)
  })
})

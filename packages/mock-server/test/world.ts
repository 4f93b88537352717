import { expect } from 'vitest'
import type { RunningMockServer } from '../src/index.js'
import { login, type Session, sessionOf, start, steppingClock } from './helpers.js'

export const COURSE_URL = 'http://example.org/course'
export const PNG_BYTES = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5])
export const PDF_BYTES = new TextEncoder().encode('%PDF-1.4 mock file body')
export const IOS_TOKEN = '12345678901234567890123456789012'

/** The ids and sessions of a small seeded MAX world. */
export interface World {
  server: RunningMockServer
  admin: Session
  alice: Session
  bob: Session
  carol: Session
  /** Context owned by admin: read/write subscribed, subscribe public, invite subscribed. */
  hash: string
  /** A post by alice in the context, commented by bob and liked by alice. */
  activity: string
  comment: string
  /** A timeline post by alice (no context). */
  timelinePost: string
  imageActivity: string
  fileActivity: string
  /** Two-person conversation alice–bob and a group alice, bob, carol (owner alice). */
  conversation: string
  group: string
  message: string
  imageMessage: string
  fileMessage: string
}

function ok(answer: { status: number; text: string }, what: string): void {
  expect(answer.status, `${what}: ${answer.text}`).toBeLessThan(300)
}

/** Builds the world over HTTP; tests restore its snapshot before each case. */
export async function buildWorld(): Promise<World> {
  const server = await start({ clock: steppingClock() })
  const admin = sessionOf(server.url, 'admin', server.issueToken('admin'))
  for (const username of ['alice', 'bob', 'carol'])
    ok(
      await admin.call('POST', '/people', { body: { username, displayName: username.toUpperCase() } }),
      'create user',
    )
  const alice = await login(server, 'alice')
  const bob = await login(server, 'bob')
  const carol = await login(server, 'carol')

  const context = await admin.call('POST', '/contexts', {
    body: {
      url: COURSE_URL,
      displayName: 'Course',
      tags: ['course'],
      permissions: { read: 'subscribed', write: 'subscribed', subscribe: 'public', invite: 'subscribed' },
    },
  })
  ok(context, 'create context')
  const hash = context.body.hash as string
  ok(await alice.call('POST', `/contexts/${hash}/subscriptions`, { body: {} }), 'alice subscribes')
  ok(await bob.call('POST', `/contexts/${hash}/subscriptions`, { body: {} }), 'bob subscribes')

  const post = await alice.call('POST', `/contexts/${hash}/activities`, {
    body: { object: { objectType: 'note', content: 'Welcome to the #course' } },
  })
  ok(post, 'alice posts')
  const comment = await bob.call('POST', `/activities/${post.body.id}/comments`, {
    body: { object: { objectType: 'comment', content: 'Thanks alice' } },
  })
  ok(comment, 'bob comments')
  ok(await alice.call('POST', `/activities/${post.body.id}/likes`, { body: {} }), 'alice likes')
  const timelinePost = await alice.call('POST', '/people/alice/activities', {
    body: { object: { objectType: 'note', content: 'My own note' } },
  })
  ok(timelinePost, 'timeline post')

  const upload = async (
    path: string,
    session: Session,
    objectType: string,
    bytes: Uint8Array,
    name: string,
    type: string,
    extra = {},
  ) => {
    const form = new FormData()
    form.set('json_data', JSON.stringify({ object: { objectType, content: `a ${objectType}` }, ...extra }))
    form.set('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name)
    const answer = await session.call('POST', path, { raw: form })
    ok(answer, `upload ${objectType}`)
    return answer.body.id as string
  }
  const imageActivity = await upload(
    `/contexts/${hash}/activities`,
    alice,
    'image',
    PNG_BYTES,
    'pic.png',
    'image/png',
  )
  const fileActivity = await upload(
    `/contexts/${hash}/activities`,
    alice,
    'file',
    PDF_BYTES,
    'notes.pdf',
    'application/pdf',
  )

  const first = await alice.call('POST', '/conversations', {
    body: {
      contexts: [{ objectType: 'conversation', participants: ['alice', 'bob'] }],
      object: { objectType: 'note', content: 'Hi bob' },
    },
  })
  ok(first, 'conversation')
  const conversation = first.body.contexts[0].id as string
  const group = await alice.call('POST', '/conversations', {
    body: {
      contexts: [
        { objectType: 'conversation', participants: ['alice', 'bob', 'carol'], displayName: 'Team' },
      ],
      object: { objectType: 'note', content: 'Hi team' },
    },
  })
  ok(group, 'group')
  const imageMessage = await upload(
    `/conversations/${conversation}/messages`,
    alice,
    'image',
    PNG_BYTES,
    'm.png',
    'image/png',
  )
  const fileMessage = await upload(
    `/conversations/${conversation}/messages`,
    bob,
    'file',
    PDF_BYTES,
    'm.pdf',
    'application/pdf',
  )
  ok(await alice.call('POST', '/tokens', { body: { platform: 'ios', token: IOS_TOKEN } }), 'device token')
  ok(
    await bob.call('POST', '/tokens', { body: { platform: 'android', token: 'android-token-of-bob' } }),
    'bob token',
  )

  return {
    server,
    admin,
    alice,
    bob,
    carol,
    hash,
    activity: post.body.id,
    comment: comment.body.id,
    timelinePost: timelinePost.body.id,
    imageActivity,
    fileActivity,
    conversation,
    group: group.body.contexts[0].id,
    message: first.body.id,
    imageMessage,
    fileMessage,
  }
}

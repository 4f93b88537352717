import { randomUUID } from 'node:crypto'
import { type RunningMockServer, startMockServer } from '@maxclient/mock-server'
import { sha1Hex } from '@maxclient/resources'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectRealtime, type Realtime, RealtimeAuthError, type RealtimeEvent } from '../src/index.js'
import { AMQP_URL, brokerAvailable, STOMP_URL } from './broker.js'

const available = await brokerAvailable()
const run = randomUUID().slice(0, 8)
const name = (who: string) => `${who}-${run}`
const [alice, bob, carol, dave] = ['alice', 'bob', 'carol', 'dave'].map(name) as [
  string,
  string,
  string,
  string,
]

let server: RunningMockServer
const tokens = new Map<string, string>()
const open: Realtime[] = []

const createConversation = async (
  as: string,
  participants: string[],
  content: string,
  displayName?: string,
) => {
  const message = await call(as, 'POST', '/conversations', {
    contexts: [{ objectType: 'conversation', participants, ...(displayName ? { displayName } : {}) }],
    object: { objectType: 'note', content },
  })
  return { id: message.contexts[0].id as string }
}

async function call(as: string, method: string, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      'x-oauth-token': tokens.get(as)!,
      'x-oauth-username': as,
      'x-oauth-scope': 'widgetcli',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (response.status >= 400) throw new Error(`${method} ${path}: ${response.status} ${text}`)
  return text ? JSON.parse(text) : undefined
}

/** Collects events and lets a test wait for the first one matching a predicate. */
function recorder(realtime: Realtime) {
  const seen: RealtimeEvent[] = []
  const waiters: Array<() => void> = []
  realtime.on('*', (event) => {
    if (event.type === 'reconnect') return
    seen.push(event)
    for (const wake of waiters.splice(0)) wake()
  })
  return {
    seen,
    async waitFor(match: (event: RealtimeEvent) => boolean): Promise<RealtimeEvent> {
      for (;;) {
        const found = seen.find(match)
        if (found) return found
        await new Promise<void>((resolve) => waiters.push(resolve))
      }
    },
  }
}

async function listen(who: string, url: string, extra: Partial<Parameters<typeof connectRealtime>[0]> = {}) {
  const realtime = await connectRealtime({ url, username: who, token: tokens.get(who)!, ...extra })
  open.push(realtime)
  return realtime
}

const postMessage = (as: string, id: string, content: string) =>
  call(as, 'POST', `/conversations/${id}/messages`, { object: { objectType: 'note', content, mobile: true } })

describe.skipIf(!available)('live events against a real RabbitMQ', () => {
  beforeAll(async () => {
    server = await startMockServer({
      users: Object.fromEntries([alice, bob, carol, dave].map((u) => [u, 'pw'])),
      amqp: { url: AMQP_URL, prefix: `test-${run}.`, cleanup: true },
    })
    for (const who of [alice, bob, carol, dave, 'admin']) tokens.set(who, server.issueToken(who))
    await server.handler.realtime!.sync()
  })
  afterAll(async () => {
    for (const realtime of open) await realtime.close()
    await server?.close()
  })

  it('delivers a message posted over REST to another participant over STOMP and AMQP, typed', async () => {
    const overStomp = recorder(await listen(bob, STOMP_URL))
    const overAmqp = recorder(await listen(bob, AMQP_URL))
    const conversation = await createConversation(alice, [alice, bob], 'first')
    const message = await postMessage(alice, conversation.id, 'Hola, tens un moment?')
    for (const listener of [overStomp, overAmqp]) {
      const created = await listener.waitFor((e) => e.type === 'conversation')
      expect(created).toMatchObject({ type: 'conversation', conversationId: conversation.id, source: 'max' })
      const event = await listener.waitFor((e) => e.type === 'message')
      expect(event).toMatchObject({
        type: 'message',
        conversationId: conversation.id,
        text: 'Hola, tens un moment?',
        messageId: message.id,
        user: { username: alice },
        source: 'max',
        domain: 'mock',
        routingKey: `${conversation.id}.notifications`,
      })
      expect(event.uuid).toMatch(/^[0-9a-f-]{36}$/)
    }
  })

  it('starts delivering to a new participant and stops for a removed one', async () => {
    const group = await createConversation(alice, [alice, bob, dave], 'welcome', `Team ${run}`)
    const carolEvents = recorder(await listen(carol, STOMP_URL))
    await call(alice, 'POST', `/conversations/${group.id}/participants`, {
      actor: { objectType: 'person', username: carol },
    })
    await postMessage(alice, group.id, 'carol is in')
    await carolEvents.waitFor((e) => e.type === 'message' && e.text === 'carol is in')

    await call(alice, 'DELETE', `/conversations/${group.id}/participants/${carol}`)
    await postMessage(alice, group.id, 'carol is out')
    // A later event on the same publishing channel arrives after anything routed before it.
    const other = await createConversation(alice, [alice, carol], 'just us')
    await carolEvents.waitFor((e) => e.type === 'conversation' && e.conversationId === other.id)
    expect(carolEvents.seen.some((e) => e.type === 'message' && e.text === 'carol is out')).toBe(false)
  })

  it('delivers context activity and comments to subscribers', async () => {
    const url = `https://intranet.example/${run}`
    // As on MAX, a context's permissions default to restricted: open subscribing to everyone.
    await call('admin', 'POST', '/contexts', {
      url,
      displayName: 'Blog',
      notifications: 'comments',
      permissions: { read: 'subscribed', write: 'subscribed', subscribe: 'public' },
    })
    await call(dave, 'POST', `/people/${dave}/subscriptions`, { object: { objectType: 'context', url } })
    const daveEvents = recorder(await listen(dave, AMQP_URL))
    const iterator = (await listen(dave, STOMP_URL)).events({ contexts: [url] })
    const activity = await call('admin', 'POST', `/contexts/${sha1Hex(url)}/activities`, {
      object: { objectType: 'note', content: 'Nova entrada' },
    })
    const comment = await call(dave, 'POST', `/activities/${activity.id}/comments`, {
      object: { objectType: 'comment', content: 'Molt interessant!' },
    })
    const first = (await iterator.next()).value
    expect(first).toMatchObject({
      type: 'activity',
      contextHash: sha1Hex(url),
      activityId: activity.id,
      text: 'Nova entrada',
    })
    expect((await iterator.next()).value).toMatchObject({
      type: 'comment',
      activityId: activity.id,
      commentId: comment.id,
      text: 'Molt interessant!',
    })
    await iterator.return?.()
    await daveEvents.waitFor((e) => e.type === 'comment')
  })

  for (const [transport, url] of [
    ['STOMP', STOMP_URL],
    ['AMQP', AMQP_URL],
  ] as const) {
    it(`reconnects over ${transport} after the broker drops the connection and catches up over REST`, async () => {
      const conversation = await createConversation(alice, [alice, bob], 'reconnect')
      const fromRest = new Set<string>()
      const realtime = await listen(bob, url, {
        reconnect: { minDelay: 50, maxDelay: 200 },
        catchUp: async () => {
          const messages = await call(bob, 'GET', `/conversations/${conversation.id}/messages?limit=0`)
          for (const m of messages) fromRest.add(m.id)
        },
      })
      const live = recorder(realtime)
      const reconnected = new Promise((resolve) => realtime.on('reconnect', resolve))
      const before = await postMessage(alice, conversation.id, 'before')
      await live.waitFor((e) => e.type === 'message' && e.messageId === before.id)

      // Management statistics lag: poll until the broker lists bob's connection, then close it.
      while ((await server.handler.realtime!.dropConnections(bob)) === 0)
        await new Promise((resolve) => setTimeout(resolve, 250))
      const during = await postMessage(alice, conversation.id, 'during')
      expect(await reconnected).toMatchObject({ type: 'reconnect' })
      const after = await postMessage(alice, conversation.id, 'after')
      await live.waitFor((e) => e.type === 'message' && e.messageId === after.id)
      const received = new Set([
        ...live.seen.flatMap((e) => (e.type === 'message' && e.messageId ? [e.messageId] : [])),
        ...fromRest,
      ])
      for (const m of [before, during, after]) expect(received.has(m.id)).toBe(true)
      await realtime.close()
    })

    it(`refuses a wrong token over ${transport} with a clear error that does not show it`, async () => {
      const wrong = `wrong-${randomUUID()}`
      const attempt = connectRealtime({ url, username: bob, token: wrong, reconnect: false })
      await expect(attempt).rejects.toBeInstanceOf(RealtimeAuthError)
      const error = await attempt.catch((e: Error) => e)
      expect(String((error as Error).message)).toMatch(/refused the login of/)
      expect(String((error as Error).message)).not.toContain(wrong)
    })
  }
})

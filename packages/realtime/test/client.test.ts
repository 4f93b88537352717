import { createServer } from 'node:net'
import { UsageError } from '@maxclient/core'
import { describe, expect, it } from 'vitest'
import { Realtime } from '../src/client.js'
import {
  connectRealtime,
  defaultBrokerUrl,
  describeEvent,
  RealtimeError,
  type RealtimeEvent,
  toEvent,
  unpack,
} from '../src/index.js'
import { connectParams } from '../src/options.js'
import type { Connector, TransportHandlers } from '../src/transport.js'

const base = { url: 'wss://max.example.com/ws', username: 'alice', token: 'secret-token-123' }

/** A connector over an in-memory "broker": the test pushes deliveries and drops the connection. */
function memoryBroker() {
  let handlers: TransportHandlers | undefined
  const published: Array<[string, string, string]> = []
  let connects = 0
  const connector: Connector = async (_params, h) => {
    connects++
    handlers = h
    return { publish: async (...args) => void published.push(args), close: async () => {} }
  }
  return {
    connector,
    published,
    get connects() {
      return connects
    },
    deliver: (exchange: string, key: string, packed: unknown) =>
      handlers!.onMessage(exchange, key, JSON.stringify(packed)),
    drop: () => handlers!.onLost(new RealtimeError('gone')),
  }
}

async function client(options: Partial<Parameters<typeof connectParams>[0]> = {}) {
  const broker = memoryBroker()
  const all = { ...base, ...options }
  const realtime = new Realtime(connectParams(all).params, all, broker.connector)
  await realtime.start()
  return { realtime, broker }
}

const CONVERSATION = '65bb6f0e3a1c2d0012ab34cd'
const HASH = 'e4a1c0b7d6f2a9083c5b1e7d4f6a2c8b9d0e1f3a'

describe('options', () => {
  it('rejects bad options with a UsageError naming the fix', () => {
    expect(() => connectParams({ ...base, url: 'http://x' })).toThrow(
      /wss:\/\/, ws:\/\/, amqps:\/\/ or amqp:\/\//,
    )
    expect(() => connectParams({ ...base, url: 'amqp://u:p@host' })).toThrow(UsageError)
    expect(() => connectParams({ ...base, token: '' })).toThrow(/token/)
    expect(() => connectParams({ ...base, username: 'a b' })).toThrow(/username/)
    expect(() => connectParams({ ...base, heartbeat: -1 })).toThrow(/heartbeat/)
    expect(() => connectParams({ ...base, reconnect: { maxAttempts: 0 } })).toThrow(/maxAttempts/)
    expect(() => connectParams({ ...base, maxBuffered: 1.5 })).toThrow(/maxBuffered/)
  })

  it('logs in as domain:username, verifies TLS unless told otherwise, and picks the transport from the URL', () => {
    const { params, transport } = connectParams({ ...base, domain: 'demo', username: 'Alice' })
    expect(params).toMatchObject({ login: 'demo:alice', username: 'alice', rejectUnauthorized: true })
    expect(transport).toBe('stomp')
    expect(connectParams({ ...base, url: 'amqps://h', rejectUnauthorized: false })).toMatchObject({
      transport: 'amqp',
      params: { rejectUnauthorized: false },
    })
  })

  it('derives the broker URL as the newer widget does', () => {
    expect(defaultBrokerUrl('https://max.example.com/demo')).toBe('wss://max.example.com/demo/ws')
    expect(defaultBrokerUrl('http://127.0.0.1:8081/')).toBe('ws://127.0.0.1:8081/ws')
  })
})

describe('events', () => {
  it('filters by conversation and context, and ends iterators on close', async () => {
    const { realtime, broker } = await client()
    const onlyContext = realtime.events({ contexts: ['https://intranet.example/news'] })
    const onlyConversation = realtime.events({ conversations: [CONVERSATION] })
    broker.deliver('conversations', 'ffffffffffffffffffffffff.notifications', { a: 'a', o: 'c', d: {} })
    broker.deliver('conversations', `${CONVERSATION}.notifications`, {
      a: 'a',
      o: 'm',
      d: { text: 'hi', message_id: 'x' },
    })
    broker.deliver('activity', HASH, { a: 'a', o: 'a', d: { text: 'other', activityid: '1' } })
    const { sha1Hex } = await import('@maxclient/resources')
    broker.deliver('activity', sha1Hex('https://intranet.example/news'), {
      a: 'a',
      o: 'a',
      d: { text: 'news', activityid: '2' },
    })
    expect((await onlyConversation.next()).value).toMatchObject({
      type: 'message',
      text: 'hi',
      messageId: 'x',
    })
    expect((await onlyContext.next()).value).toMatchObject({ type: 'activity', text: 'news' })
    await realtime.close()
    expect((await onlyConversation.next()).done).toBe(true)
    expect((await onlyContext.next()).done).toBe(true)
  })

  it('calls on() handlers by type, keeps going when one throws, and removes them', async () => {
    const { realtime, broker } = await client()
    const seen: string[] = []
    realtime.on('message', () => {
      throw new Error('handler bug')
    })
    const off = realtime.on('message', (m) => seen.push(m.text))
    broker.deliver('x.publish', `${CONVERSATION}.messages`, { a: 'a', o: 'm', d: { text: 'one' } })
    off()
    broker.deliver('x.publish', `${CONVERSATION}.messages`, { a: 'a', o: 'm', d: { text: 'two' } })
    expect(seen).toEqual(['one'])
    await realtime.close()
  })

  it('fails a consumer that falls maxBuffered events behind instead of dropping silently', async () => {
    const { realtime, broker } = await client({ maxBuffered: 2 })
    const events = realtime.events()
    for (let i = 0; i < 3; i++)
      broker.deliver('conversations', `${CONVERSATION}.notifications`, { a: 'a', o: 'c' })
    await events.next()
    await events.next()
    await expect(events.next()).rejects.toThrow(/fell 2 events behind/)
    await realtime.close()
  })

  it('reconnects after a drop, runs the catch-up with the last stored ids, then emits reconnect', async () => {
    const order: string[] = []
    const { realtime, broker } = await client({
      reconnect: { minDelay: 1, maxDelay: 2 },
      catchUp: ({ lastMessageIds }) => void order.push(`catch-up ${lastMessageIds.get(CONVERSATION)}`),
    })
    broker.deliver('conversations', `${CONVERSATION}.notifications`, {
      a: 'k',
      o: 'm',
      d: { id: 'm1', text: 't' },
    })
    const reconnected = new Promise((resolve) => realtime.on('reconnect', resolve))
    realtime.on('reconnect', () => order.push('reconnect'))
    broker.drop()
    expect(await reconnected).toMatchObject({ type: 'reconnect', attempts: 0 })
    expect(order).toEqual(['catch-up m1', 'reconnect'])
    expect(broker.connects).toBe(2)
    await realtime.close()
  })

  it('sends a chat message as the widget does', async () => {
    const { realtime, broker } = await client({ domain: 'demo' })
    const { uuid } = await realtime.send(CONVERSATION, 'Hola')
    const [exchange, key, body] = broker.published[0]!
    expect([exchange, key]).toEqual(['alice.publish', `${CONVERSATION}.messages`])
    expect(unpack(JSON.parse(body))).toMatchObject({
      action: 'add',
      object: 'message',
      data: { text: 'Hola' },
      source: 'widget',
      user: { username: 'alice' },
      uuid,
      domain: 'demo',
    })
    await expect(realtime.send('nope', 'x')).rejects.toThrow(/24-hex/)
    await expect(realtime.send(CONVERSATION, ' ')).rejects.toThrow(UsageError)
    await realtime.close()
  })

  it('keeps the token out of the object when it is logged', async () => {
    const { realtime } = await client()
    const { inspect } = await import('node:util')
    expect(inspect(realtime, { depth: 10 })).not.toContain(base.token)
    expect(JSON.stringify(realtime)).not.toContain(base.token)
    await realtime.close()
  })

  it('closes when the signal aborts', async () => {
    const controller = new AbortController()
    const { realtime } = await client({ signal: controller.signal })
    controller.abort()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(realtime.open).toBe(false)
  })

  it('describes every event kind in one line', () => {
    const event = toEvent(
      unpack({ a: 'a', o: 'a', d: { text: 'x', activityid: '1', commentid: '2' }, u: { d: 'Carol' } }),
      'activity',
      HASH,
    )
    expect(describeEvent(event as RealtimeEvent)).toBe('<e4a1c0b7> Carol commented on 1: x')
  })
})

describe('connection failures', () => {
  for (const url of ['ws://127.0.0.1:PORT/ws', 'amqp://127.0.0.1:PORT']) {
    it(`reports an unreachable broker (${url.split(':')[0]}) without the token`, async () => {
      // A port that accepts and immediately closes: connection refused/reset quickly, on 127.0.0.1 only.
      const server = createServer((socket) => socket.destroy())
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      const port = (server.address() as { port: number }).port
      const error = await connectRealtime({
        ...base,
        url: url.replace('PORT', String(port)),
        connectTimeout: 3000,
      }).catch((e: Error) => e)
      server.close()
      expect(error).toBeInstanceOf(RealtimeError)
      expect(String((error as Error).message)).not.toContain(base.token)
    })
  }
})

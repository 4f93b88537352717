// Live events per second, publish -> typed delivery, through @maxclient/realtime (AMQP) versus a raw
// amqplib / @stomp/stompjs consumer doing the minimum (JSON.parse), in the same run on the local RabbitMQ.
// Usage: node bench/src/realtime.mjs [--events N]   (needs RabbitMQ on 127.0.0.1; see scripts/ci/rabbitmq.sh)
import { randomUUID } from 'node:crypto'
import { connectRealtime } from '@maxclient/realtime'
import { Client } from '@stomp/stompjs'
import amqplib from 'amqplib'
import { WebSocket } from 'ws'

const count = Number(process.argv[process.argv.indexOf('--events') + 1]) || 20_000
const rounds = Number(process.env.ROUNDS) || 5
const run = randomUUID().slice(0, 8)
const user = `bench-${run}`
/** @param {string} method @param {string} path @param {unknown} [json] */
const api = (method, path, json) =>
  fetch(`http://127.0.0.1:15672/api${path}`, {
    method,
    headers: { authorization: `Basic ${btoa('guest:guest')}`, 'content-type': 'application/json' },
    body: json === undefined ? undefined : JSON.stringify(json),
  })
const password = randomUUID()
await api('PUT', `/users/${user}`, { password, tags: '' })
await api('PUT', `/permissions/%2F/${user}`, { configure: '.*', write: '.*', read: '.*' })
const admin = await amqplib.connect('amqp://guest:guest@127.0.0.1')
const channel = await admin.createChannel()
await channel.assertExchange(`${user}.subscribe`, 'fanout', { durable: false, autoDelete: false })
const body = Buffer.from(
  JSON.stringify({
    a: 'a',
    o: 'm',
    d: { text: 'Hola', message_id: '65bb6f2a3a1c2d0012ab34d1' },
    s: 'm',
    v: '5.3.27',
    u: { u: 'alice', d: 'Alice' },
    p: '2024-02-01T10:15:30Z',
    g: randomUUID(),
    i: 'bench',
  }),
)
const key = '65bb6f0e3a1c2d0012ab34cd.notifications'

async function publishAll() {
  for (let i = 0; i < count; i++)
    if (!channel.publish(`${user}.subscribe`, key, body)) await new Promise((r) => channel.once('drain', r))
}

/** Publishes `count` events and resolves when the consumer has seen them all: events per second. */
/**
 * @param {(seen: (...args: unknown[]) => void) => Promise<unknown>} start
 * @param {() => Promise<unknown>} stop
 */
async function measure(start, stop) {
  let n = 0
  /** @type {(value?: unknown) => void} */
  let done = () => {}
  const finished = new Promise((r) => (done = r))
  await start(() => {
    if (++n === count) done()
  })
  const t0 = performance.now()
  await publishAll()
  await finished
  const seconds = (performance.now() - t0) / 1000
  await stop()
  return count / seconds
}

async function rawAmqp() {
  /** @type {import('amqplib').ChannelModel | undefined} */
  let conn
  return measure(
    async (seen) => {
      conn = await amqplib.connect('amqp://guest:guest@127.0.0.1')
      const ch = await conn.createChannel()
      const { queue } = await ch.assertQueue('', { exclusive: true, autoDelete: true })
      await ch.bindQueue(queue, `${user}.subscribe`, '')
      await ch.consume(queue, (m) => seen(JSON.parse(m?.content.toString('utf8') ?? '{}')), { noAck: true })
    },
    () => conn?.close() ?? Promise.resolve(),
  )
}

async function rawStomp() {
  const client = new Client({
    webSocketFactory: () => new WebSocket('ws://127.0.0.1:15674/ws', ['v12.stomp']),
    connectHeaders: { login: user, passcode: password, host: '/' },
    reconnectDelay: 0,
    heartbeatIncoming: 0,
    heartbeatOutgoing: 0,
  })
  return measure(
    (seen) =>
      new Promise((resolve) => {
        client.onConnect = () => {
          client.watchForReceipt('ready', resolve)
          client.subscribe(`/exchange/${user}.subscribe`, (frame) => seen(JSON.parse(frame.body)), {
            receipt: 'ready',
          })
        }
        client.activate()
      }),
    () => client.deactivate(),
  )
}

/** @param {string} url */
async function realtime(url) {
  /** @type {import('@maxclient/realtime').Realtime | undefined} */
  let client
  return measure(
    async (seen) => {
      client = await connectRealtime({ url, username: user, token: password, heartbeat: 0 })
      client.on('message', seen)
    },
    () => client?.close() ?? Promise.resolve(),
  )
}

/** @param {number[]} xs */
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
/** @type {Array<[string, () => Promise<number>, () => Promise<number>]>} */
const pairs = [
  ['AMQP ', rawAmqp, () => realtime('amqp://127.0.0.1')],
  ['STOMP', rawStomp, () => realtime('ws://127.0.0.1:15674/ws')],
]
let ok = true
console.log(`events: ${count} per round, ${rounds} rounds (median)`)
for (const [label, raw, client] of pairs) {
  const rawRates = []
  const clientRates = []
  for (let i = 0; i < rounds; i++) {
    rawRates.push(await raw())
    clientRates.push(await client())
  }
  const r = median(rawRates)
  const c = median(clientRates)
  ok &&= c / r >= 0.8
  console.log(
    `${label} raw consumer ${Math.round(r)} events/s, @maxclient/realtime ${Math.round(c)} events/s, ratio ${(c / r).toFixed(2)}x (target >= 0.8x)`,
  )
}
await channel.deleteExchange(`${user}.subscribe`)
await admin.close()
await api('DELETE', `/users/${user}`)
process.exitCode = ok ? 0 : 1

// Live events per second, publish -> typed delivery, through @maxclient/realtime (AMQP) versus a raw
// amqplib consumer doing the minimum (JSON.parse), in the same run on the local RabbitMQ.
// Usage: node bench/src/realtime.mjs [--events N]   (needs RabbitMQ on 127.0.0.1; see scripts/ci/rabbitmq.sh)
import { randomUUID } from 'node:crypto'
import { connectRealtime } from '@maxclient/realtime'
import amqplib from 'amqplib'

const count = Number(process.argv[process.argv.indexOf('--events') + 1]) || 20_000
const rounds = 3
const run = randomUUID().slice(0, 8)
const user = `bench-${run}`
const api = (method, path, json) =>
  fetch(`http://127.0.0.1:15672/api${path}`, {
    method,
    headers: { authorization: `Basic ${btoa('guest:guest')}`, 'content-type': 'application/json' },
    body: json && JSON.stringify(json),
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

async function raw() {
  const conn = await amqplib.connect('amqp://guest:guest@127.0.0.1')
  const ch = await conn.createChannel()
  const { queue } = await ch.assertQueue('', { exclusive: true, autoDelete: true })
  await ch.bindQueue(queue, `${user}.subscribe`, '')
  let n = 0
  let done
  const finished = new Promise((r) => (done = r))
  await ch.consume(
    queue,
    (m) => {
      JSON.parse(m.content.toString('utf8'))
      if (++n === count) done()
    },
    { noAck: true },
  )
  const start = performance.now()
  await publishAll()
  await finished
  const seconds = (performance.now() - start) / 1000
  await conn.close()
  return count / seconds
}

async function realtime() {
  const client = await connectRealtime({
    url: 'amqp://127.0.0.1',
    username: user,
    token: password,
    heartbeat: 0,
  })
  let n = 0
  let done
  const finished = new Promise((r) => (done = r))
  client.on('message', () => {
    if (++n === count) done()
  })
  const start = performance.now()
  await publishAll()
  await finished
  const seconds = (performance.now() - start) / 1000
  await client.close()
  return count / seconds
}

const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const rawRates = []
const clientRates = []
for (let i = 0; i < rounds; i++) {
  rawRates.push(await raw())
  clientRates.push(await realtime())
}
await channel.deleteExchange(`${user}.subscribe`)
await admin.close()
await api('DELETE', `/users/${user}`)
const r = median(rawRates)
const c = median(clientRates)
console.log(`events: ${count} x ${rounds} rounds (median)`)
console.log(`raw amqplib consumer      ${Math.round(r)} events/s`)
console.log(
  `@maxclient/realtime AMQP  ${Math.round(c)} events/s   ratio ${(c / r).toFixed(2)}x (target >= 0.8x)`,
)
process.exitCode = c / r >= 0.8 ? 0 : 1

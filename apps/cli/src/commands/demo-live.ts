import { randomUUID } from 'node:crypto'

/** The tour's live-events part: a mock publishing on a local RabbitMQ, and a STOMP listener. */
export async function liveEventsTour(say: (line?: string) => void): Promise<void> {
  say('\n# Live events (@maxclient/realtime, maxcli watch / maxcli chat)')
  const { rabbitmqAvailable, startMockServer } = await import('@maxclient/mock-server')
  if (!(await rabbitmqAvailable())) {
    say(
      '  RabbitMQ is not running on 127.0.0.1 (5672, Web-STOMP 15674, management 15672), so this part is skipped.',
    )
    say(
      '  Enable it with: scripts/ci/rabbitmq.sh   (or: rabbitmq-server -detached && rabbitmq-plugins enable',
    )
    say('  rabbitmq_stomp rabbitmq_web_stomp rabbitmq_management), then run pnpm start again.')
    return
  }
  const { connectRealtime, describeEvent } = await import('@maxclient/realtime')
  const run = randomUUID().slice(0, 6)
  const [ana, ben] = [`ana-${run}`, `ben-${run}`]
  const server = await startMockServer({
    users: { [ana]: 'pw', [ben]: 'pw' },
    amqp: { url: 'amqp://127.0.0.1', prefix: `demo-${run}.`, cleanup: true },
  })
  const tokens = { [ana]: server.issueToken(ana), [ben]: server.issueToken(ben) }
  await server.handler.realtime!.sync()
  const call = async (as: string, path: string, body: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-oauth-token': tokens[as]!,
        'x-oauth-username': as,
        'x-oauth-scope': 'widgetcli',
      },
      body: JSON.stringify(body),
    })
    return (await response.json()) as { contexts?: Array<{ id: string }> }
  }
  const listener = await connectRealtime({
    url: 'ws://127.0.0.1:15674/ws',
    username: ben,
    token: tokens[ben]!,
  })
  const sender = await connectRealtime({ url: 'amqp://127.0.0.1', username: ana, token: tokens[ana]! })
  try {
    say(`  A mock server publishes on RabbitMQ; ${ben} listens over STOMP (ws://127.0.0.1:15674/ws).`)
    const events = listener.events({ conversations: true })
    const created = await call(ana, '/conversations', {
      contexts: [{ objectType: 'conversation', participants: [ana, ben] }],
      object: { objectType: 'note', content: 'Hi Ben' },
    })
    const id = created.contexts![0]!.id
    await call(ana, `/conversations/${id}/messages`, {
      object: { objectType: 'note', content: 'Lunch?', mobile: true },
    })
    await sender.send(id, 'Sent over AMQP, as the widget does')
    for (let i = 0; i < 3; i++) {
      const { value } = await events.next()
      if (value) say(`  ${describeEvent(value)}`)
    }
    await events.return?.()
    say(
      '  Try it yourself: max-mock-server --amqp amqp://127.0.0.1, then maxcli watch --broker ws://127.0.0.1:15674/ws',
    )
  } finally {
    await listener.close()
    await sender.close()
    await server.close()
  }
}

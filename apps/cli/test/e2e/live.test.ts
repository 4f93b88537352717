import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { type RunningMockServer, startMockServer } from '@maxclient/mock-server'
import { connectRealtime } from '@maxclient/realtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AMQP_URL, brokerAvailable, STOMP_URL } from '../../../../packages/realtime/test/broker.js'
import { BIN, isolatedEnv, runCli } from './harness.js'

const available = await brokerAvailable()
const run = randomUUID().slice(0, 8)
const [alice, bob] = [`alice-${run}`, `bob-${run}`]

describe.skipIf(!available)('maxcli watch and chat against a real RabbitMQ', () => {
  let server: RunningMockServer
  let conversationId: string
  const tokens: Record<string, string> = {}
  const as = (user: string) =>
    isolatedEnv({
      MAX_SERVER: server.url,
      MAX_USERNAME: user,
      MAX_TOKEN: tokens[user]!,
      MAX_BROKER: STOMP_URL,
    })
  const post = async (user: string, path: string, body: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-oauth-token': tokens[user]!,
        'x-oauth-username': user,
        'x-oauth-scope': 'widgetcli',
      },
      body: JSON.stringify(body),
    })
    return (await response.json()) as { id: string; contexts: Array<{ id: string }> }
  }

  beforeAll(async () => {
    server = await startMockServer({
      users: { [alice]: 'pw', [bob]: 'pw' },
      amqp: { url: AMQP_URL, prefix: `cli-${run}.`, cleanup: true },
    })
    tokens[alice] = server.issueToken(alice)
    tokens[bob] = server.issueToken(bob)
    const created = await post(alice, '/conversations', {
      contexts: [{ objectType: 'conversation', participants: [alice, bob] }],
      object: { objectType: 'note', content: 'hi' },
    })
    conversationId = created.contexts[0]!.id
  })
  afterAll(() => server?.close())

  it('chat sends stdin lines to the other participants and prints them as JSON Lines when piped', async () => {
    const listener = await connectRealtime({ url: AMQP_URL, username: bob, token: tokens[bob]! })
    const arrived = listener.events({ conversations: [conversationId] }).next()
    const result = await runCli(['chat', conversationId], as(alice), 'Hola from the CLI\n')
    expect(result.code, result.stderr).toBe(0)
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(lines).toContainEqual(expect.objectContaining({ type: 'message', text: 'Hola from the CLI' }))
    expect((await arrived).value).toMatchObject({
      type: 'message',
      text: 'Hola from the CLI',
      user: { username: alice },
    })
    await listener.close()
    expect(result.stdout + result.stderr).not.toContain(tokens[alice])
  })

  it('watch prints live events until interrupted, then exits 0', async () => {
    const child = spawn(process.execPath, [BIN, 'watch'], { env: as(bob), stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    const ready = new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk) => {
        stderr += chunk
        if (stderr.includes('Watching live events')) resolve()
      }),
    )
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
    await Promise.race([ready, exited])
    await post(alice, `/conversations/${conversationId}/messages`, {
      object: { objectType: 'note', content: 'watch this', mobile: true },
    })
    while (!stdout.includes('watch this')) await new Promise((resolve) => setTimeout(resolve, 50))
    child.kill('SIGINT')
    expect(await exited, stderr).toBe(0)
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toMatchObject({ type: 'message', conversationId })
  })

  it('refuses a wrong token with the authentication exit code and no token in the output', async () => {
    const env = { ...as(bob), MAX_TOKEN: `wrong-${run}` }
    const result = await runCli(['watch'], env)
    expect(result.code).toBe(3)
    expect(result.stderr).toMatch(/refused the login/)
    expect(result.stderr).not.toContain(`wrong-${run}`)
  })
})

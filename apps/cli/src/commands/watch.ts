import {
  connectRealtime,
  defaultBrokerUrl,
  describeEvent,
  type Realtime,
  RealtimeAuthError,
} from '@maxclient/realtime'
import type { CommandContext } from '../context.js'
import { defineCommand, flag } from '../define.js'
import { authError } from '../errors.js'

export interface LiveOptions {
  broker?: string
}

/** Connects as the logged-in user; the broker URL comes from --broker, MAX_BROKER or the server URL. */
export async function openRealtime(context: CommandContext, options: LiveOptions): Promise<Realtime> {
  const { target } = await context.session()
  const realtime = await connectRealtime({
    url: options.broker ?? context.io.env.MAX_BROKER ?? defaultBrokerUrl(target.server),
    username: target.username,
    token: target.token,
    rejectUnauthorized: !context.globals.insecure,
  }).catch((error: unknown) => {
    throw error instanceof RealtimeAuthError
      ? authError(`${error.message}; log in again with maxcli login`)
      : error
  })
  process.once('SIGINT', () => void realtime.close())
  realtime.on('error', (error) => context.note(`maxcli: ${error.message}`))
  return realtime
}

/** One event on stdout: a human line, or JSON with --json / when piped. */
export const printEvent = (context: CommandContext, event: Parameters<typeof describeEvent>[0]) =>
  context.io.stdout.write(`${context.json ? JSON.stringify(event) : describeEvent(event)}\n`)

/** The flag both live commands take. */
export const liveFlags = { broker: flag.string('STOMP/AMQP URL (MAX_BROKER)', { value: 'url' }) }

/** `maxcli watch`: prints live events until Ctrl-C, reconnecting by itself. */
export default defineCommand({
  summary: 'print live events (JSON Lines when piped)',
  flags: liveFlags,
  examples: ['maxcli watch', 'maxcli watch --broker wss://max.example.com/ws --json'],
  async run(context, options) {
    const realtime = await openRealtime(context, options)
    context.note('Watching live events (Ctrl-C to stop).')
    for await (const event of realtime.events()) printEvent(context, event)
  },
})

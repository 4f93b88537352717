import {
  connectRealtime,
  defaultBrokerUrl,
  describeEvent,
  type Realtime,
  RealtimeAuthError,
} from '@maxclient/realtime'
import type { CommandContext } from '../context.js'
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

/** `maxcli watch`: prints live events until Ctrl-C, reconnecting by itself. */
export async function watch(context: CommandContext, options: LiveOptions): Promise<void> {
  const realtime = await openRealtime(context, options)
  context.note('Watching live events (Ctrl-C to stop).')
  for await (const event of realtime.events()) printEvent(context, event)
}

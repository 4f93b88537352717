import { createInterface } from 'node:readline'
import { connectRealtime, defaultBrokerUrl, describeEvent, type Realtime } from '@maxclient/realtime'
import type { CommandContext } from '../context.js'

interface LiveOptions {
  broker?: string
}

/** Connects as the logged-in user; the broker URL comes from --broker, MAX_BROKER or the server URL. */
async function open(context: CommandContext, options: LiveOptions): Promise<Realtime> {
  const { target } = await context.session()
  const realtime = await connectRealtime({
    url: options.broker ?? context.io.env.MAX_BROKER ?? defaultBrokerUrl(target.server),
    username: target.username,
    token: target.token,
    rejectUnauthorized: !context.globals.insecure,
  })
  process.once('SIGINT', () => void realtime.close())
  realtime.on('error', (error) => context.note(`maxcli: ${error.message}`))
  return realtime
}

const line = (context: CommandContext, event: Parameters<typeof describeEvent>[0]) =>
  context.io.stdout.write(`${context.json ? JSON.stringify(event) : describeEvent(event)}\n`)

/** `maxcli watch`: prints live events until Ctrl-C, reconnecting by itself. */
export async function watch(context: CommandContext, options: LiveOptions): Promise<void> {
  const realtime = await open(context, options)
  context.note('Watching live events (Ctrl-C to stop).')
  for await (const event of realtime.events()) line(context, event)
}

/** `maxcli chat CONVERSATION`: sends stdin lines as messages and prints the conversation's events. */
export async function chat(
  context: CommandContext,
  conversationId: string,
  options: LiveOptions,
): Promise<void> {
  const realtime = await open(context, options)
  const input = createInterface({ input: context.io.stdin })
  input.on('line', (text) => {
    if (text.trim() !== '')
      realtime.send(conversationId, text).catch((error: Error) => context.note(`maxcli: ${error.message}`))
  })
  input.on('close', () => void realtime.close())
  for await (const event of realtime.events({ conversations: [conversationId] })) line(context, event)
}

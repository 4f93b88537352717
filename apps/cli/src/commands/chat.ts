import { createInterface } from 'node:readline'
import { runChat } from '@maxclient/realtime'
import type { CommandContext } from '../context.js'
import { type LiveOptions, openRealtime, printEvent } from './watch.js'

/** `maxcli chat CONVERSATION`: sends stdin lines as messages and prints the conversation's events. */
export async function chat(
  context: CommandContext,
  conversationId: string,
  options: LiveOptions,
): Promise<void> {
  const realtime = await openRealtime(context, options)
  try {
    await runChat(realtime, conversationId, createInterface({ input: context.io.stdin }), (event) =>
      printEvent(context, event),
    )
  } finally {
    await realtime.close()
  }
}

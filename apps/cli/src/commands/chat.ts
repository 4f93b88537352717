import { createInterface } from 'node:readline'
import { runChat } from '@maxclient/realtime'
import { arg, defineCommand } from '../define.js'
import { liveFlags, openRealtime, printEvent } from './watch.js'

/** `maxcli chat CONVERSATION`: sends stdin lines as messages and prints the conversation's events. */
export default defineCommand({
  summary: 'send stdin lines to a conversation, print its live events',
  args: { conversation: arg.required() },
  flags: liveFlags,
  examples: [
    'maxcli chat 65bb6f0e3a1c2d0012ab34cd',
    'echo "On my way" | maxcli chat 65bb6f0e3a1c2d0012ab34cd',
  ],
  async run(context, options) {
    const realtime = await openRealtime(context, options)
    try {
      await runChat(realtime, options.conversation, createInterface({ input: context.io.stdin }), (event) =>
        printEvent(context, event),
      )
    } finally {
      await realtime.close()
    }
  },
})

import type { Realtime } from './client.js'
import type { RealtimeEvent, ReconnectEvent } from './events.js'

/** Options of {@link runChat}. */
export interface ChatOptions {
  /** After the input ends, how long to wait for the sent messages to come back, in ms. Default 5000. */
  settle?: number
}

/**
 * A line-based chat on one conversation (what `maxcli chat` does): every non-blank line of
 * `lines` is sent as a message, every event of the conversation goes to `onEvent`. Resolves when
 * the input has ended and each sent message has come back from the broker (or `settle` ms passed).
 */
export async function runChat(
  realtime: Realtime,
  conversationId: string,
  lines: AsyncIterable<string>,
  onEvent: (event: RealtimeEvent | ReconnectEvent) => void,
  options: ChatOptions = {},
): Promise<void> {
  const sent = new Set<string>()
  const seen = new Set<string>()
  let settled: (() => void) | undefined
  const allBack = () => [...sent].every((uuid) => seen.has(uuid))
  const events = realtime.events({ conversations: [conversationId] })
  const printing = (async () => {
    for await (const event of events) {
      if (event.type === 'message' && event.uuid) seen.add(event.uuid)
      onEvent(event)
      if (settled && allBack()) settled()
    }
  })()
  try {
    for await (const line of lines)
      if (line.trim() !== '') sent.add((await realtime.send(conversationId, line)).uuid)
    if (!allBack())
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.settle ?? 5000)
        settled = () => {
          clearTimeout(timer)
          resolve()
        }
      })
  } finally {
    await events.return?.()
    await printing
  }
}

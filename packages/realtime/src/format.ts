import { UsageError } from '@maxclient/core'
import type { RealtimeEvent, ReconnectEvent } from './events.js'

/**
 * The broker URL MAX's newer widget uses for a MAX server: `http` becomes `ws` and `/ws` is
 * appended (`https://host/demo` gives `wss://host/demo/ws`).
 */
export function defaultBrokerUrl(maxServerUrl: string): string {
  let url: URL
  try {
    url = new URL(maxServerUrl)
  } catch {
    throw new UsageError(`The MAX server URL must be absolute, got ${JSON.stringify(maxServerUrl)}`)
  }
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:'
  url.pathname = `${url.pathname.replace(/\/$/, '')}/ws`
  url.search = ''
  return url.href
}

const who = (event: RealtimeEvent) => event.user.displayname || event.user.username || '?'

/** One human-readable line for an event (what `maxcli watch` prints on a terminal). */
export function describeEvent(event: RealtimeEvent | ReconnectEvent): string {
  switch (event.type) {
    case 'reconnect':
      return `-- reconnected after ${event.attempts + 1} attempt(s); events since ${event.since.toISOString()} came from REST`
    case 'message':
      return `[${event.conversationId}] ${who(event)}: ${event.text}${event.messageId ? '' : ' (not stored yet)'}`
    case 'ack':
      return `[${event.conversationId}] stored message ${event.messageId}`
    case 'conversation':
      return `[${event.conversationId}] conversation created${event.creator ? ` by ${event.creator}` : ` with ${who(event)}`}`
    case 'refresh':
      return `[${event.conversationId}] refresh requested`
    case 'activity':
      return `<${event.contextHash.slice(0, 8)}> ${who(event)} posted: ${event.text}`
    case 'comment':
      return `<${event.contextHash.slice(0, 8)}> ${who(event)} commented on ${event.activityId}: ${event.text}`
    default:
      return `(${event.exchange} ${event.routingKey}) ${JSON.stringify(event.envelope)}`
  }
}

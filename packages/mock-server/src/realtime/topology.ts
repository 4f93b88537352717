/** MAX's broker names (maxcarrot's topology), with an optional prefix on the global ones. */
export function topologyNames(prefix = '') {
  return {
    conversations: `${prefix}conversations`,
    activity: `${prefix}activity`,
    twitter: `${prefix}twitter`,
    syncacl: `${prefix}syncacl`,
    queues: {
      messages: `${prefix}messages`,
      push: `${prefix}push`,
      twitter: `${prefix}twitter`,
      syncacl: `${prefix}syncacl`,
    },
  }
}
export type TopologyNames = ReturnType<typeof topologyNames>

/** The envelope letters MAX uses when it publishes (maxcarrot's table). */
export const LETTERS = {
  add: 'a',
  message: 'm',
  conversation: 'c',
  activity: 'a',
  comment: 'a',
  max: 'm',
} as const

/** Messages kept in a global queue nobody consumes on a development broker (MAX sets no limit). */
export const QUEUE_LIMIT = 1000

/** A URL without its credentials, for printing. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`
  } catch {
    return '(invalid URL)'
  }
}

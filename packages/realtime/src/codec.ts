/**
 * MAX's message envelope (maxcarrot's format): one-letter keys and one-letter codes on the wire,
 * long names in memory. Unlike maxcarrot and the widgets, unknown keys and codes are kept, not
 * dropped, so a newer publisher's fields still reach the caller.
 */

/** Known `action` values and their wire letters. */
export const ACTION_CODES = { add: 'a', delete: 'd', modify: 'm', refresh: 'r', ack: 'k' } as const
/** Known `object` values and their wire letters (comment shares `a` with activity, as in maxcarrot). */
export const OBJECT_CODES = {
  message: 'm',
  conversation: 'c',
  tweet: 't',
  activity: 'a',
  context: 'x',
  comment: 'a',
} as const
/** Known `source` values and their wire letters. */
export const SOURCE_CODES = {
  max: 'm',
  widget: 'w',
  ios: 'i',
  android: 'a',
  tweety: 't',
  maxbunny: 'b',
  hub: 'h',
} as const

export type EnvelopeAction = keyof typeof ACTION_CODES
export type EnvelopeObject = keyof typeof OBJECT_CODES
export type EnvelopeSource = keyof typeof SOURCE_CODES

/** Who caused an event. Inner keys other than these two pass through unchanged. */
export interface EnvelopeUser {
  username?: string
  displayname?: string
  [key: string]: unknown
}

/**
 * A MAX message in long form. `action`, `object` and `source` hold a known name, or the raw
 * letter when the letter is not in the table (passed through, never dropped).
 */
export interface Envelope {
  action?: EnvelopeAction | (string & {})
  object?: EnvelopeObject | (string & {})
  source?: EnvelopeSource | (string & {})
  data?: Record<string, unknown>
  user?: EnvelopeUser
  uuid?: string
  published?: string
  domain?: string
  version?: unknown
  destination?: string
  [key: string]: unknown
}

const TOP_KEYS: Record<string, string> = {
  g: 'uuid',
  u: 'user',
  a: 'action',
  o: 'object',
  d: 'data',
  s: 'source',
  i: 'domain',
  v: 'version',
  p: 'published',
  t: 'destination',
}
const TOP_LETTERS = Object.fromEntries(Object.entries(TOP_KEYS).map(([k, v]) => [v, k])) as Record<
  string,
  string
>
const USER_KEYS: Record<string, string> = { u: 'username', d: 'displayname' }
const USER_LETTERS: Record<string, string> = { username: 'u', displayname: 'd' }

const invert = (table: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(table).map(([name, letter]) => [letter, name]))
const ACTION_NAMES = invert(ACTION_CODES)
const SOURCE_NAMES = invert(SOURCE_CODES)

const own = (table: Record<string, string>, key: string): string | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A null-prototype copy target: keys from the wire can never reach `Object.prototype`. */
const bag = (): Record<string, unknown> => Object.create(null) as Record<string, unknown>

function decodeObject(letter: unknown, data: unknown, source: unknown): unknown {
  if (typeof letter !== 'string') return letter
  const hasData = (key: string) => isRecord(data) && Object.hasOwn(data, key)
  // 'a' is activity or comment (maxcarrot's collision); 't' is tweet or an older encoder's comment.
  if (letter === 'a') return hasData('commentid') ? 'comment' : 'activity'
  if (letter === 't') return source === 't' || hasData('stid') || hasData('author') ? 'tweet' : 'comment'
  return own(invert(OBJECT_CODES), letter) ?? letter
}

function mapUser(user: unknown, table: Record<string, string>): unknown {
  if (!isRecord(user)) return user
  const out = bag()
  for (const [key, value] of Object.entries(user)) out[own(table, key) ?? key] = value
  return { ...out }
}

/** Unpacks a wire message (one-letter keys) into its long form. Unknown keys and codes are kept. */
export function unpack(packed: Record<string, unknown>): Envelope {
  const out = bag()
  for (const [key, value] of Object.entries(packed)) {
    const name = own(TOP_KEYS, key) ?? key
    if (name === 'action')
      out.action = typeof value === 'string' ? (own(ACTION_NAMES, value) ?? value) : value
    else if (name === 'source')
      out.source = typeof value === 'string' ? (own(SOURCE_NAMES, value) ?? value) : value
    else if (name === 'object') out.object = decodeObject(value, packed.d, packed.s)
    else if (name === 'user') out.user = mapUser(value, USER_KEYS)
    else out[name] = value
  }
  return { ...out } as Envelope
}

/** Packs a long-form message for the wire. Known names become letters; anything else is kept as is. */
export function pack(envelope: Envelope): Record<string, unknown> {
  const out = bag()
  for (const [key, value] of Object.entries(envelope)) {
    if (value === undefined) continue
    const letter = own(TOP_LETTERS, key) ?? key
    if (key === 'action')
      out[letter] = typeof value === 'string' ? (own(ACTION_CODES, value) ?? value) : value
    else if (key === 'object')
      out[letter] = typeof value === 'string' ? (own(OBJECT_CODES, value) ?? value) : value
    else if (key === 'source')
      out[letter] = typeof value === 'string' ? (own(SOURCE_CODES, value) ?? value) : value
    else if (key === 'user') out[letter] = mapUser(value, USER_LETTERS)
    else out[letter] = value
  }
  return { ...out }
}

/** Parses a message body (JSON text) and unpacks it; `undefined` when it is not a JSON object. */
export function decodeBody(body: string): Envelope | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return undefined
  }
  return isRecord(parsed) ? unpack(parsed) : undefined
}

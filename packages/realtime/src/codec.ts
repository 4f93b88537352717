/**
 * MAX's message envelope (maxcarrot's format): one-letter keys and one-letter codes on the wire,
 * long names in memory. Unlike maxcarrot and the widgets, unknown keys and codes are kept, not
 * dropped, so a newer publisher's fields still reach the caller.
 */

import { isPlainObject } from '@maxclient/core'

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

/** An `action` name the codec knows (a key of {@link ACTION_CODES}). */
export type EnvelopeAction = keyof typeof ACTION_CODES
/** An `object` name the codec knows (a key of {@link OBJECT_CODES}). */
export type EnvelopeObject = keyof typeof OBJECT_CODES
/** A `source` name the codec knows (a key of {@link SOURCE_CODES}). */
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

const TOP_KEYS = new Map([
  ['g', 'uuid'],
  ['u', 'user'],
  ['a', 'action'],
  ['o', 'object'],
  ['d', 'data'],
  ['s', 'source'],
  ['i', 'domain'],
  ['v', 'version'],
  ['p', 'published'],
  ['t', 'destination'],
])
const TOP_LETTERS = new Map([...TOP_KEYS].map(([letter, name]) => [name, letter]))
const USER_KEYS = new Map([
  ['u', 'username'],
  ['d', 'displayname'],
])
const USER_LETTERS = new Map([
  ['username', 'u'],
  ['displayname', 'd'],
])
const table = (codes: Record<string, string>) => new Map(Object.entries(codes))
const names = (codes: Record<string, string>) =>
  new Map(Object.entries(codes).map(([name, letter]) => [letter, name]))
const ACTION_LETTERS = table(ACTION_CODES)
const OBJECT_LETTERS = table(OBJECT_CODES)
const SOURCE_LETTERS = table(SOURCE_CODES)
const ACTION_NAMES = names(ACTION_CODES)
const OBJECT_NAMES = names(OBJECT_CODES)
const SOURCE_NAMES = names(SOURCE_CODES)

/** Sets a key read from the wire: `__proto__` becomes an own property, never the prototype. */
function put(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
  else target[key] = value
}

const code = (value: unknown, lookup: Map<string, string>): unknown =>
  typeof value === 'string' ? (lookup.get(value) ?? value) : value

function decodeObject(letter: unknown, data: unknown, source: unknown): unknown {
  if (typeof letter !== 'string') return letter
  const hasData = (key: string) => isPlainObject(data) && Object.hasOwn(data, key)
  // 'a' is activity or comment (maxcarrot's collision); 't' is tweet or an older encoder's comment.
  if (letter === 'a') return hasData('commentid') ? 'comment' : 'activity'
  if (letter === 't') return source === 't' || hasData('stid') || hasData('author') ? 'tweet' : 'comment'
  return OBJECT_NAMES.get(letter) ?? letter
}

function mapUser(user: unknown, lookup: Map<string, string>): unknown {
  if (!isPlainObject(user)) return user
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(user)) put(out, lookup.get(key) ?? key, user[key])
  return out
}

/** Unpacks a wire message (one-letter keys) into its long form. Unknown keys and codes are kept. */
export function unpack(packed: Record<string, unknown>): Envelope {
  const out: Envelope = {}
  for (const key of Object.keys(packed)) {
    const value = packed[key]
    switch (key) {
      case 'a':
        out.action = code(value, ACTION_NAMES) as string
        break
      case 's':
        out.source = code(value, SOURCE_NAMES) as string
        break
      case 'o':
        out.object = decodeObject(value, packed.d, packed.s) as string
        break
      case 'u':
        out.user = mapUser(value, USER_KEYS) as EnvelopeUser
        break
      default:
        put(out, TOP_KEYS.get(key) ?? key, value)
    }
  }
  return out
}

/** Packs a long-form message for the wire. Known names become letters; anything else is kept as is. */
export function pack(envelope: Envelope): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(envelope)) {
    const value = envelope[key]
    if (value === undefined) continue
    const letter = TOP_LETTERS.get(key) ?? key
    if (key === 'action') out[letter] = code(value, ACTION_LETTERS)
    else if (key === 'object') out[letter] = code(value, OBJECT_LETTERS)
    else if (key === 'source') out[letter] = code(value, SOURCE_LETTERS)
    else if (key === 'user') out[letter] = mapUser(value, USER_LETTERS)
    else put(out, letter, value)
  }
  return out
}

/** Parses a message body (JSON text) and unpacks it; `undefined` when it is not a JSON object. */
export function decodeBody(body: string): Envelope | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return undefined
  }
  return isPlainObject(parsed) ? unpack(parsed) : undefined
}

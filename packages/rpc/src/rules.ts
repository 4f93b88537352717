import type { MaxCore } from '@maxclient/core'
import {
  CONTEXT_PERMISSIONS,
  contextHash,
  DEVICE_PLATFORMS,
  IMAGE_SIZES,
  SECURITY_ROLES,
} from '@maxclient/resources'
import { fields, flag, oneOf, optionalCount, text, textList } from './arguments.js'
import { userOrActor } from './call.js'

/** The parts of a call the positional arguments fill. */
export interface Draft {
  params: Record<string, string>
  qs: Record<string, unknown> | undefined
  body: Record<string, unknown> | undefined
  data: unknown
}

/** How the table reads one positional argument and what it feeds. */
export interface Rule {
  /** The route parameter it fills, if any. */
  readonly param?: string
  /** Its TypeScript type, for the generated method signatures. */
  readonly type: string
  /** Checks `value` (named `name` in messages of `method`) and puts it in the draft. */
  readonly feed: (
    draft: Draft,
    method: string,
    name: string,
    value: unknown,
    client: MaxCore,
    optional: boolean,
  ) => void
}

type Read = (method: string, name: string, value: unknown) => string

const param = (name: string, type = 'string', read: Read = text): Rule => ({
  param: name,
  type,
  feed: (draft, method, arg, value) => {
    draft.params[name] = read(method, arg, value)
  },
})

const among =
  (allowed: readonly string[]): Read =>
  (method, name, value) =>
    oneOf(method, name, value, allowed)

const union = (values: readonly string[]) => values.map((value) => `'${value}'`).join(' | ')

const query = (key: string, type: string, read: (method: string, value: unknown) => unknown): Rule => ({
  type,
  feed: (draft, method, _name, value) => {
    const read_ = read(method, value)
    if (read_ === undefined) return
    // The caller's own query (options.qs) is merged with it, so it must be an object.
    if (draft.qs !== undefined) fields(method, 'options.qs', draft.qs)
    draft.qs = { ...draft.qs, [key]: read_ }
  },
})

const body = (type: string): Rule => ({
  type,
  feed: (draft, method, name, value) => {
    draft.body = fields(method, name, value)
  },
})

/**
 * The rules by name. A table argument `name` uses the rule of its name; `name:rule` another one.
 * Route parameters are percent-encoded (and context URLs hashed) by resources.
 */
export const RULES: Record<string, Rule> = {
  username: {
    param: 'username',
    type: 'string',
    // An optional one left out is the actor.
    feed: (draft, method, name, value, client, optional) => {
      draft.params.username = optional ? userOrActor(client, method, value) : text(method, name, value)
    },
  },
  activity: param('activity'),
  comment: param('comment'),
  id: param('id'),
  conversationId: param('id'),
  token: param('token'),
  hash: param('hash'),
  tag: param('tag'),
  user: param('user'),
  size: param('size'),
  url: param('hash'),
  context: param('hash'),
  platform: param('platform', union(DEVICE_PLATFORMS), among(DEVICE_PLATFORMS)),
  role: param('role', union(SECURITY_ROLES), among(SECURITY_ROLES)),
  image: param('size', union(IMAGE_SIZES), among(IMAGE_SIZES)),
  permission: param('permission', 'ContextPermission', among(CONTEXT_PERMISSIONS)),
  /** A context URL or hash filtering a list: `?context=<hash>`. */
  inContext: query('context', 'string', (method, value) =>
    value === undefined ? undefined : contextHash(text(method, 'context', value)),
  ),
  limit: query('limit', 'number', (method, value) => optionalCount(method, 'limit', value)),
  byCategory: query('by_category', 'boolean', (method, value) =>
    flag(method, 'byCategory', value) ? '1' : undefined,
  ),
  /** The person a subscription, participant or owner change is about: `{ actor: { objectType, username } }`. */
  actor: {
    type: 'string',
    feed: (draft, method, name, value, client, optional) => {
      const username = optional ? userOrActor(client, method, value) : text(method, name, value)
      draft.body = { actor: { objectType: 'person', username } }
    },
  },
  properties: body('Record<string, unknown>'),
  profile: body('UserProperties'),
  conversation: body('ConversationProperties'),
  /** `true` answers the count instead: the builder calls the method's `count*` twin. */
  count: { type: 'boolean', feed: () => {} },
  tags: {
    type: 'readonly string[]',
    feed: (draft, method, name, value) => {
      draft.data = [...textList(method, name, value)]
    },
  },
  /** Kept for the Python signature: MAX only subscribes to contexts. */
  otype: {
    type: 'string',
    feed: (_draft, method, name, value) => {
      oneOf(method, name, value ?? 'context', ['context'])
    },
  },
}

// JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the response models in models.ts. Each object
// schema is written through `object<T>()`, whose type demands exactly the interface's keys, with
// `optional()` on exactly its optional ones: a model change that is not mirrored here fails to compile.

import type * as M from './models.js'
import type { ModelName } from './spec.js'
import { CONTEXT_PERMISSIONS, DEVICE_PLATFORMS, PERMISSION_POLICIES } from './vocabulary.js'

/** A JSON Schema object (the subset the MAX models need). */
export interface JsonSchema {
  readonly type?: string | readonly string[]
  readonly description?: string
  readonly format?: string
  readonly enum?: readonly unknown[]
  readonly const?: unknown
  readonly items?: JsonSchema
  readonly maxItems?: number
  readonly anyOf?: readonly JsonSchema[]
  readonly not?: JsonSchema
  readonly minimum?: number
  readonly maximum?: number
  readonly pattern?: string
  readonly default?: unknown
  readonly examples?: readonly unknown[]
  readonly properties?: Readonly<Record<string, JsonSchema>>
  readonly required?: readonly string[]
  readonly additionalProperties?: boolean | JsonSchema
  readonly $ref?: string
  readonly contentMediaType?: string
}

declare const OPTIONAL: unique symbol
/** A property schema marked optional (see `optional`). */
interface Optional {
  readonly [OPTIONAL]: JsonSchema
}
type Plain = JsonSchema & { readonly [OPTIONAL]?: never }

type KnownKeys<T> = keyof { [K in keyof T as string extends K ? never : K]: T[K] } & string
type OptionalKeys<T> = { [K in KnownKeys<T>]-?: {} extends Pick<T, K> ? K : never }[KnownKeys<T>]
type RequiredKeys<T> = Exclude<KnownKeys<T>, OptionalKeys<T>>
type Properties<T> = { readonly [K in RequiredKeys<T>]: Plain } & {
  readonly [K in OptionalKeys<T>]: Optional
}

const optionalMarks = new WeakSet<object>()
/** Marks a property the model declares optional. */
export const optional = (schema: JsonSchema): Optional => {
  const wrapper = { schema }
  optionalMarks.add(wrapper)
  return wrapper as unknown as Optional
}

/** The schema of interface T: every property listed, `required` exactly its non-optional ones. */
export const object =
  <T>() =>
  (description: string, properties: Properties<T>, extra: JsonSchema = {}): JsonSchema => {
    const props: Record<string, JsonSchema> = {}
    const required: string[] = []
    for (const [name, value] of Object.entries(properties as Record<string, object>)) {
      if (optionalMarks.has(value)) props[name] = (value as { schema: JsonSchema }).schema
      else {
        props[name] = value as JsonSchema
        required.push(name)
      }
    }
    return { type: 'object', description, properties: props, required, ...extra }
  }

const str: Plain = { type: 'string' }
const date: Plain = { type: 'string', format: 'date-time' }
const bool: Plain = { type: 'boolean' }
const int: Plain = { type: 'integer', format: 'int32' }
const nullableString: Plain = { type: ['string', 'null'] }
const boolOrString: Plain = { type: ['boolean', 'string'] }
const ref = (name: string): Plain => ({ $ref: `#/components/schemas/${name}` })
const array = (items: JsonSchema): Plain => ({ type: 'array', items })
const strings = array(str)
const anything: Plain = {}
const permissionNames = array({ type: 'string', enum: CONTEXT_PERMISSIONS })
const permissionPolicies: Plain = {
  type: 'object',
  description: 'Policy of each context permission',
  properties: Object.fromEntries(
    CONTEXT_PERMISSIONS.map((name) => [name, { type: 'string', enum: PERMISSION_POLICIES }]),
  ),
  additionalProperties: false,
}
const platform: Plain = { type: 'string', description: `One of ${DEVICE_PLATFORMS.join(', ')}` }
const infoApiMethod = ref('InfoApiMethod')

/** Component schemas, named as the model interfaces are. */
export const componentSchemas: Readonly<Record<string, JsonSchema>> = {
  Actor: object<M.Actor>()('Who did something: a short person (or context) reference', {
    username: str,
    displayName: str,
    objectType: str,
    url: optional(str),
    hash: optional(str),
  }),
  Person: object<M.Person>()(
    'A user profile, as its owner or a Manager sees it; others get only the public fields',
    {
      id: optional(str),
      username: str,
      displayName: str,
      objectType: { const: 'person' },
      published: date,
      last_login: optional(date),
      following: optional(array(ref('Actor'))),
      subscribedTo: optional(array(ref('Subscription'))),
      unsubscribedToPush: optional(array(anything)),
      talkingIn: optional(array({ type: 'object', required: ['id'], properties: { id: str } })),
      twitterUsername: optional(str),
      creator: optional(str),
      owner: optional(str),
      iosDevices: optional(strings),
      androidDevices: optional(strings),
    },
  ),
  PersonSummary: object<M.PersonSummary>()('An entry of the people search', {
    id: str,
    username: str,
    displayName: str,
    objectType: { const: 'person' },
    twitterUsername: optional(str),
  }),
  Context: object<M.Context>()('A shared space, identified by the SHA-1 hash of its URL', {
    id: str,
    hash: str,
    url: { type: 'string', format: 'uri' },
    displayName: str,
    objectType: { const: 'context' },
    tags: strings,
    notifications: boolOrString,
    published: optional(date),
    creator: optional(str),
    owner: optional(str),
    permissions: permissionPolicies,
    twitterHashtag: optional(str),
    twitterUsername: optional(str),
    twitterUsernameId: optional(str),
    uploadURL: optional(str),
  }),
  Subscription: object<M.Subscription>()('A context as listed in a user’s subscriptions', {
    hash: str,
    url: str,
    displayName: str,
    objectType: { const: 'context' },
    tags: strings,
    notifications: boolOrString,
    permissions: permissionNames,
    _grants: optional(permissionNames),
    _vetos: optional(permissionNames),
  }),
  ContextSubscriber: object<M.ContextSubscriber>()('A subscriber of a context', {
    username: str,
    hash: str,
    permissions: permissionNames,
    vetos: permissionNames,
    grants: permissionNames,
  }),
  ActivityObject: object<M.ActivityObject>()('The object of an activity or message', {
    objectType: str,
    content: optional(str),
    url: optional(str),
    keywords: optional(strings),
    inReplyTo: optional(
      array({ type: 'object', required: ['id'], properties: { id: str, objectType: str } }),
    ),
    mimetype: optional(str),
    filename: optional(str),
    fullURL: optional(str),
    thumbURL: optional(str),
    likes: optional(array(ref('Actor'))),
    likesCount: optional(int),
    liked: optional(bool),
    favorites: optional(array(ref('Actor'))),
    favoritesCount: optional(int),
    favorited: optional(bool),
  }),
  ActivityContext: object<M.ActivityContext>()('A context reference inside an activity', {
    objectType: { const: 'context' },
    hash: str,
    url: str,
    displayName: str,
    tags: optional(strings),
    notifications: optional(boolOrString),
  }),
  Activity: object<M.Activity>()('A post, comment, like, subscription... in a timeline or context', {
    id: str,
    objectType: { const: 'activity' },
    verb: str,
    actor: ref('Actor'),
    object: ref('ActivityObject'),
    published: date,
    contexts: optional(array(ref('ActivityContext'))),
    generator: nullableString,
    replies: array(ref('Comment')),
    likes: array(ref('Actor')),
    likesCount: int,
    liked: optional(bool),
    favorites: array(ref('Actor')),
    favoritesCount: int,
    favorited: optional(bool),
    lastComment: optional(str),
    lastLike: optional(str),
    flagged: optional(date),
    keywords: optional(strings),
    deletable: optional(bool),
    creator: optional(str),
    owner: optional(str),
  }),
  Comment: object<M.Comment>()('A comment, as listed under an activity', {
    id: str,
    objectType: { const: 'comment' },
    actor: ref('Actor'),
    content: str,
    published: date,
    deletable: optional(bool),
  }),
  Conversation: object<M.Conversation>()('A private context between participants', {
    id: str,
    objectType: { const: 'conversation' },
    displayName: str,
    participants: array(ref('Actor')),
    tags: strings,
    messages: int,
    lastMessage: optional({
      type: 'object',
      required: ['content', 'published'],
      properties: { content: str, published: date, objectType: str, actor: str, fullURL: str, thumbURL: str },
    }),
    published: date,
    creator: optional(str),
    owner: optional(str),
    permissions: permissionPolicies,
  }),
  Message: object<M.Message>()('A message of a conversation', {
    id: str,
    objectType: { const: 'message' },
    verb: str,
    actor: ref('Actor'),
    object: ref('ActivityObject'),
    contexts: array({
      type: 'object',
      required: ['id', 'displayName', 'objectType'],
      properties: { id: str, displayName: str, objectType: { const: 'conversation' }, tags: strings },
    }),
    published: date,
    generator: nullableString,
    replies: array(anything),
    keywords: optional(strings),
    creator: optional(str),
    owner: optional(str),
  }),
  DeviceToken: object<M.DeviceToken>()('A push device token', {
    id: str,
    objectType: { const: 'token' },
    token: str,
    platform,
    device: nullableString,
    published: date,
    creator: optional(str),
    owner: optional(str),
  }),
  DeviceTokenListItem: object<M.DeviceTokenListItem>()('A push device token as listed', {
    token: str,
    platform,
    username: str,
  }),
  SecurityRoles: object<M.SecurityRoles>()('The global roles and who holds them', {
    id: str,
    roles: { type: 'object', additionalProperties: strings },
  }),
  UserRoles: object<M.UserRoles>()('Global roles of one user', { roles: strings }),
  UserRoleEntry: object<M.UserRoleEntry>()('One user with the global roles known to the server', {
    username: str,
    roles: array({ type: 'object', required: ['name', 'active'], properties: { name: str, active: bool } }),
  }),
  ServerInfo: object<M.ServerInfo>()(
    'Public server info; each max.* key is present only when configured',
    {
      'max.oauth_server': optional({ type: 'string', format: 'uri' }),
      'max.stomp_server': optional(str),
      'max.server_id': optional(str),
      version: optional(str),
    },
    { additionalProperties: true },
  ),
  InfoApiMethod: object<M.InfoApiMethod>()('One method in a GET /info/api document', {
    description: str,
    documentation: str,
    payload: anything,
    rest_params: array(anything),
    query_params: array(anything),
    permission: str,
    modifiers: array(anything),
  }),
  InfoApiRoute: object<M.InfoApiRoute>()('One route in a GET /info/api document', {
    route: str,
    id: str,
    name: nullableString,
    filesystem: bool,
    url: str,
    category: str,
    methods: { type: 'object', additionalProperties: infoApiMethod },
  }),
  InfoApiCategory: object<M.InfoApiCategory>()('One category of GET /info/api?by_category=1', {
    name: str,
    id: str,
    resources: array({
      type: 'object',
      required: ['route_id', 'filesystem', 'route_name', 'route_url', 'methods'],
      properties: {
        route_id: str,
        filesystem: bool,
        route_name: nullableString,
        route_url: str,
        methods: { type: 'object', additionalProperties: infoApiMethod },
      },
    }),
  }),
  ExceptionSummary: object<M.ExceptionSummary>()('A logged server exception, as listed', {
    id: str,
    date: str,
  }),
  ExceptionDetail: object<M.ExceptionDetail>()('A logged server exception with its details', {
    date: str,
    request: str,
    traceback: str,
  }),
  Error: {
    type: 'object',
    description: 'What MAX answers for a failed request',
    required: ['objectType', 'error', 'error_description'],
    properties: {
      objectType: { const: 'error' },
      error: { type: 'string', description: 'Error name, e.g. ObjectNotFound, Forbidden, Unauthorized' },
      error_description: str,
    },
  },
}

/**
 * The body schema of each model name; `undefined` where the answer has no JSON body (`empty`,
 * `binary`). A `Record` over `ModelName`, so a new model cannot be forgotten here.
 */
export const modelSchemas: Readonly<Record<ModelName, JsonSchema | undefined>> = {
  person: ref('Person'),
  personSummary: ref('PersonSummary'),
  actor: ref('Actor'),
  avatarUpdated: object<M.ModelMap['avatarUpdated']>()('The URL of the new avatar', { Image: str }),
  context: ref('Context'),
  subscription: ref('Subscription'),
  contextSubscriber: ref('ContextSubscriber'),
  username: str,
  usernameEntry: object<M.ModelMap['usernameEntry']>()('A username', { username: str }),
  activity: ref('Activity'),
  comment: ref('Comment'),
  conversation: ref('Conversation'),
  message: ref('Message'),
  token: ref('DeviceToken'),
  tokenListItem: ref('DeviceTokenListItem'),
  tag: str,
  security: ref('SecurityRoles'),
  userRoles: ref('UserRoles'),
  userRoleList: ref('UserRoleEntry'),
  info: ref('ServerInfo'),
  settings: { type: 'object', additionalProperties: true },
  apiDescription: {
    anyOf: [{ type: 'object', additionalProperties: ref('InfoApiRoute') }, array(ref('InfoApiCategory'))],
  },
  exceptionSummary: ref('ExceptionSummary'),
  exception: ref('ExceptionDetail'),
  binary: undefined,
  empty: undefined,
  none: { not: {} },
}

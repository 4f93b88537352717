// Response models of MAX 5.3, written from the server's documented examples and schemas.
// Fields the server adds only in some views or states are optional. Dates are RFC 3339 strings.

import type { ContextPermission, PermissionPolicy } from './vocabulary.js'

/** Who did something: a short person (or context) reference. */
export interface Actor {
  username: string
  displayName: string
  objectType: 'person' | 'context' | (string & {})
  /** Set when a context posts as itself. */
  url?: string
  hash?: string
}

/** A user profile, as its owner or a Manager sees it; others get only the public fields. */
export interface Person {
  id?: string
  username: string
  displayName: string
  objectType: 'person'
  published: string
  last_login?: string
  following?: Actor[]
  subscribedTo?: Subscription[]
  unsubscribedToPush?: unknown[]
  talkingIn?: Array<{ id: string; displayName?: string; objectType?: string; lastMessage?: unknown }>
  twitterUsername?: string
  creator?: string
  owner?: string
  /** Legacy fields older servers still answer; tokens now live under /tokens. */
  iosDevices?: string[]
  androidDevices?: string[]
}

/** An entry of the people search (`GET /people`). */
export interface PersonSummary {
  id: string
  username: string
  displayName: string
  objectType: 'person'
  twitterUsername?: string
}

/** A context: a shared space activities are posted to, identified by the SHA-1 hash of its URL. */
export interface Context {
  id: string
  hash: string
  url: string
  displayName: string
  objectType: 'context'
  tags: string[]
  notifications: boolean | string
  published?: string
  creator?: string
  owner?: string
  permissions: Partial<Record<ContextPermission, PermissionPolicy>>
  twitterHashtag?: string
  twitterUsername?: string
  twitterUsernameId?: string
  uploadURL?: string
}

/** A context as listed in a user's subscriptions, with the permissions granted to that user. */
export interface Subscription {
  hash: string
  url: string
  displayName: string
  objectType: 'context'
  tags: string[]
  notifications: boolean | string
  permissions: ContextPermission[]
  _grants?: ContextPermission[]
  _vetos?: ContextPermission[]
}

/** A subscriber of a context (`GET /contexts/{hash}/subscriptions`). */
export interface ContextSubscriber {
  username: string
  hash: string
  permissions: ContextPermission[]
  vetos: ContextPermission[]
  grants: ContextPermission[]
}

/** The object of an activity or message. */
export interface ActivityObject {
  objectType: 'note' | 'image' | 'file' | 'comment' | 'context' | 'conversation' | (string & {})
  content?: string
  url?: string
  keywords?: string[]
  inReplyTo?: Array<{ id: string; objectType: string; contexts: unknown[] }>
  mimetype?: string
  filename?: string
  fullURL?: string
  thumbURL?: string
  likes?: Actor[]
  likesCount?: number
  liked?: boolean
  favorites?: Actor[]
  favoritesCount?: number
  favorited?: boolean
}

/** A context reference inside an activity. */
export interface ActivityContext {
  objectType: 'context'
  hash: string
  url: string
  displayName: string
  tags?: string[]
  notifications?: boolean | string
}

/** An activity: a post, comment, like, subscription... in a timeline or context. */
export interface Activity {
  id: string
  objectType: 'activity'
  verb: 'post' | 'comment' | 'like' | 'favorite' | 'unfavorite' | 'subscribe' | 'flag' | (string & {})
  actor: Actor
  object: ActivityObject
  published: string
  contexts?: ActivityContext[]
  generator: string | null
  replies: Comment[]
  likes: Actor[]
  likesCount: number
  liked?: boolean
  favorites: Actor[]
  favoritesCount: number
  favorited?: boolean
  lastComment?: string
  lastLike?: string
  flagged?: string
  keywords?: string[]
  deletable?: boolean
  creator?: string
  owner?: string
}

/** A comment, as listed under an activity. */
export interface Comment {
  id: string
  objectType: 'comment'
  actor: Actor
  content: string
  published: string
  deletable?: boolean
}

/** A conversation: a private context between participants. */
export interface Conversation {
  id: string
  objectType: 'conversation'
  displayName: string
  participants: Actor[]
  tags: string[]
  messages: number
  lastMessage?: {
    content: string
    published: string
    objectType?: string
    actor?: string
    fullURL?: string
    thumbURL?: string
  }
  published: string
  creator?: string
  owner?: string
  permissions: Partial<Record<ContextPermission, PermissionPolicy>>
}

/** A message of a conversation. */
export interface Message {
  id: string
  objectType: 'message'
  verb: 'post' | (string & {})
  actor: Actor
  object: ActivityObject
  contexts: Array<{ id: string; displayName: string; objectType: 'conversation'; tags?: string[] }>
  published: string
  generator: string | null
  replies: unknown[]
  keywords?: string[]
  creator?: string
  owner?: string
}

/** A push device token as created by `POST /tokens`. */
export interface DeviceToken {
  id: string
  objectType: 'token'
  token: string
  platform: 'ios' | 'android' | (string & {})
  device: string | null
  published: string
  creator?: string
  owner?: string
}

/** A push device token as listed per user, context or conversation. */
export interface DeviceTokenListItem {
  token: string
  platform: 'ios' | 'android' | (string & {})
  username: string
}

/** The global roles and who holds them (`GET /admin/security`). */
export interface SecurityRoles {
  id: string
  roles: Partial<Record<'Manager' | 'NonVisible' | (string & {}), string[]>>
}

/** Global roles of one user (`GET /admin/security/roles/{role}/users/{user}`). */
export interface UserRoles {
  roles: string[]
}

/** One user with the global roles known to the server (`GET /admin/security/users`). */
export interface UserRoleEntry {
  username: string
  roles: Array<{ name: string; active: boolean }>
}

/** Public server info (`GET /info`); each `max.*` key is present only when configured. */
export interface ServerInfo {
  'max.oauth_server'?: string
  'max.stomp_server'?: string
  'max.server_id'?: string
  version?: string
  [key: string]: unknown
}

/** One method in a `GET /info/api` document. */
export interface InfoApiMethod {
  description: string
  documentation: string
  payload: unknown
  rest_params: unknown[]
  query_params: unknown[]
  permission: string
  modifiers: unknown[]
}

/** One route in a `GET /info/api` document. */
export interface InfoApiRoute {
  route: string
  id: string
  name: string | null
  filesystem: boolean
  url: string
  category: string
  methods: Record<string, InfoApiMethod>
}

/** `GET /info/api`: every route the server registers, keyed by route id. */
export type InfoApiDocument = Record<string, InfoApiRoute>

/** One category of `GET /info/api?by_category=1`. */
export interface InfoApiCategory {
  name: string
  id: string
  resources: Array<{
    route_id: string
    filesystem: boolean
    route_name: string | null
    route_url: string
    methods: Record<string, InfoApiMethod>
  }>
}

/** A logged server exception, as listed. */
export interface ExceptionSummary {
  id: string
  date: string
}

/** A logged server exception with its details. */
export interface ExceptionDetail {
  date: string
  request: string
  traceback: string
}

/** Response type of each {@link ModelName}. */
export interface ModelMap {
  person: Person
  personSummary: PersonSummary
  actor: Actor
  avatarUpdated: { Image: string }
  context: Context
  subscription: Subscription
  contextSubscriber: ContextSubscriber
  username: string
  usernameEntry: { username: string }
  activity: Activity
  comment: Comment
  conversation: Conversation
  message: Message
  token: DeviceToken
  tokenListItem: DeviceTokenListItem
  tag: string
  security: SecurityRoles
  userRoles: UserRoles
  userRoleList: UserRoleEntry
  info: ServerInfo
  settings: Record<string, unknown>
  apiDescription: InfoApiDocument
  exceptionSummary: ExceptionSummary
  exception: ExceptionDetail
  /** Downloads: the bytes or text core hands back for a non-JSON answer. */
  binary: unknown
  /** A body-less success (204). */
  empty: null
  /** Never an element: lists typed with it are always empty. */
  none: never
}

import type { MaxClientOptions } from '@maxclient/core'
import type { DefaultsTable, CallOptions as SharedCallOptions, UploadInput } from '@maxclient/resources'

/** Options of {@link RpcClient}: those of every MAX client, plus body defaults. */
export interface RpcClientOptions extends MaxClientOptions {
  /**
   * Per-client default bodies keyed by `'METHOD /pattern'` (e.g. `'POST /contexts'`), used instead
   * of the built-in defaults of that route method. Caller fields are merged over them.
   */
  defaults?: DefaultsTable
}

/** The error body MAX answers with on failure (`objectType: 'error'`). */
export interface RpcErrorContent {
  /** MAX error name, e.g. `ObjectNotFound`; `HTTPError` when the server sent no JSON error. */
  error: string
  /** Human readable text; the raw response text when the server sent no JSON error. */
  error_description: string
  [key: string]: unknown
}

/** A successful call: any 2xx status. */
export type RpcSuccess<T> = [ok: true, status: number, content: T]

/** A call the server refused: the status and the MAX error body. */
export type RpcFailure = [ok: false, status: number, content: RpcErrorContent]

/**
 * What every RPC method resolves to: `[ok, status, content]`. `ok` is true for any 2xx; `content`
 * is the parsed answer (or the count of a count method, or `null` when the answer has no body).
 * Narrow on `ok` to get the typed content.
 */
export type RpcResult<T> = RpcSuccess<T> | RpcFailure

/**
 * Per-call options, accepted as the last argument of every method: `signal`, `timeout`, `retry`,
 * `headers`, `maxResponseSize`, `expandUnderscores` (default false in rpc: fields are named as the
 * server spells them). Resources' shared `CallOptions`, the same type as rest's and the CLI's.
 */
export type CallOptions = SharedCallOptions

/** A query parameter value; arrays repeat the key. */
export type QueryParam = string | number | boolean | readonly (string | number | boolean)[]

/**
 * The query parameters MAX reads on list routes: the shared search/pagination parameters plus
 * the few extra ones some routes read.
 */
export interface SearchQuery {
  /** Page size (server default 10); `0` disables the limit. */
  limit?: number
  /** Items older than this id (usernames for `max_users` people listings). */
  before?: string
  /** Items newer than this id; cannot be combined with `before`. */
  after?: string
  /** Ordering on sortable lists (timelines, context activities). */
  sort?: 'published' | 'likes' | 'flagged'
  /** With `sort`: order by activity date or by last comment date. */
  priority?: 'activity' | 'comments'
  /** Published date filter: `YYYY[-MM[-DD]]`, prefixed by `+` (after) or `-` (before). */
  date_filter?: string
  /** Objects must carry all these hashtags (without `#`). */
  hashtag?: string | readonly string[]
  /** Objects must contain all these keywords. */
  keyword?: string | readonly string[]
  /** Only activities by this actor username. */
  actor?: string
  /** People search: case-insensitive match on username or displayName. */
  username?: string
  /** Contexts/subscriptions must carry all these tags. */
  tags?: string | readonly string[]
  /** Activities whose context carries all these tags. */
  context_tags?: string | readonly string[]
  /** Only activities the actor marked as favorite. */
  favorites?: boolean
  /** Only objects with Twitter settings. */
  twitter_enabled?: boolean
  /** People listing in ascending username order (then `before`/`after` take usernames). */
  max_users?: boolean
}

/** Options of a method reading one object. */
export interface ReadOptions extends CallOptions {
  qs?: {
    /** Adds the `acls` list of your permissions on the returned object. */
    show_acls?: boolean
  }
}

/** Options of a list method: the query (`qs`) plus the per-call options. */
export interface ListOptions extends CallOptions {
  qs?: SearchQuery
}

/** Options of an async-iterator method. */
export interface IterateOptions extends CallOptions {
  /** Other query parameters; `limit` and `before` are driven by the iterator. */
  qs?: Omit<SearchQuery, 'limit' | 'before'>
  /** Items per request (the `limit` sent). */
  pageSize?: number
  /** Stop after this many items. */
  max?: number
}

/**
 * Options of a method that sends a JSON body: extra body fields (dotted keys expand), merged with the
 * built ones; nested objects combine, and a field both set is a `UsageError`.
 */
export interface BodyOptions extends CallOptions {
  fields?: Record<string, unknown>
}

/** Options of a method that posts an activity or a message, which may carry a file. */
export interface PostOptions extends BodyOptions {
  /** The image or file of an `image`/`file` object; sent as multipart `file` with the JSON in `json_data`. */
  file?: UploadInput
}

/** Options of {@link RpcClient.addConversation}. */
export interface ConversationOptions extends PostOptions {
  /** Name of a group conversation. */
  displayName?: string
  /** Object type of the first message. Default `note`. */
  otype?: string
}

/** Options of {@link RpcClient.addMessage} and {@link RpcClient.addUserMessage}. */
export interface MessageOptions extends PostOptions {
  /** Object type of the message. Default `note`. */
  otype?: string
  /** `true` also pushes the message to the other participants' devices. */
  mobile?: boolean
}

/** Options of {@link RpcClient.grantPermission} and {@link RpcClient.revokePermission}. */
export interface PermissionOptions extends CallOptions {
  /**
   * Keep the grant/veto when the context defaults change. The server default is permanent; pass
   * `false` for a change that lasts until the next defaults reset.
   */
  permanent?: boolean
}

/** Options of {@link RpcClient.addUser}. */
export interface AddUserOptions extends BodyOptions {
  /** Create the user's notification exchanges (server default: true for new users). */
  notifications?: boolean
}

/** Options of {@link RpcClient.addToken}. */
export interface AddTokenOptions extends BodyOptions {
  /** Device description stored with the token. */
  device?: string
  /** Owner of the token when not the actor (needs permission). */
  username?: string
}

/** Options of a list filtered by context tags (`subscribed`, `getUserPushUnsubscriptions`). */
export interface TagsOptions extends CallOptions {
  qs?: {
    /** Contexts must carry all these tags. */
    tags?: string | readonly string[]
  }
}

/** Profile fields of {@link RpcClient.modifyUser}. */
export interface UserProperties {
  displayName?: string
  twitterUsername?: string
  [field: string]: unknown
}

/** Fields of {@link RpcClient.modifyConversation}, typically its `displayName`. */
export interface ConversationProperties {
  displayName?: string
  [field: string]: unknown
}

import type { HttpMethod } from '@maxclient/resources'

/** A route key: the HTTP method and the catalog pattern, `'POST /people/{username}/activities'`. */
export type RouteKey = `${HttpMethod} /${string}`

/** How a method's options object is read: which keys it accepts and what they feed. */
export type OptionsKind = 'call' | 'read' | 'list' | 'tags' | 'body' | 'permission'

/** One method of the table as written below. */
export interface RpcTableEntry {
  /** The route it calls; `HEAD` marks a count method, which answers the `X-totalItems` total. */
  readonly route: RouteKey
  /**
   * Positional parameters before the options object, in call order. A trailing `?` marks an optional
   * one; `name:rule` reads it with another rule than its name's (see `rules.ts`); `name?=value`
   * gives the value an optional one takes when left out.
   */
  readonly args?: readonly string[]
  /** Its options object (default `call`: the per-call options only). */
  readonly options?: OptionsKind
  /** Name of the async-iterator form (paginated lists only). */
  readonly iterator?: string
  /** Other names of the same method (the Python client's snake_case name, or a duplicate it had). */
  readonly aliases?: readonly string[]
  /** One line saying what the method does. */
  readonly summary: string
  /** `true` when the Python `maxclient` had this method (same name and argument order). */
  readonly python?: boolean
}

/**
 * Every RPC method by category: name → route, positional parameters, options, iterator, aliases.
 * The client's methods are built from this table (see `client.ts`); the few that shape a body
 * beyond it are written in `methods/`. A username that defaults to the actor comes last, as the
 * Python client had it.
 */
// biome-ignore format: one method a line reads as a table
const groups = {
  Users: {
    getUsers: { route: 'GET /people', options: 'list', iterator: 'iterateUsers', summary: 'Search the people visible to you', python: true },
    addUser: { route: 'POST /people', args: ['username', 'properties?'], summary: 'Create a user (gets the existing one back with 200)', python: true },
    getUser: { route: 'GET /people/{username}', args: ['username?'], options: 'read', summary: 'Read a user profile (the actor by default)', python: true },
    modifyUser: { route: 'PUT /people/{username}', args: ['username', 'properties:profile'], options: 'body', summary: 'Update profile fields of a user', python: true },
    deleteUser: { route: 'DELETE /people/{username}', args: ['username'], summary: 'Delete a user' },
    postAvatar: { route: 'POST /people/{username}/avatar', args: ['username', 'image'], summary: 'Upload the avatar image of a user', python: true },
  },
  Activities: {
    getUserActivities: { route: 'GET /people/{username}/activities', args: ['context?:inContext', 'count?', 'username?'], options: 'list', iterator: 'iterateUserActivities', summary: 'List the posts of a user, optionally in one context', python: true },
    countUserActivities: { route: 'HEAD /people/{username}/activities', args: ['context?:inContext', 'username?'], options: 'list', summary: 'Count the posts of a user' },
    addActivity: { route: 'POST /people/{username}/activities', args: ['content', 'otype?', 'contexts?', 'generator?', 'username?'], summary: 'Post an activity on a timeline, or in the one context given', python: true },
    getUserTimeline: { route: 'GET /people/{username}/timeline', args: ['username?'], options: 'list', iterator: 'iterateUserTimeline', summary: 'List the timeline of a user', python: true },
    getTimelineLastAuthors: { route: 'GET /people/{username}/timeline/authors', args: ['limit?', 'username?'], summary: 'List the latest distinct authors of a timeline', python: true },
    countTimelineLastAuthors: { route: 'HEAD /people/{username}/timeline/authors', args: ['limit?', 'username?'], summary: 'Count the latest distinct authors of a timeline' },
    getActivities: { route: 'GET /activities', args: ['count?'], options: 'list', iterator: 'iterateActivities', aliases: ['getAllActivities'], summary: 'List every post in the system (Manager)', python: true },
    countActivities: { route: 'HEAD /activities', options: 'list', summary: 'Count every post in the system' },
    getActivity: { route: 'GET /activities/{activity}', args: ['activity'], options: 'read', summary: 'Read one activity', python: true },
    deleteActivity: { route: 'DELETE /activities/{activity}', args: ['activity'], summary: 'Delete one activity' },
    getContextActivities: { route: 'GET /contexts/{hash}/activities', args: ['context', 'count?'], options: 'list', iterator: 'iterateContextActivities', summary: 'List the posts of a context', python: true },
    countContextActivities: { route: 'HEAD /contexts/{hash}/activities', args: ['context'], options: 'list', summary: 'Count the posts of a context' },
    addActivityAsContext: { route: 'POST /contexts/{hash}/activities', args: ['content', 'url', 'otype?', 'generator?'], aliases: ['add_activity_as_context'], summary: 'Post an activity in a context, as the context itself', python: true },
    getContextLastAuthors: { route: 'GET /contexts/{hash}/activities/authors', args: ['context', 'limit?'], summary: 'List the latest distinct authors of a context', python: true },
    countContextLastAuthors: { route: 'HEAD /contexts/{hash}/activities/authors', args: ['context', 'limit?'], summary: 'Count the latest distinct authors of a context' },
  },
  Comments: {
    getComments: { route: 'GET /activities/{activity}/comments', args: ['activity'], summary: 'List the comments of an activity', python: true },
    addComment: { route: 'POST /activities/{activity}/comments', args: ['content', 'activity', 'otype?'], summary: 'Comment on an activity', python: true },
    deleteComment: { route: 'DELETE /activities/{activity}/comments/{comment}', args: ['activity', 'comment'], summary: 'Delete one comment of an activity' },
    getAllComments: { route: 'GET /activities/comments', args: ['count?'], options: 'list', iterator: 'iterateAllComments', summary: 'List every comment in the system (Manager)', python: true },
    countAllComments: { route: 'HEAD /activities/comments', options: 'list', summary: 'Count every comment in the system' },
    getUserComments: { route: 'GET /people/{username}/comments', args: ['username?'], options: 'list', iterator: 'iterateUserComments', summary: 'List the comments a user wrote' },
    countUserComments: { route: 'HEAD /people/{username}/comments', args: ['username?'], options: 'list', summary: 'Count the comments a user wrote' },
    getContextComments: { route: 'GET /contexts/{hash}/comments', args: ['context'], options: 'list', iterator: 'iterateContextComments', summary: 'List the comments on posts of a context' },
    countContextComments: { route: 'HEAD /contexts/{hash}/comments', args: ['context'], options: 'list', summary: 'Count the comments on posts of a context' },
  },
  'Likes, favorites and flags': {
    likeActivity: { route: 'POST /activities/{activity}/likes', args: ['activity'], summary: 'Like an activity as the actor' },
    unlikeActivity: { route: 'DELETE /activities/{activity}/likes/{username}', args: ['activity', 'username?'], summary: 'Remove the like of a user (the actor by default)' },
    favoriteActivity: { route: 'POST /activities/{activity}/favorites', args: ['activity'], summary: 'Mark an activity as favorite of the actor' },
    unfavoriteActivity: { route: 'DELETE /activities/{activity}/favorites/{username}', args: ['activity', 'username?'], summary: 'Remove the favorite mark of a user (the actor by default)' },
    flagActivity: { route: 'POST /activities/{activity}/flag', args: ['activity'], summary: 'Flag an activity of a context' },
    unflagActivity: { route: 'DELETE /activities/{activity}/flag', args: ['activity'], summary: 'Remove the flag of an activity' },
  },
  Contexts: {
    getContexts: { route: 'GET /contexts', options: 'list', iterator: 'iterateContexts', summary: 'List or search every context (Manager)', python: true },
    getPublicContexts: { route: 'GET /contexts/public', options: 'list', iterator: 'iteratePublicContexts', summary: 'List the contexts anyone may subscribe to' },
    addContext: { route: 'POST /contexts', args: ['url', 'displayName', 'permissions?', 'contextType?'], summary: 'Create a context (gets the existing one back with 200)', python: true },
    getContext: { route: 'GET /contexts/{hash}', args: ['url'], options: 'read', aliases: ['get_context'], summary: 'Read a context', python: true },
    modifyContext: { route: 'PUT /contexts/{hash}', args: ['url', 'properties'], options: 'body', summary: 'Update fields of a context', python: true },
    deleteContext: { route: 'DELETE /contexts/{hash}', args: ['url'], summary: 'Delete a context', python: true },
    getContextTags: { route: 'GET /contexts/{hash}/tags', args: ['url'], summary: 'Read the tags of a context' },
    addTagsToContext: { route: 'PUT /contexts/{hash}/tags', args: ['url', 'tags'], aliases: ['add_tags_to_context'], summary: 'Add tags to a context and get the resulting list', python: true },
    clearContextTags: { route: 'DELETE /contexts/{hash}/tags', args: ['url'], summary: 'Remove every tag of a context' },
    removeTagFromContext: { route: 'DELETE /contexts/{hash}/tags/{tag}', args: ['url', 'tag'], aliases: ['remove_tag_from_context'], summary: 'Remove one tag from a context', python: true },
  },
  Subscriptions: {
    subscribe: { route: 'POST /contexts/{hash}/subscriptions', args: ['url', 'otype?', 'username?:actor'], summary: 'Subscribe a user (the actor by default) to a context', python: true },
    unsubscribe: { route: 'DELETE /contexts/{hash}/subscriptions/{username}', args: ['url', 'otype?', 'username?'], summary: 'Unsubscribe a user (the actor by default) from a context', python: true },
    subscribed: { route: 'GET /people/{username}/subscriptions', args: ['username?'], options: 'tags', summary: 'List the contexts a user (the actor by default) is subscribed to', python: true },
    subscribedToContext: { route: 'GET /contexts/{hash}/subscriptions', args: ['url'], options: 'list', aliases: ['subscribed_to_context'], summary: 'List the users subscribed to a context', python: true },
    getUserPushUnsubscriptions: { route: 'GET /people/{username}/unsubscriptionpush', args: ['username?'], options: 'tags', summary: 'List the contexts where a user turned push notifications off' },
    getContextPushUnsubscriptions: { route: 'GET /contexts/{hash}/unsubscriptionpush', args: ['url'], options: 'list', summary: 'List the users who turned push notifications off in a context' },
    disableContextPush: { route: 'POST /contexts/{hash}/unsubscriptionpush/{username}', args: ['url', 'username?'], summary: 'Turn push notifications of a context off for a user' },
    enableContextPush: { route: 'DELETE /contexts/{hash}/subscriptionpush/{username}', args: ['url', 'username?'], summary: 'Turn push notifications of a context back on for a user' },
  },
  Permissions: {
    grantPermission: { route: 'PUT /contexts/{hash}/permissions/{username}/{permission}', args: ['url', 'username?', 'permission?=read'], options: 'permission', aliases: ['grant_permission'], summary: 'Grant a permission on a context to a user (default "read")', python: true },
    revokePermission: { route: 'DELETE /contexts/{hash}/permissions/{username}/{permission}', args: ['url', 'username?', 'permission?=write'], options: 'permission', aliases: ['revoke_permission'], summary: 'Revoke (veto) a permission on a context for a user (default "write")', python: true },
    resetPermissions: { route: 'POST /contexts/{hash}/permissions/{username}/defaults', args: ['url', 'username?'], summary: "Reset a user's permissions on a context to the context defaults" },
  },
  'Device tokens': {
    addToken: { route: 'POST /tokens', args: ['token', 'platform'], summary: 'Register a push device token (ios or android)' },
    deleteToken: { route: 'DELETE /tokens/{token}', args: ['token'], summary: 'Delete one device token' },
    getUserTokens: { route: 'GET /people/{username}/tokens', args: ['username?'], summary: 'List the device tokens of a user' },
    deleteUserTokens: { route: 'DELETE /people/{username}/tokens', args: ['username?'], summary: 'Delete every device token of a user' },
    getUserPlatformTokens: { route: 'GET /people/{username}/tokens/platforms/{platform}', args: ['platform', 'username?'], summary: 'List the device tokens of a user on one platform' },
    deleteUserPlatformTokens: { route: 'DELETE /people/{username}/tokens/platforms/{platform}', args: ['platform', 'username?'], summary: 'Delete the device tokens of a user on one platform' },
    getContextTokens: { route: 'GET /contexts/{hash}/tokens', args: ['url'], summary: 'List the device tokens of the subscribers of a context' },
    pushtokensByConversation: { route: 'GET /conversations/{id}/tokens', args: ['conversationId'], aliases: ['pushtokens_by_conversation'], summary: 'List the device tokens of the participants of a conversation', python: true },
  },
  Conversations: {
    getConversations: { route: 'GET /conversations', summary: "List the actor's conversations" },
    addConversation: { route: 'POST /conversations', args: ['participants', 'content'], summary: 'Start a conversation with its first message' },
    deleteAllConversations: { route: 'DELETE /conversations', summary: 'Delete every conversation of every user (Manager)' },
    getActiveConversations: { route: 'GET /conversations/active', options: 'list', summary: 'List the conversations found among the latest messages' },
    countActiveConversations: { route: 'HEAD /conversations/active', options: 'list', summary: 'Count the conversations found among the latest messages' },
    getConversation: { route: 'GET /conversations/{id}', args: ['id'], options: 'read', summary: 'Read one conversation' },
    modifyConversation: { route: 'PUT /conversations/{id}', args: ['id', 'properties:conversation'], options: 'body', summary: 'Update a conversation (its displayName)' },
    deleteConversation: { route: 'DELETE /conversations/{id}', args: ['id'], summary: 'Delete a conversation and its messages' },
    transferConversationOwnership: { route: 'PUT /conversations/{id}/owner', args: ['id', 'username:actor'], summary: 'Make another participant the owner of a conversation' },
    getUserConversation: { route: 'GET /people/{username}/conversations/{id}', args: ['id', 'username?'], summary: 'Read a conversation as a user (the actor by default) sees it' },
    addParticipant: { route: 'POST /conversations/{id}/participants', args: ['id', 'username?:actor'], summary: 'Add a user (the actor by default) to a group conversation' },
    removeParticipant: { route: 'DELETE /conversations/{id}/participants/{username}', args: ['id', 'username?'], summary: 'Remove a user (the actor by default, i.e. leave) from a conversation' },
  },
  Messages: {
    getConversationMessages: { route: 'GET /conversations/{id}/messages', args: ['id'], options: 'list', iterator: 'iterateConversationMessages', summary: 'List the messages of a conversation (each page oldest first)' },
    addMessage: { route: 'POST /conversations/{id}/messages', args: ['id', 'content'], summary: 'Post a message in a conversation' },
    addUserMessage: { route: 'POST /people/{username}/conversations/{id}/messages', args: ['username', 'id', 'content'], summary: 'Post a message in a conversation on behalf of a user' },
    getMessages: { route: 'GET /messages', options: 'list', iterator: 'iterateMessages', summary: 'List every message in the system (Manager)' },
    countMessages: { route: 'HEAD /messages', options: 'list', summary: 'Count every message in the system' },
  },
  'Files and images': {
    getUserAvatar: { route: 'GET /people/{username}/avatar', args: ['username?'], summary: 'Download the avatar of a user (PNG bytes)' },
    getUserAvatarSize: { route: 'GET /people/{username}/avatar/{size}', args: ['username', 'size'], summary: 'Download a named size ("large") of a user avatar' },
    getContextAvatar: { route: 'GET /contexts/{hash}/avatar', args: ['url'], summary: 'Download the avatar of a context (PNG bytes)' },
    getConversationAvatar: { route: 'GET /conversations/{id}/avatar', args: ['id'], summary: 'Download the avatar of a conversation (PNG bytes)' },
    getActivityImage: { route: 'GET /activities/{activity}/image', args: ['activity'], summary: 'Download the image of an image activity' },
    getActivityImageSize: { route: 'GET /activities/{activity}/image/{size}', args: ['activity', 'size:image'], summary: 'Download the "full" or "thumb" size of an activity image' },
    getActivityFile: { route: 'GET /activities/{activity}/file/download', args: ['activity'], summary: 'Download the file of a file activity' },
    getMessageImage: { route: 'GET /messages/{id}/image', args: ['id'], summary: 'Download the image of a message' },
    getMessageImageSize: { route: 'GET /messages/{id}/image/{size}', args: ['id', 'size:image'], summary: 'Download the "full" or "thumb" size of a message image' },
    getMessageFile: { route: 'GET /messages/{id}/file/download', args: ['id'], summary: 'Download the file of a message' },
  },
  'Server info': {
    getInfo: { route: 'GET /info', summary: 'Read the public server settings (no auth)' },
    getApiInfo: { route: 'GET /info/api', args: ['byCategory?'], summary: 'Read the machine-readable endpoint list (no auth)' },
    getSettings: { route: 'GET /info/settings', summary: 'Read every server setting (Manager)' },
  },
  Security: {
    getSecurity: { route: 'GET /admin/security', summary: 'Read the global role table', python: true },
    getSecurityUsers: { route: 'GET /admin/security/users', summary: 'List the users holding a global role' },
    getUserSecurityRole: { route: 'GET /admin/security/roles/{role}/users/{user}', args: ['user', 'role'], summary: 'Check that a user holds a global role (404 when not)' },
    grantSecurityRole: { route: 'POST /admin/security/roles/{role}/users/{user}', args: ['user', 'role'], aliases: ['grant_security_role'], summary: 'Grant a global role (Manager, NonVisible) to a user', python: true },
    revokeSecurityRole: { route: 'DELETE /admin/security/roles/{role}/users/{user}', args: ['user', 'role'], aliases: ['revoke_security_role'], summary: 'Revoke a global role from a user', python: true },
  },
  Maintenance: {
    rebuildKeywords: { route: 'POST /admin/maintenance/keywords', summary: 'Recompute the search keywords of every post' },
    rebuildDates: { route: 'POST /admin/maintenance/dates', summary: 'Recompute the last-comment date of every post' },
    rebuildSubscriptions: { route: 'POST /admin/maintenance/subscriptions', summary: 'Re-sync context subscriptions and their notification bindings' },
    rebuildConversations: { route: 'POST /admin/maintenance/conversations', summary: 'Re-sync conversations, their participants and bindings' },
    rebuildUsers: { route: 'POST /admin/maintenance/users', summary: 'Fix user ownership fields and notification exchanges' },
    rebuildTokens: { route: 'POST /admin/maintenance/tokens', summary: 'Move legacy per-user device tokens to the tokens collection' },
    getExceptions: { route: 'GET /admin/maintenance/exceptions', summary: 'List the logged server exceptions' },
    getException: { route: 'GET /admin/maintenance/exceptions/{hash}', args: ['hash'], summary: 'Read one logged server exception' },
    deleteException: { route: 'DELETE /admin/maintenance/exceptions/{hash}', args: ['hash'], summary: 'Delete one logged server exception' },
  },
} as const satisfies Record<string, Record<string, RpcTableEntry>>

type Groups = typeof groups
type Merge<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never
type Entries = Merge<Groups[keyof Groups]>

/** Groups of the method table, in the order the README lists them. */
export type RpcCategory = keyof Groups

/** Name of an RPC method (aliases and iterators excluded). */
export type RpcMethodName = keyof Entries & string

/** The route key of method `N`. */
export type RouteOf<N extends RpcMethodName> = Entries[N] extends { route: infer R } ? R : never

/** What one RPC method calls and how it is called, as exported in {@link rpcMethods}. */
export interface RpcMethodSpec extends Omit<RpcTableEntry, 'args'> {
  /** Catalog route pattern the method calls. */
  readonly pattern: string
  /** HTTP method of {@link RpcTableEntry.route}. */
  readonly method: HttpMethod
  /** Positional parameters in call order, ending with `options?`; a trailing `?` marks an optional one. */
  readonly args: readonly string[]
  /** The table's parameters with their rules (`name?:rule`), before the options object. */
  readonly rules: readonly string[]
  readonly category: RpcCategory
}

/** The exported table's type: every method with its route and the fields derived from the table. */
export type RpcMethods = {
  readonly [N in RpcMethodName]: Omit<Entries[N], 'args'> &
    Pick<RpcMethodSpec, 'pattern' | 'method' | 'args' | 'rules' | 'category'>
}

/** The table as written, by category. */
export const rpcTable: Readonly<Record<RpcCategory, Readonly<Record<string, RpcTableEntry>>>> = groups

/**
 * The flat table with the derived fields (method, pattern, parameter names, category), as
 * `methods.generated.ts` holds it so that nothing is derived at start-up.
 */
export function flattenTable(): Record<string, RpcMethodSpec> {
  const flat: Record<string, RpcMethodSpec> = {}
  for (const [category, group] of Object.entries(rpcTable) as Array<
    [RpcCategory, Record<string, RpcTableEntry>]
  >) {
    for (const [name, entry] of Object.entries(group)) {
      const { route, args: rules = [], ...rest } = entry
      const [method, pattern] = route.split(' ') as [HttpMethod, string]
      const args = [...rules.map((rule) => rule.split(/[:=]/)[0]!), 'options?']
      flat[name] = { route, method, pattern, args, rules, ...rest, category }
    }
  }
  return flat
}

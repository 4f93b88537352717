// Generated from the method table (src/table.ts) by test/generate.test.ts; do not edit. After changing
// the table: UPDATE_GENERATED=1 pnpm vitest run --project @maxclient/rpc test/generate.test.ts
import type { ContextPermission } from '@maxclient/resources'
import { run, runIterator } from './build.js'
import { RpcClientBase, type RpcHandWrittenMethods } from './client.js'
import type { RpcItem, RpcReturn } from './result.js'
import type { BodyOptions, CallOptions, ConversationProperties, IterateOptions, ListOptions, PermissionOptions, ReadOptions, RpcResult, TagsOptions, UserProperties } from './types.js'

/** The hand-written methods (and their aliases), installed on `RpcClientBase` by client.ts. */
export interface RpcClient extends RpcHandWrittenMethods {
  /** Alias of `addActivityAsContext`. */
  add_activity_as_context: RpcHandWrittenMethods['addActivityAsContext']
}

/**
 * The RPC-style MAX client: one method per endpoint, each resolving to `[ok, status, content]`.
 *
 * Failures the server answers also resolve (`[false, 404, { error, error_description }]`); bad
 * arguments throw `UsageError` and network failures throw `RequestError` (status 0). Auth,
 * discovery, retries, timeouts, hooks and debug come from `MaxCore`.
 *
 * @example
 * ```ts
 * const client = new RpcClient('https://max.example.org', { oauthServer: 'https://oauth.example.org' })
 * await client.login('alice', password)
 * const [ok, status, me] = await client.getUser()
 * ```
 */
export class RpcClient extends RpcClientBase {
  /** Search the people visible to you (`GET /people`). */
  getUsers(options?: ListOptions): RpcReturn<'getUsers'> { return run(this, 'getUsers', arguments) }
  /** Iterates `getUsers` page by page. */
  iterateUsers(options?: IterateOptions): AsyncIterable<RpcItem<'getUsers'>> { return runIterator(this, 'getUsers', arguments) }
  /** Read a user profile (the actor by default) (`GET /people/{username}`). */
  getUser(username?: string, options?: ReadOptions): RpcReturn<'getUser'> { return run(this, 'getUser', arguments) }
  /** Update profile fields of a user (`PUT /people/{username}`). */
  modifyUser(username: string, properties: UserProperties, options?: BodyOptions): RpcReturn<'modifyUser'> { return run(this, 'modifyUser', arguments) }
  /** Delete a user (`DELETE /people/{username}`). */
  deleteUser(username: string, options?: CallOptions): RpcReturn<'deleteUser'> { return run(this, 'deleteUser', arguments) }
  /** List the posts of a user, optionally in one context (`GET /people/{username}/activities`). */
  getUserActivities(context?: string, count?: false, username?: string, options?: ListOptions): RpcReturn<'getUserActivities'>
  getUserActivities(context: string | undefined, count: true, username?: string, options?: ListOptions): RpcReturn<'countUserActivities'>
  getUserActivities(..._: unknown[]): Promise<RpcResult<unknown>> { return run(this, 'getUserActivities', arguments) }
  /** Iterates `getUserActivities` page by page. */
  iterateUserActivities(context?: string, username?: string, options?: IterateOptions): AsyncIterable<RpcItem<'getUserActivities'>> { return runIterator(this, 'getUserActivities', arguments) }
  /** Count the posts of a user (`HEAD /people/{username}/activities`). */
  countUserActivities(context?: string, username?: string, options?: ListOptions): RpcReturn<'countUserActivities'> { return run(this, 'countUserActivities', arguments) }
  /** List the timeline of a user (`GET /people/{username}/timeline`). */
  getUserTimeline(username?: string, options?: ListOptions): RpcReturn<'getUserTimeline'> { return run(this, 'getUserTimeline', arguments) }
  /** Iterates `getUserTimeline` page by page. */
  iterateUserTimeline(username?: string, options?: IterateOptions): AsyncIterable<RpcItem<'getUserTimeline'>> { return runIterator(this, 'getUserTimeline', arguments) }
  /** List the latest distinct authors of a timeline (`GET /people/{username}/timeline/authors`). */
  getTimelineLastAuthors(limit?: number, username?: string, options?: CallOptions): RpcReturn<'getTimelineLastAuthors'> { return run(this, 'getTimelineLastAuthors', arguments) }
  /** Count the latest distinct authors of a timeline (`HEAD /people/{username}/timeline/authors`). */
  countTimelineLastAuthors(limit?: number, username?: string, options?: CallOptions): RpcReturn<'countTimelineLastAuthors'> { return run(this, 'countTimelineLastAuthors', arguments) }
  /** List every post in the system (Manager) (`GET /activities`). */
  getActivities(count?: false, options?: ListOptions): RpcReturn<'getActivities'>
  getActivities(count: true, options?: ListOptions): RpcReturn<'countActivities'>
  getActivities(..._: unknown[]): Promise<RpcResult<unknown>> { return run(this, 'getActivities', arguments) }
  /** Alias of `getActivities`. */
  getAllActivities(count?: false, options?: ListOptions): RpcReturn<'getActivities'>
  getAllActivities(count: true, options?: ListOptions): RpcReturn<'countActivities'>
  getAllActivities(..._: unknown[]): Promise<RpcResult<unknown>> { return run(this, 'getActivities', arguments) }
  /** Iterates `getActivities` page by page. */
  iterateActivities(options?: IterateOptions): AsyncIterable<RpcItem<'getActivities'>> { return runIterator(this, 'getActivities', arguments) }
  /** Count every post in the system (`HEAD /activities`). */
  countActivities(options?: ListOptions): RpcReturn<'countActivities'> { return run(this, 'countActivities', arguments) }
  /** Read one activity (`GET /activities/{activity}`). */
  getActivity(activity: string, options?: ReadOptions): RpcReturn<'getActivity'> { return run(this, 'getActivity', arguments) }
  /** Delete one activity (`DELETE /activities/{activity}`). */
  deleteActivity(activity: string, options?: CallOptions): RpcReturn<'deleteActivity'> { return run(this, 'deleteActivity', arguments) }
  /** List the posts of a context (`GET /contexts/{hash}/activities`). */
  getContextActivities(context: string, count?: false, options?: ListOptions): RpcReturn<'getContextActivities'>
  getContextActivities(context: string, count: true, options?: ListOptions): RpcReturn<'countContextActivities'>
  getContextActivities(..._: unknown[]): Promise<RpcResult<unknown>> { return run(this, 'getContextActivities', arguments) }
  /** Iterates `getContextActivities` page by page. */
  iterateContextActivities(context: string, options?: IterateOptions): AsyncIterable<RpcItem<'getContextActivities'>> { return runIterator(this, 'getContextActivities', arguments) }
  /** Count the posts of a context (`HEAD /contexts/{hash}/activities`). */
  countContextActivities(context: string, options?: ListOptions): RpcReturn<'countContextActivities'> { return run(this, 'countContextActivities', arguments) }
  /** List the latest distinct authors of a context (`GET /contexts/{hash}/activities/authors`). */
  getContextLastAuthors(context: string, limit?: number, options?: CallOptions): RpcReturn<'getContextLastAuthors'> { return run(this, 'getContextLastAuthors', arguments) }
  /** Count the latest distinct authors of a context (`HEAD /contexts/{hash}/activities/authors`). */
  countContextLastAuthors(context: string, limit?: number, options?: CallOptions): RpcReturn<'countContextLastAuthors'> { return run(this, 'countContextLastAuthors', arguments) }
  /** List the comments of an activity (`GET /activities/{activity}/comments`). */
  getComments(activity: string, options?: CallOptions): RpcReturn<'getComments'> { return run(this, 'getComments', arguments) }
  /** Delete one comment of an activity (`DELETE /activities/{activity}/comments/{comment}`). */
  deleteComment(activity: string, comment: string, options?: CallOptions): RpcReturn<'deleteComment'> { return run(this, 'deleteComment', arguments) }
  /** List every comment in the system (Manager) (`GET /activities/comments`). */
  getAllComments(count?: false, options?: ListOptions): RpcReturn<'getAllComments'>
  getAllComments(count: true, options?: ListOptions): RpcReturn<'countAllComments'>
  getAllComments(..._: unknown[]): Promise<RpcResult<unknown>> { return run(this, 'getAllComments', arguments) }
  /** Iterates `getAllComments` page by page. */
  iterateAllComments(options?: IterateOptions): AsyncIterable<RpcItem<'getAllComments'>> { return runIterator(this, 'getAllComments', arguments) }
  /** Count every comment in the system (`HEAD /activities/comments`). */
  countAllComments(options?: ListOptions): RpcReturn<'countAllComments'> { return run(this, 'countAllComments', arguments) }
  /** List the comments a user wrote (`GET /people/{username}/comments`). */
  getUserComments(username?: string, options?: ListOptions): RpcReturn<'getUserComments'> { return run(this, 'getUserComments', arguments) }
  /** Iterates `getUserComments` page by page. */
  iterateUserComments(username?: string, options?: IterateOptions): AsyncIterable<RpcItem<'getUserComments'>> { return runIterator(this, 'getUserComments', arguments) }
  /** Count the comments a user wrote (`HEAD /people/{username}/comments`). */
  countUserComments(username?: string, options?: ListOptions): RpcReturn<'countUserComments'> { return run(this, 'countUserComments', arguments) }
  /** List the comments on posts of a context (`GET /contexts/{hash}/comments`). */
  getContextComments(context: string, options?: ListOptions): RpcReturn<'getContextComments'> { return run(this, 'getContextComments', arguments) }
  /** Iterates `getContextComments` page by page. */
  iterateContextComments(context: string, options?: IterateOptions): AsyncIterable<RpcItem<'getContextComments'>> { return runIterator(this, 'getContextComments', arguments) }
  /** Count the comments on posts of a context (`HEAD /contexts/{hash}/comments`). */
  countContextComments(context: string, options?: ListOptions): RpcReturn<'countContextComments'> { return run(this, 'countContextComments', arguments) }
  /** Like an activity as the actor (`POST /activities/{activity}/likes`). */
  likeActivity(activity: string, options?: CallOptions): RpcReturn<'likeActivity'> { return run(this, 'likeActivity', arguments) }
  /** Remove the like of a user (the actor by default) (`DELETE /activities/{activity}/likes/{username}`). */
  unlikeActivity(activity: string, username?: string, options?: CallOptions): RpcReturn<'unlikeActivity'> { return run(this, 'unlikeActivity', arguments) }
  /** Mark an activity as favorite of the actor (`POST /activities/{activity}/favorites`). */
  favoriteActivity(activity: string, options?: CallOptions): RpcReturn<'favoriteActivity'> { return run(this, 'favoriteActivity', arguments) }
  /** Remove the favorite mark of a user (the actor by default) (`DELETE /activities/{activity}/favorites/{username}`). */
  unfavoriteActivity(activity: string, username?: string, options?: CallOptions): RpcReturn<'unfavoriteActivity'> { return run(this, 'unfavoriteActivity', arguments) }
  /** Flag an activity of a context (`POST /activities/{activity}/flag`). */
  flagActivity(activity: string, options?: CallOptions): RpcReturn<'flagActivity'> { return run(this, 'flagActivity', arguments) }
  /** Remove the flag of an activity (`DELETE /activities/{activity}/flag`). */
  unflagActivity(activity: string, options?: CallOptions): RpcReturn<'unflagActivity'> { return run(this, 'unflagActivity', arguments) }
  /** List or search every context (Manager) (`GET /contexts`). */
  getContexts(options?: ListOptions): RpcReturn<'getContexts'> { return run(this, 'getContexts', arguments) }
  /** Iterates `getContexts` page by page. */
  iterateContexts(options?: IterateOptions): AsyncIterable<RpcItem<'getContexts'>> { return runIterator(this, 'getContexts', arguments) }
  /** List the contexts anyone may subscribe to (`GET /contexts/public`). */
  getPublicContexts(options?: ListOptions): RpcReturn<'getPublicContexts'> { return run(this, 'getPublicContexts', arguments) }
  /** Iterates `getPublicContexts` page by page. */
  iteratePublicContexts(options?: IterateOptions): AsyncIterable<RpcItem<'getPublicContexts'>> { return runIterator(this, 'getPublicContexts', arguments) }
  /** Read a context (`GET /contexts/{hash}`). */
  getContext(url: string, options?: ReadOptions): RpcReturn<'getContext'> { return run(this, 'getContext', arguments) }
  /** Alias of `getContext`. */
  get_context(url: string, options?: ReadOptions): RpcReturn<'getContext'> { return run(this, 'getContext', arguments) }
  /** Update fields of a context (`PUT /contexts/{hash}`). */
  modifyContext(url: string, properties: Record<string, unknown>, options?: BodyOptions): RpcReturn<'modifyContext'> { return run(this, 'modifyContext', arguments) }
  /** Delete a context (`DELETE /contexts/{hash}`). */
  deleteContext(url: string, options?: CallOptions): RpcReturn<'deleteContext'> { return run(this, 'deleteContext', arguments) }
  /** Read the tags of a context (`GET /contexts/{hash}/tags`). */
  getContextTags(url: string, options?: CallOptions): RpcReturn<'getContextTags'> { return run(this, 'getContextTags', arguments) }
  /** Add tags to a context and get the resulting list (`PUT /contexts/{hash}/tags`). */
  addTagsToContext(url: string, tags: readonly string[], options?: CallOptions): RpcReturn<'addTagsToContext'> { return run(this, 'addTagsToContext', arguments) }
  /** Alias of `addTagsToContext`. */
  add_tags_to_context(url: string, tags: readonly string[], options?: CallOptions): RpcReturn<'addTagsToContext'> { return run(this, 'addTagsToContext', arguments) }
  /** Remove every tag of a context (`DELETE /contexts/{hash}/tags`). */
  clearContextTags(url: string, options?: CallOptions): RpcReturn<'clearContextTags'> { return run(this, 'clearContextTags', arguments) }
  /** Remove one tag from a context (`DELETE /contexts/{hash}/tags/{tag}`). */
  removeTagFromContext(url: string, tag: string, options?: CallOptions): RpcReturn<'removeTagFromContext'> { return run(this, 'removeTagFromContext', arguments) }
  /** Alias of `removeTagFromContext`. */
  remove_tag_from_context(url: string, tag: string, options?: CallOptions): RpcReturn<'removeTagFromContext'> { return run(this, 'removeTagFromContext', arguments) }
  /** Subscribe a user (the actor by default) to a context (`POST /contexts/{hash}/subscriptions`). */
  subscribe(url: string, otype?: string, username?: string, options?: CallOptions): RpcReturn<'subscribe'> { return run(this, 'subscribe', arguments) }
  /** Unsubscribe a user (the actor by default) from a context (`DELETE /contexts/{hash}/subscriptions/{username}`). */
  unsubscribe(url: string, otype?: string, username?: string, options?: CallOptions): RpcReturn<'unsubscribe'> { return run(this, 'unsubscribe', arguments) }
  /** List the contexts a user (the actor by default) is subscribed to (`GET /people/{username}/subscriptions`). */
  subscribed(username?: string, options?: TagsOptions): RpcReturn<'subscribed'> { return run(this, 'subscribed', arguments) }
  /** List the users subscribed to a context (`GET /contexts/{hash}/subscriptions`). */
  subscribedToContext(url: string, options?: ListOptions): RpcReturn<'subscribedToContext'> { return run(this, 'subscribedToContext', arguments) }
  /** Alias of `subscribedToContext`. */
  subscribed_to_context(url: string, options?: ListOptions): RpcReturn<'subscribedToContext'> { return run(this, 'subscribedToContext', arguments) }
  /** List the contexts where a user turned push notifications off (`GET /people/{username}/unsubscriptionpush`). */
  getUserPushUnsubscriptions(username?: string, options?: TagsOptions): RpcReturn<'getUserPushUnsubscriptions'> { return run(this, 'getUserPushUnsubscriptions', arguments) }
  /** List the users who turned push notifications off in a context (`GET /contexts/{hash}/unsubscriptionpush`). */
  getContextPushUnsubscriptions(url: string, options?: ListOptions): RpcReturn<'getContextPushUnsubscriptions'> { return run(this, 'getContextPushUnsubscriptions', arguments) }
  /** Turn push notifications of a context off for a user (`POST /contexts/{hash}/unsubscriptionpush/{username}`). */
  disableContextPush(url: string, username?: string, options?: CallOptions): RpcReturn<'disableContextPush'> { return run(this, 'disableContextPush', arguments) }
  /** Turn push notifications of a context back on for a user (`DELETE /contexts/{hash}/subscriptionpush/{username}`). */
  enableContextPush(url: string, username?: string, options?: CallOptions): RpcReturn<'enableContextPush'> { return run(this, 'enableContextPush', arguments) }
  /** Grant a permission on a context to a user (default "read") (`PUT /contexts/{hash}/permissions/{username}/{permission}`). */
  grantPermission(url: string, username?: string, permission?: ContextPermission, options?: PermissionOptions): RpcReturn<'grantPermission'> { return run(this, 'grantPermission', arguments) }
  /** Alias of `grantPermission`. */
  grant_permission(url: string, username?: string, permission?: ContextPermission, options?: PermissionOptions): RpcReturn<'grantPermission'> { return run(this, 'grantPermission', arguments) }
  /** Revoke (veto) a permission on a context for a user (default "write") (`DELETE /contexts/{hash}/permissions/{username}/{permission}`). */
  revokePermission(url: string, username?: string, permission?: ContextPermission, options?: PermissionOptions): RpcReturn<'revokePermission'> { return run(this, 'revokePermission', arguments) }
  /** Alias of `revokePermission`. */
  revoke_permission(url: string, username?: string, permission?: ContextPermission, options?: PermissionOptions): RpcReturn<'revokePermission'> { return run(this, 'revokePermission', arguments) }
  /** Reset a user's permissions on a context to the context defaults (`POST /contexts/{hash}/permissions/{username}/defaults`). */
  resetPermissions(url: string, username?: string, options?: CallOptions): RpcReturn<'resetPermissions'> { return run(this, 'resetPermissions', arguments) }
  /** Delete one device token (`DELETE /tokens/{token}`). */
  deleteToken(token: string, options?: CallOptions): RpcReturn<'deleteToken'> { return run(this, 'deleteToken', arguments) }
  /** List the device tokens of a user (`GET /people/{username}/tokens`). */
  getUserTokens(username?: string, options?: CallOptions): RpcReturn<'getUserTokens'> { return run(this, 'getUserTokens', arguments) }
  /** Delete every device token of a user (`DELETE /people/{username}/tokens`). */
  deleteUserTokens(username?: string, options?: CallOptions): RpcReturn<'deleteUserTokens'> { return run(this, 'deleteUserTokens', arguments) }
  /** List the device tokens of a user on one platform (`GET /people/{username}/tokens/platforms/{platform}`). */
  getUserPlatformTokens(platform: 'ios' | 'android', username?: string, options?: CallOptions): RpcReturn<'getUserPlatformTokens'> { return run(this, 'getUserPlatformTokens', arguments) }
  /** Delete the device tokens of a user on one platform (`DELETE /people/{username}/tokens/platforms/{platform}`). */
  deleteUserPlatformTokens(platform: 'ios' | 'android', username?: string, options?: CallOptions): RpcReturn<'deleteUserPlatformTokens'> { return run(this, 'deleteUserPlatformTokens', arguments) }
  /** List the device tokens of the subscribers of a context (`GET /contexts/{hash}/tokens`). */
  getContextTokens(url: string, options?: CallOptions): RpcReturn<'getContextTokens'> { return run(this, 'getContextTokens', arguments) }
  /** List the device tokens of the participants of a conversation (`GET /conversations/{id}/tokens`). */
  pushtokensByConversation(conversationId: string, options?: CallOptions): RpcReturn<'pushtokensByConversation'> { return run(this, 'pushtokensByConversation', arguments) }
  /** Alias of `pushtokensByConversation`. */
  pushtokens_by_conversation(conversationId: string, options?: CallOptions): RpcReturn<'pushtokensByConversation'> { return run(this, 'pushtokensByConversation', arguments) }
  /** List the actor's conversations (`GET /conversations`). */
  getConversations(options?: CallOptions): RpcReturn<'getConversations'> { return run(this, 'getConversations', arguments) }
  /** Delete every conversation of every user (Manager) (`DELETE /conversations`). */
  deleteAllConversations(options?: CallOptions): RpcReturn<'deleteAllConversations'> { return run(this, 'deleteAllConversations', arguments) }
  /** List the conversations found among the latest messages (`GET /conversations/active`). */
  getActiveConversations(options?: ListOptions): RpcReturn<'getActiveConversations'> { return run(this, 'getActiveConversations', arguments) }
  /** Count the conversations found among the latest messages (`HEAD /conversations/active`). */
  countActiveConversations(options?: ListOptions): RpcReturn<'countActiveConversations'> { return run(this, 'countActiveConversations', arguments) }
  /** Read one conversation (`GET /conversations/{id}`). */
  getConversation(id: string, options?: ReadOptions): RpcReturn<'getConversation'> { return run(this, 'getConversation', arguments) }
  /** Update a conversation (its displayName) (`PUT /conversations/{id}`). */
  modifyConversation(id: string, properties: ConversationProperties, options?: BodyOptions): RpcReturn<'modifyConversation'> { return run(this, 'modifyConversation', arguments) }
  /** Delete a conversation and its messages (`DELETE /conversations/{id}`). */
  deleteConversation(id: string, options?: CallOptions): RpcReturn<'deleteConversation'> { return run(this, 'deleteConversation', arguments) }
  /** Make another participant the owner of a conversation (`PUT /conversations/{id}/owner`). */
  transferConversationOwnership(id: string, username: string, options?: CallOptions): RpcReturn<'transferConversationOwnership'> { return run(this, 'transferConversationOwnership', arguments) }
  /** Read a conversation as a user (the actor by default) sees it (`GET /people/{username}/conversations/{id}`). */
  getUserConversation(id: string, username?: string, options?: CallOptions): RpcReturn<'getUserConversation'> { return run(this, 'getUserConversation', arguments) }
  /** Add a user (the actor by default) to a group conversation (`POST /conversations/{id}/participants`). */
  addParticipant(id: string, username?: string, options?: CallOptions): RpcReturn<'addParticipant'> { return run(this, 'addParticipant', arguments) }
  /** Remove a user (the actor by default, i.e. leave) from a conversation (`DELETE /conversations/{id}/participants/{username}`). */
  removeParticipant(id: string, username?: string, options?: CallOptions): RpcReturn<'removeParticipant'> { return run(this, 'removeParticipant', arguments) }
  /** List the messages of a conversation (each page oldest first) (`GET /conversations/{id}/messages`). */
  getConversationMessages(id: string, options?: ListOptions): RpcReturn<'getConversationMessages'> { return run(this, 'getConversationMessages', arguments) }
  /** Iterates `getConversationMessages` page by page. */
  iterateConversationMessages(id: string, options?: IterateOptions): AsyncIterable<RpcItem<'getConversationMessages'>> { return runIterator(this, 'getConversationMessages', arguments) }
  /** List every message in the system (Manager) (`GET /messages`). */
  getMessages(options?: ListOptions): RpcReturn<'getMessages'> { return run(this, 'getMessages', arguments) }
  /** Iterates `getMessages` page by page. */
  iterateMessages(options?: IterateOptions): AsyncIterable<RpcItem<'getMessages'>> { return runIterator(this, 'getMessages', arguments) }
  /** Count every message in the system (`HEAD /messages`). */
  countMessages(options?: ListOptions): RpcReturn<'countMessages'> { return run(this, 'countMessages', arguments) }
  /** Download the avatar of a user (PNG bytes) (`GET /people/{username}/avatar`). */
  getUserAvatar(username?: string, options?: CallOptions): RpcReturn<'getUserAvatar'> { return run(this, 'getUserAvatar', arguments) }
  /** Download a named size ("large") of a user avatar (`GET /people/{username}/avatar/{size}`). */
  getUserAvatarSize(username: string, size: string, options?: CallOptions): RpcReturn<'getUserAvatarSize'> { return run(this, 'getUserAvatarSize', arguments) }
  /** Download the avatar of a context (PNG bytes) (`GET /contexts/{hash}/avatar`). */
  getContextAvatar(url: string, options?: CallOptions): RpcReturn<'getContextAvatar'> { return run(this, 'getContextAvatar', arguments) }
  /** Download the avatar of a conversation (PNG bytes) (`GET /conversations/{id}/avatar`). */
  getConversationAvatar(id: string, options?: CallOptions): RpcReturn<'getConversationAvatar'> { return run(this, 'getConversationAvatar', arguments) }
  /** Download the image of an image activity (`GET /activities/{activity}/image`). */
  getActivityImage(activity: string, options?: CallOptions): RpcReturn<'getActivityImage'> { return run(this, 'getActivityImage', arguments) }
  /** Download the "full" or "thumb" size of an activity image (`GET /activities/{activity}/image/{size}`). */
  getActivityImageSize(activity: string, size: 'full' | 'thumb', options?: CallOptions): RpcReturn<'getActivityImageSize'> { return run(this, 'getActivityImageSize', arguments) }
  /** Download the file of a file activity (`GET /activities/{activity}/file/download`). */
  getActivityFile(activity: string, options?: CallOptions): RpcReturn<'getActivityFile'> { return run(this, 'getActivityFile', arguments) }
  /** Download the image of a message (`GET /messages/{id}/image`). */
  getMessageImage(id: string, options?: CallOptions): RpcReturn<'getMessageImage'> { return run(this, 'getMessageImage', arguments) }
  /** Download the "full" or "thumb" size of a message image (`GET /messages/{id}/image/{size}`). */
  getMessageImageSize(id: string, size: 'full' | 'thumb', options?: CallOptions): RpcReturn<'getMessageImageSize'> { return run(this, 'getMessageImageSize', arguments) }
  /** Download the file of a message (`GET /messages/{id}/file/download`). */
  getMessageFile(id: string, options?: CallOptions): RpcReturn<'getMessageFile'> { return run(this, 'getMessageFile', arguments) }
  /** Read the public server settings (no auth) (`GET /info`). */
  getInfo(options?: CallOptions): RpcReturn<'getInfo'> { return run(this, 'getInfo', arguments) }
  /** Read the machine-readable endpoint list (no auth) (`GET /info/api`). */
  getApiInfo(byCategory?: boolean, options?: CallOptions): RpcReturn<'getApiInfo'> { return run(this, 'getApiInfo', arguments) }
  /** Read every server setting (Manager) (`GET /info/settings`). */
  getSettings(options?: CallOptions): RpcReturn<'getSettings'> { return run(this, 'getSettings', arguments) }
  /** Read the global role table (`GET /admin/security`). */
  getSecurity(options?: CallOptions): RpcReturn<'getSecurity'> { return run(this, 'getSecurity', arguments) }
  /** List the users holding a global role (`GET /admin/security/users`). */
  getSecurityUsers(options?: CallOptions): RpcReturn<'getSecurityUsers'> { return run(this, 'getSecurityUsers', arguments) }
  /** Check that a user holds a global role (404 when not) (`GET /admin/security/roles/{role}/users/{user}`). */
  getUserSecurityRole(user: string, role: 'Manager' | 'NonVisible', options?: CallOptions): RpcReturn<'getUserSecurityRole'> { return run(this, 'getUserSecurityRole', arguments) }
  /** Grant a global role (Manager, NonVisible) to a user (`POST /admin/security/roles/{role}/users/{user}`). */
  grantSecurityRole(user: string, role: 'Manager' | 'NonVisible', options?: CallOptions): RpcReturn<'grantSecurityRole'> { return run(this, 'grantSecurityRole', arguments) }
  /** Alias of `grantSecurityRole`. */
  grant_security_role(user: string, role: 'Manager' | 'NonVisible', options?: CallOptions): RpcReturn<'grantSecurityRole'> { return run(this, 'grantSecurityRole', arguments) }
  /** Revoke a global role from a user (`DELETE /admin/security/roles/{role}/users/{user}`). */
  revokeSecurityRole(user: string, role: 'Manager' | 'NonVisible', options?: CallOptions): RpcReturn<'revokeSecurityRole'> { return run(this, 'revokeSecurityRole', arguments) }
  /** Alias of `revokeSecurityRole`. */
  revoke_security_role(user: string, role: 'Manager' | 'NonVisible', options?: CallOptions): RpcReturn<'revokeSecurityRole'> { return run(this, 'revokeSecurityRole', arguments) }
  /** Recompute the search keywords of every post (`POST /admin/maintenance/keywords`). */
  rebuildKeywords(options?: CallOptions): RpcReturn<'rebuildKeywords'> { return run(this, 'rebuildKeywords', arguments) }
  /** Recompute the last-comment date of every post (`POST /admin/maintenance/dates`). */
  rebuildDates(options?: CallOptions): RpcReturn<'rebuildDates'> { return run(this, 'rebuildDates', arguments) }
  /** Re-sync context subscriptions and their notification bindings (`POST /admin/maintenance/subscriptions`). */
  rebuildSubscriptions(options?: CallOptions): RpcReturn<'rebuildSubscriptions'> { return run(this, 'rebuildSubscriptions', arguments) }
  /** Re-sync conversations, their participants and bindings (`POST /admin/maintenance/conversations`). */
  rebuildConversations(options?: CallOptions): RpcReturn<'rebuildConversations'> { return run(this, 'rebuildConversations', arguments) }
  /** Fix user ownership fields and notification exchanges (`POST /admin/maintenance/users`). */
  rebuildUsers(options?: CallOptions): RpcReturn<'rebuildUsers'> { return run(this, 'rebuildUsers', arguments) }
  /** Move legacy per-user device tokens to the tokens collection (`POST /admin/maintenance/tokens`). */
  rebuildTokens(options?: CallOptions): RpcReturn<'rebuildTokens'> { return run(this, 'rebuildTokens', arguments) }
  /** List the logged server exceptions (`GET /admin/maintenance/exceptions`). */
  getExceptions(options?: CallOptions): RpcReturn<'getExceptions'> { return run(this, 'getExceptions', arguments) }
  /** Read one logged server exception (`GET /admin/maintenance/exceptions/{hash}`). */
  getException(hash: string, options?: CallOptions): RpcReturn<'getException'> { return run(this, 'getException', arguments) }
  /** Delete one logged server exception (`DELETE /admin/maintenance/exceptions/{hash}`). */
  deleteException(hash: string, options?: CallOptions): RpcReturn<'deleteException'> { return run(this, 'deleteException', arguments) }
}

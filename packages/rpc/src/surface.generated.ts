// Generated from the method table (src/table.ts) by test/surface.test.ts; do not edit. After changing
// the table: UPDATE_GENERATED=1 pnpm vitest run --project @maxclient/rpc test/surface.test.ts
import type { ContextPermission } from '@maxclient/resources'
import type { RpcHandWrittenMethods } from './client.js'
import type { RpcItem, RpcReturn } from './result.js'
import type {
  BodyOptions,
  CallOptions,
  ConversationProperties,
  IterateOptions,
  ListOptions,
  PermissionOptions,
  ReadOptions,
  TagsOptions,
  UserProperties,
} from './types.js'

/** The methods of `RpcClient` the table describes, with their parameter names and types. */
export interface RpcTableMethods {
  /** Search the people visible to you (`GET /people`). */
  getUsers(options?: ListOptions): RpcReturn<'getUsers'>
  /** Iterates {@link RpcTableMethods.getUsers} page by page. */
  iterateUsers(options?: IterateOptions): AsyncIterable<RpcItem<'getUsers'>>
  /** Read a user profile (the actor by default) (`GET /people/{username}`). */
  getUser(username?: string, options?: ReadOptions): RpcReturn<'getUser'>
  /** Update profile fields of a user (`PUT /people/{username}`). */
  modifyUser(username: string, properties: UserProperties, options?: BodyOptions): RpcReturn<'modifyUser'>
  /** Delete a user (`DELETE /people/{username}`). */
  deleteUser(username: string, options?: CallOptions): RpcReturn<'deleteUser'>
  /** List the posts of a user, optionally in one context (`GET /people/{username}/activities`). */
  getUserActivities(context?: string, count?: false, username?: string, options?: ListOptions): RpcReturn<'getUserActivities'>
  getUserActivities(context: string | undefined, count: true, username?: string, options?: ListOptions): RpcReturn<'countUserActivities'>
  /** Iterates {@link RpcTableMethods.getUserActivities} page by page. */
  iterateUserActivities(context?: string, username?: string, options?: IterateOptions): AsyncIterable<RpcItem<'getUserActivities'>>
  /** Count the posts of a user (`HEAD /people/{username}/activities`). */
  countUserActivities(context?: string, username?: string, options?: ListOptions): RpcReturn<'countUserActivities'>
  /** List the timeline of a user (`GET /people/{username}/timeline`). */
  getUserTimeline(username?: string, options?: ListOptions): RpcReturn<'getUserTimeline'>
  /** Iterates {@link RpcTableMethods.getUserTimeline} page by page. */
  iterateUserTimeline(username?: string, options?: IterateOptions): AsyncIterable<RpcItem<'getUserTimeline'>>
  /** List the latest distinct authors of a timeline (`GET /people/{username}/timeline/authors`). */
  getTimelineLastAuthors(limit?: number, username?: string, options?: CallOptions): RpcReturn<'getTimelineLastAuthors'>
  /** Count the latest distinct authors of a timeline (`HEAD /people/{username}/timeline/authors`). */
  countTimelineLastAuthors(limit?: number, username?: string, options?: CallOptions): RpcReturn<'countTimelineLastAuthors'>
  /** List every post in the system (Manager) (`GET /activities`). */
  getActivities(count?: false, options?: ListOptions): RpcReturn<'getActivities'>
  getActivities(count: true, options?: ListOptions): RpcReturn<'countActivities'>
  /** Alias of `getActivities`. */
  getAllActivities(count?: false, options?: ListOptions): RpcReturn<'getActivities'>
  getAllActivities(count: true, options?: ListOptions): RpcReturn<'countActivities'>
  /** Iterates {@link RpcTableMethods.getActivities} page by page. */
  iterateActivities(options?: IterateOptions): AsyncIterable<RpcItem<'getActivities'>>
  /** Count every post in the system (`HEAD /activities`). */
  countActivities(options?: ListOptions): RpcReturn<'countActivities'>
  /** Read one activity (`GET /activities/{activity}`). */
  getActivity(activity: string, options?: ReadOptions): RpcReturn<'getActivity'>
  /** Delete one activity (`DELETE /activities/{activity}`). */
  deleteActivity(activity: string, options?: CallOptions): RpcReturn<'deleteActivity'>
  /** List the posts of a context (`GET /contexts/{hash}/activities`). */
  getContextActivities(context: string, count?: false, options?: ListOptions): RpcReturn<'getContextActivities'>
  getContextActivities(context: string, count: true, options?: ListOptions): RpcReturn<'countContextActivities'>
  /** Iterates {@link RpcTableMethods.getContextActivities} page by page. */
  iterateContextActivities(context: string, options?: IterateOptions): AsyncIterable<RpcItem<'getContextActivities'>>
  /** Count the posts of a context (`HEAD /contexts/{hash}/activities`). */
  countContextActivities(context: string, options?: ListOptions): RpcReturn<'countContextActivities'>
  /** Alias of `addActivityAsContext`. */
  add_activity_as_context: RpcHandWrittenMethods['addActivityAsContext']
  /** List the latest distinct authors of a context (`GET /contexts/{hash}/activities/authors`). */
  getContextLastAuthors(context: string, limit?: number, options?: CallOptions): RpcReturn<'getContextLastAuthors'>
  /** Count the latest distinct authors of a context (`HEAD /contexts/{hash}/activities/authors`). */
  countContextLastAuthors(context: string, limit?: number, options?: CallOptions): RpcReturn<'countContextLastAuthors'>
  /** List the comments of an activity (`GET /activities/{activity}/comments`). */
  getComments(activity: string, options?: CallOptions): RpcReturn<'getComments'>
  /** Delete one comment of an activity (`DELETE /activities/{activity}/comments/{comment}`). */
  deleteComment(activity: string, comment: string, options?: CallOptions): RpcReturn<'deleteComment'>
  /** List every comment in the system (Manager) (`GET /activities/comments`). */
  getAllComments(count?: false, options?: ListOptions): RpcReturn<'getAllComments'>
  getAllComments(count: true, options?: ListOptions): RpcReturn<'countAllComments'>
  /** Iterates {@link RpcTableMethods.getAllComments} page by page. */
  iterateAllComments(options?: IterateOptions): AsyncIterable<RpcItem<'getAllComments'>>
  /** Count every comment in the system (`HEAD /activities/comments`). */
  countAllComments(options?: ListOptions): RpcReturn<'countAllComments'>
  /** List the comments a user wrote (`GET /people/{username}/comments`). */
  getUserComments(username?: string, options?: ListOptions): RpcReturn<'getUserComments'>
  /** Iterates {@link RpcTableMethods.getUserComments} page by page. */
  iterateUserComments(username?: string, options?: IterateOptions): AsyncIterable<RpcItem<'getUserComments'>>
  /** Count the comments a user wrote (`HEAD /people/{username}/comments`). */
  countUserComments(username?: string, options?: ListOptions): RpcReturn<'countUserComments'>
  /** List the comments on posts of a context (`GET /contexts/{hash}/comments`). */
  getContextComments(context: string, options?: ListOptions): RpcReturn<'getContextComments'>
  /** Iterates {@link RpcTableMethods.getContextComments} page by page. */
  iterateContextComments(context: string, options?: IterateOptions): AsyncIterable<RpcItem<'getContextComments'>>
  /** Count the comments on posts of a context (`HEAD /contexts/{hash}/comments`). */
  countContextComments(context: string, options?: ListOptions): RpcReturn<'countContextComments'>
  /** Like an activity as the actor (`POST /activities/{activity}/likes`). */
  likeActivity(activity: string, options?: CallOptions): RpcReturn<'likeActivity'>
  /** Remove the like of a user (the actor by default) (`DELETE /activities/{activity}/likes/{username}`). */
  unlikeActivity(activity: string, username?: string, options?: CallOptions): RpcReturn<'unlikeActivity'>
  /** Mark an activity as favorite of the actor (`POST /activities/{activity}/favorites`). */
  favoriteActivity(activity: string, options?: CallOptions): RpcReturn<'favoriteActivity'>
  /** Remove the favorite mark of a user (the actor by default) (`DELETE /activities/{activity}/favorites/{username}`). */
  unfavoriteActivity(activity: string, username?: string, options?: CallOptions): RpcReturn<'unfavoriteActivity'>
  /** Flag an activity of a context (`POST /activities/{activity}/flag`). */
  flagActivity(activity: string, options?: CallOptions): RpcReturn<'flagActivity'>
  /** Remove the flag of an activity (`DELETE /activities/{activity}/flag`). */
  unflagActivity(activity: string, options?: CallOptions): RpcReturn<'unflagActivity'>
  /** List or search every context (Manager) (`GET /contexts`). */
  getContexts(options?: ListOptions): RpcReturn<'getContexts'>
  /** Iterates {@link RpcTableMethods.getContexts} page by page. */
  iterateContexts(options?: IterateOptions): AsyncIterable<RpcItem<'getContexts'>>
  /** List the contexts anyone may subscribe to (`GET /contexts/public`). */
  getPublicContexts(options?: ListOptions): RpcReturn<'getPublicContexts'>
  /** Iterates {@link RpcTableMethods.getPublicContexts} page by page. */
  iteratePublicContexts(options?: IterateOptions): AsyncIterable<RpcItem<'getPublicContexts'>>
  /** Read a context (`GET /contexts/{hash}`). */
  getContext(url: string, options?: ReadOptions): RpcReturn<'getContext'>
  /** Alias of `getContext`. */
  get_context(url: string, options?: ReadOptions): RpcReturn<'getContext'>
  /** Update fields of a context (`PUT /contexts/{hash}`). */
  modifyContext(url: string, properties: Record<string, unknown>, options?: BodyOptions): RpcReturn<'modifyContext'>
  /** Delete a context (`DELETE /contexts/{hash}`). */
  deleteContext(url: string, options?: CallOptions): RpcReturn<'deleteContext'>
  /** Read the tags of a context (`GET /contexts/{hash}/tags`). */
  getContextTags(url: string, options?: CallOptions): RpcReturn<'getContextTags'>
  /** Add tags to a context and get the resulting list (`PUT /contexts/{hash}/tags`). */
  addTagsToContext(url: string, tags: readonly string[], options?: CallOptions): RpcReturn<'addTagsToContext'>
  /** Alias of `addTagsToContext`. */
  add_tags_to_context(url: string, tags: readonly string[], options?: CallOptions): RpcReturn<'addTagsToContext'>
  /** Remove every tag of a context (`DELETE /contexts/{hash}/tags`). */
  clearContextTags(url: string, options?: CallOptions): RpcReturn<'clearContextTags'>
  /** Remove one tag from a context (`DELETE /contexts/{hash}/tags/{tag}`). */
  removeTagFromContext(url: string, tag: string, options?: CallOptions): RpcReturn<'removeTagFromContext'>
  /** Alias of `removeTagFromContext`. */
  remove_tag_from_context(url: string, tag: string, options?: CallOptions): RpcReturn<'removeTagFromContext'>
  /** Subscribe a user (the actor by default) to a context (`POST /contexts/{hash}/subscriptions`). */
  subscribe(url: string, otype?: string, username?: string, options?: CallOptions): RpcReturn<'subscribe'>
  /** Unsubscribe a user (the actor by default) from a context (`DELETE /contexts/{hash}/subscriptions/{username}`). */
  unsubscribe(url: string, otype?: string, username?: string, options?: CallOptions): RpcReturn<'unsubscribe'>
  /** List the contexts a user (the actor by default) is subscribed to (`GET /people/{username}/subscriptions`). */
  subscribed(username?: string, options?: TagsOptions): RpcReturn<'subscribed'>
  /** List the users subscribed to a context (`GET /contexts/{hash}/subscriptions`). */
  subscribedToContext(url: string, options?: ListOptions): RpcReturn<'subscribedToContext'>
  /** Alias of `subscribedToContext`. */
  subscribed_to_context(url: string, options?: ListOptions): RpcReturn<'subscribedToContext'>
  /** List the contexts where a user turned push notifications off (`GET /people/{username}/unsubscriptionpush`). */
  getUserPushUnsubscriptions(username?: string, options?: TagsOptions): RpcReturn<'getUserPushUnsubscriptions'>
  /** List the users who turned push notifications off in a context (`GET /contexts/{hash}/unsubscriptionpush`). */
  getContextPushUnsubscriptions(url: string, options?: ListOptions): RpcReturn<'getContextPushUnsubscriptions'>
  /** Turn push notifications of a context off for a user (`POST /contexts/{hash}/unsubscriptionpush/{username}`). */
  disableContextPush(url: string, username?: string, options?: CallOptions): RpcReturn<'disableContextPush'>
  /** Turn push notifications of a context back on for a user (`DELETE /contexts/{hash}/subscriptionpush/{username}`). */
  enableContextPush(url: string, username?: string, options?: CallOptions): RpcReturn<'enableContextPush'>
  /** Grant a permission on a context to a user (default "read") (`PUT /contexts/{hash}/permissions/{username}/{permission}`). */
  grantPermission(url: string, username?: string, permission?: ContextPermission, options?: PermissionOptions): RpcReturn<'grantPermission'>
  /** Alias of `grantPermission`. */
  grant_permission(url: string, username?: string, permission?: ContextPermission, options?: PermissionOptions): RpcReturn<'grantPermission'>
  /** Revoke (veto) a permission on a context for a user (default "write") (`DELETE /contexts/{hash}/permissions/{username}/{permission}`). */
  revokePermission(url: string, username?: string, permission?: ContextPermission, options?: PermissionOptions): RpcReturn<'revokePermission'>
  /** Alias of `revokePermission`. */
  revoke_permission(url: string, username?: string, permission?: ContextPermission, options?: PermissionOptions): RpcReturn<'revokePermission'>
  /** Reset a user's permissions on a context to the context defaults (`POST /contexts/{hash}/permissions/{username}/defaults`). */
  resetPermissions(url: string, username?: string, options?: CallOptions): RpcReturn<'resetPermissions'>
  /** Delete one device token (`DELETE /tokens/{token}`). */
  deleteToken(token: string, options?: CallOptions): RpcReturn<'deleteToken'>
  /** List the device tokens of a user (`GET /people/{username}/tokens`). */
  getUserTokens(username?: string, options?: CallOptions): RpcReturn<'getUserTokens'>
  /** Delete every device token of a user (`DELETE /people/{username}/tokens`). */
  deleteUserTokens(username?: string, options?: CallOptions): RpcReturn<'deleteUserTokens'>
  /** List the device tokens of a user on one platform (`GET /people/{username}/tokens/platforms/{platform}`). */
  getUserPlatformTokens(platform: 'ios' | 'android', username?: string, options?: CallOptions): RpcReturn<'getUserPlatformTokens'>
  /** Delete the device tokens of a user on one platform (`DELETE /people/{username}/tokens/platforms/{platform}`). */
  deleteUserPlatformTokens(platform: 'ios' | 'android', username?: string, options?: CallOptions): RpcReturn<'deleteUserPlatformTokens'>
  /** List the device tokens of the subscribers of a context (`GET /contexts/{hash}/tokens`). */
  getContextTokens(url: string, options?: CallOptions): RpcReturn<'getContextTokens'>
  /** List the device tokens of the participants of a conversation (`GET /conversations/{id}/tokens`). */
  pushtokensByConversation(conversationId: string, options?: CallOptions): RpcReturn<'pushtokensByConversation'>
  /** Alias of `pushtokensByConversation`. */
  pushtokens_by_conversation(conversationId: string, options?: CallOptions): RpcReturn<'pushtokensByConversation'>
  /** List the actor's conversations (`GET /conversations`). */
  getConversations(options?: CallOptions): RpcReturn<'getConversations'>
  /** Delete every conversation of every user (Manager) (`DELETE /conversations`). */
  deleteAllConversations(options?: CallOptions): RpcReturn<'deleteAllConversations'>
  /** List the conversations found among the latest messages (`GET /conversations/active`). */
  getActiveConversations(options?: ListOptions): RpcReturn<'getActiveConversations'>
  /** Count the conversations found among the latest messages (`HEAD /conversations/active`). */
  countActiveConversations(options?: ListOptions): RpcReturn<'countActiveConversations'>
  /** Read one conversation (`GET /conversations/{id}`). */
  getConversation(id: string, options?: ReadOptions): RpcReturn<'getConversation'>
  /** Update a conversation (its displayName) (`PUT /conversations/{id}`). */
  modifyConversation(id: string, properties: ConversationProperties, options?: BodyOptions): RpcReturn<'modifyConversation'>
  /** Delete a conversation and its messages (`DELETE /conversations/{id}`). */
  deleteConversation(id: string, options?: CallOptions): RpcReturn<'deleteConversation'>
  /** Make another participant the owner of a conversation (`PUT /conversations/{id}/owner`). */
  transferConversationOwnership(id: string, username: string, options?: CallOptions): RpcReturn<'transferConversationOwnership'>
  /** Read a conversation as a user (the actor by default) sees it (`GET /people/{username}/conversations/{id}`). */
  getUserConversation(id: string, username?: string, options?: CallOptions): RpcReturn<'getUserConversation'>
  /** Add a user (the actor by default) to a group conversation (`POST /conversations/{id}/participants`). */
  addParticipant(id: string, username?: string, options?: CallOptions): RpcReturn<'addParticipant'>
  /** Remove a user (the actor by default, i.e. leave) from a conversation (`DELETE /conversations/{id}/participants/{username}`). */
  removeParticipant(id: string, username?: string, options?: CallOptions): RpcReturn<'removeParticipant'>
  /** List the messages of a conversation (each page oldest first) (`GET /conversations/{id}/messages`). */
  getConversationMessages(id: string, options?: ListOptions): RpcReturn<'getConversationMessages'>
  /** Iterates {@link RpcTableMethods.getConversationMessages} page by page. */
  iterateConversationMessages(id: string, options?: IterateOptions): AsyncIterable<RpcItem<'getConversationMessages'>>
  /** List every message in the system (Manager) (`GET /messages`). */
  getMessages(options?: ListOptions): RpcReturn<'getMessages'>
  /** Iterates {@link RpcTableMethods.getMessages} page by page. */
  iterateMessages(options?: IterateOptions): AsyncIterable<RpcItem<'getMessages'>>
  /** Count every message in the system (`HEAD /messages`). */
  countMessages(options?: ListOptions): RpcReturn<'countMessages'>
  /** Download the avatar of a user (PNG bytes) (`GET /people/{username}/avatar`). */
  getUserAvatar(username?: string, options?: CallOptions): RpcReturn<'getUserAvatar'>
  /** Download a named size ("large") of a user avatar (`GET /people/{username}/avatar/{size}`). */
  getUserAvatarSize(username: string, size: string, options?: CallOptions): RpcReturn<'getUserAvatarSize'>
  /** Download the avatar of a context (PNG bytes) (`GET /contexts/{hash}/avatar`). */
  getContextAvatar(url: string, options?: CallOptions): RpcReturn<'getContextAvatar'>
  /** Download the avatar of a conversation (PNG bytes) (`GET /conversations/{id}/avatar`). */
  getConversationAvatar(id: string, options?: CallOptions): RpcReturn<'getConversationAvatar'>
  /** Download the image of an image activity (`GET /activities/{activity}/image`). */
  getActivityImage(activity: string, options?: CallOptions): RpcReturn<'getActivityImage'>
  /** Download the "full" or "thumb" size of an activity image (`GET /activities/{activity}/image/{size}`). */
  getActivityImageSize(activity: string, size: 'full' | 'thumb', options?: CallOptions): RpcReturn<'getActivityImageSize'>
  /** Download the file of a file activity (`GET /activities/{activity}/file/download`). */
  getActivityFile(activity: string, options?: CallOptions): RpcReturn<'getActivityFile'>
  /** Download the image of a message (`GET /messages/{id}/image`). */
  getMessageImage(id: string, options?: CallOptions): RpcReturn<'getMessageImage'>
  /** Download the "full" or "thumb" size of a message image (`GET /messages/{id}/image/{size}`). */
  getMessageImageSize(id: string, size: 'full' | 'thumb', options?: CallOptions): RpcReturn<'getMessageImageSize'>
  /** Download the file of a message (`GET /messages/{id}/file/download`). */
  getMessageFile(id: string, options?: CallOptions): RpcReturn<'getMessageFile'>
  /** Read the public server settings (no auth) (`GET /info`). */
  getInfo(options?: CallOptions): RpcReturn<'getInfo'>
  /** Read the machine-readable endpoint list (no auth) (`GET /info/api`). */
  getApiInfo(byCategory?: boolean, options?: CallOptions): RpcReturn<'getApiInfo'>
  /** Read every server setting (Manager) (`GET /info/settings`). */
  getSettings(options?: CallOptions): RpcReturn<'getSettings'>
  /** Read the global role table (`GET /admin/security`). */
  getSecurity(options?: CallOptions): RpcReturn<'getSecurity'>
  /** List the users holding a global role (`GET /admin/security/users`). */
  getSecurityUsers(options?: CallOptions): RpcReturn<'getSecurityUsers'>
  /** Check that a user holds a global role (404 when not) (`GET /admin/security/roles/{role}/users/{user}`). */
  getUserSecurityRole(user: string, role: 'Manager' | 'NonVisible', options?: CallOptions): RpcReturn<'getUserSecurityRole'>
  /** Grant a global role (Manager, NonVisible) to a user (`POST /admin/security/roles/{role}/users/{user}`). */
  grantSecurityRole(user: string, role: 'Manager' | 'NonVisible', options?: CallOptions): RpcReturn<'grantSecurityRole'>
  /** Alias of `grantSecurityRole`. */
  grant_security_role(user: string, role: 'Manager' | 'NonVisible', options?: CallOptions): RpcReturn<'grantSecurityRole'>
  /** Revoke a global role from a user (`DELETE /admin/security/roles/{role}/users/{user}`). */
  revokeSecurityRole(user: string, role: 'Manager' | 'NonVisible', options?: CallOptions): RpcReturn<'revokeSecurityRole'>
  /** Alias of `revokeSecurityRole`. */
  revoke_security_role(user: string, role: 'Manager' | 'NonVisible', options?: CallOptions): RpcReturn<'revokeSecurityRole'>
  /** Recompute the search keywords of every post (`POST /admin/maintenance/keywords`). */
  rebuildKeywords(options?: CallOptions): RpcReturn<'rebuildKeywords'>
  /** Recompute the last-comment date of every post (`POST /admin/maintenance/dates`). */
  rebuildDates(options?: CallOptions): RpcReturn<'rebuildDates'>
  /** Re-sync context subscriptions and their notification bindings (`POST /admin/maintenance/subscriptions`). */
  rebuildSubscriptions(options?: CallOptions): RpcReturn<'rebuildSubscriptions'>
  /** Re-sync conversations, their participants and bindings (`POST /admin/maintenance/conversations`). */
  rebuildConversations(options?: CallOptions): RpcReturn<'rebuildConversations'>
  /** Fix user ownership fields and notification exchanges (`POST /admin/maintenance/users`). */
  rebuildUsers(options?: CallOptions): RpcReturn<'rebuildUsers'>
  /** Move legacy per-user device tokens to the tokens collection (`POST /admin/maintenance/tokens`). */
  rebuildTokens(options?: CallOptions): RpcReturn<'rebuildTokens'>
  /** List the logged server exceptions (`GET /admin/maintenance/exceptions`). */
  getExceptions(options?: CallOptions): RpcReturn<'getExceptions'>
  /** Read one logged server exception (`GET /admin/maintenance/exceptions/{hash}`). */
  getException(hash: string, options?: CallOptions): RpcReturn<'getException'>
  /** Delete one logged server exception (`DELETE /admin/maintenance/exceptions/{hash}`). */
  deleteException(hash: string, options?: CallOptions): RpcReturn<'deleteException'>
}

import { sha1Hex } from '@maxclient/resources'
import { validationError } from './errors.js'
import type { ActivityRecord, ContextRecord, ConversationRecord, PersonRecord } from './model.js'
import { canOnContext } from './permissions.js'
import type { Store } from './store.js'
import { formatDate } from './text.js'

const TWITTER_USERNAME = /^@?\w{1,15}$/

/** Validates and normalises a Twitter username (MAX lowercases it and drops the @). */
export function twitterUsername(value: unknown): string {
  if (typeof value !== 'string' || !TWITTER_USERNAME.test(value))
    throw validationError(
      `twitterUsername must be 1-15 letters, digits or underscores (optionally after @), got ${JSON.stringify(value)}`,
    )
  return value.replace(/^@/, '').toLowerCase()
}

/** Creates a person record (not stored). */
export function newPerson(
  store: Store,
  username: string,
  creator: string,
  displayName?: string,
): PersonRecord {
  const now = formatDate(store.now())
  return {
    id: store.newId(),
    username,
    displayName: displayName || username,
    published: now,
    lastLogin: now,
    creator,
    owner: username,
    subscribedTo: [],
    unsubscribedToPush: [],
    talkingIn: [],
  }
}

/** Stores a person unless one with that username exists; returns it and whether it is new. */
export function ensurePerson(
  store: Store,
  username: string,
  creator: string,
  displayName?: string,
): { person: PersonRecord; created: boolean } {
  const existing = store.people.get(username)
  if (existing) return { person: existing, created: false }
  const person = newPerson(store, username, creator, displayName)
  store.people.set(username, person)
  return { person, created: true }
}

/** Removes a user and everything that only made sense with them. */
export function deletePerson(store: Store, username: string): void {
  const person = store.people.get(username)
  store.avatars.delete(username)
  for (const [token, record] of store.deviceTokens)
    if (record.username === username) store.deviceTokens.delete(token)
  const displayName = store.people.get(username)?.displayName ?? username
  for (const conversation of store.conversations.values()) {
    if (!conversation.participants.includes(username)) continue
    leaveConversation(store, conversation, username)
    if (conversation.participants.includes(username)) {
      conversation.formerNames = [
        ...(conversation.formerNames ?? []).filter((n) => n.username !== username),
        { username, displayName },
      ]
    }
    if (conversation.tags.includes('single')) {
      conversation.tags = conversation.tags.filter((t) => t !== 'single')
      conversation.tags.push('archive')
    }
  }
  for (const role of Object.values(store.roles)) role.delete(username)
  if (person) store.people.delete(username)
}

const addTag = (conversation: ConversationRecord, tag: string) => {
  if (!conversation.tags.includes(tag)) conversation.tags.push(tag)
}

/**
 * Ends `username`'s subscription to a conversation, as MAX does: a group drops the participant
 * (and is archived when one person is left); a two-person conversation keeps both participants
 * and is tagged `single`.
 */
export function leaveConversation(store: Store, conversation: ConversationRecord, username: string): void {
  const person = store.people.get(username)
  if (person) person.talkingIn = person.talkingIn.filter((id) => id !== conversation.id)
  const group = conversation.tags.includes('group')
  if (group && conversation.participants.length >= 2)
    conversation.participants = conversation.participants.filter((p) => p !== username)
  if (!group && conversation.participants.length === 2) addTag(conversation, 'single')
  if (group && conversation.participants.length === 1) addTag(conversation, 'archive')
}

/** Subscribes every participant again to a `single` conversation (someone wrote in it). */
export function reopenSingle(store: Store, conversation: ConversationRecord): void {
  if (!conversation.tags.includes('single')) return
  for (const username of conversation.participants) {
    const person = store.people.get(username)
    if (person && !person.talkingIn.includes(conversation.id)) person.talkingIn.push(conversation.id)
  }
  conversation.tags = conversation.tags.filter((t) => t !== 'single')
}

/** A recreated user brings their archived two-person conversations back to `single`. */
export function restoreArchived(store: Store, username: string): void {
  for (const conversation of store.conversations.values()) {
    if (
      conversation.participants.length === 2 &&
      conversation.participants.includes(username) &&
      !conversation.tags.includes('group') &&
      conversation.tags.includes('archive')
    ) {
      conversation.tags = conversation.tags.filter((t) => t !== 'archive')
      addTag(conversation, 'single')
    }
  }
}

/** Context hash of a URL (sha1 hex), as MAX computes it. */
export function hashOfUrl(url: string): string {
  return sha1Hex(url)
}

/** Whether `requester` may read an activity (posts outside contexts are readable by everyone). */
export function canReadActivity(store: Store, activity: ActivityRecord, requester: string): boolean {
  if (!activity.context) return true
  const context = store.contexts.get(activity.context)
  if (!context) return store.isManager(requester)
  return canOnContext(store, requester, context, 'read')
}

/** Post activities in `context` and in contexts whose URL starts with its URL. */
export function contextFamily(store: Store, context: ContextRecord): Set<string> {
  const family = new Set<string>()
  for (const other of store.contexts.values()) if (other.url.startsWith(context.url)) family.add(other.hash)
  return family
}

/** Activities sorted the way MAX lists them (newest first, or by the sort strategy). */
export function sortActivities(
  activities: ActivityRecord[],
  sort: 'published' | 'likes' | 'flagged',
  priority: 'activity' | 'comments',
): ActivityRecord[] {
  const byKey = (a: ActivityRecord) => (priority === 'comments' ? a.lastComment : a.id)
  const newestFirst = (a: ActivityRecord, b: ActivityRecord) =>
    byKey(a) < byKey(b) ? 1 : byKey(a) > byKey(b) ? -1 : 0
  if (sort === 'likes') {
    const liked = activities.filter((a) => a.likes.length > 0)
    const rest = activities.filter((a) => a.likes.length === 0)
    liked.sort(
      (a, b) =>
        b.likes.length - a.likes.length ||
        (b.lastLike ?? '').localeCompare(a.lastLike ?? '') ||
        (b.likes.at(-1)?.order ?? '').localeCompare(a.likes.at(-1)?.order ?? '') ||
        newestFirst(a, b),
    )
    return [...liked, ...rest.sort(newestFirst)]
  }
  if (sort === 'flagged') {
    const flagged = activities.filter((a) => a.flagged)
    const rest = activities.filter((a) => !a.flagged)
    flagged.sort((a, b) => (b.flagged ?? '').localeCompare(a.flagged ?? '') || newestFirst(a, b))
    return [...flagged, ...rest.sort(newestFirst)]
  }
  return activities.sort(newestFirst)
}

/** The cursor a sorted list pages on. */
export function cursorKey(priority: 'activity' | 'comments') {
  return (a: ActivityRecord) => (priority === 'comments' ? a.lastComment : a.id)
}

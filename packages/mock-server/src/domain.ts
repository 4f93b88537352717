import { sha1Hex } from '@maxclient/resources'
import { validationError } from './errors.js'
import type { ActivityRecord, ContextRecord, PersonRecord } from './model.js'
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
  store.people.delete(username)
  store.avatars.delete(username)
  for (const [token, record] of store.deviceTokens)
    if (record.username === username) store.deviceTokens.delete(token)
  for (const conversation of store.conversations.values()) {
    conversation.participants = conversation.participants.filter((p) => p !== username)
  }
  for (const role of Object.values(store.roles)) role.delete(username)
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

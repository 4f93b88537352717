import type { ContextPermission as PermissionName, PermissionPolicy } from '@maxclient/resources'
import type { IdState } from './ids.js'

export {
  CONTEXT_PERMISSIONS as PERMISSION_NAMES,
  type ContextPermission as PermissionName,
  type PermissionPolicy,
} from '@maxclient/resources'

/** A user's subscription to a context. */
export interface SubscriptionRecord {
  hash: string
  grants: PermissionName[]
  vetos: PermissionName[]
}

/** A person as the mock stores it (part of a {@link MockSnapshot}). */
export interface PersonRecord {
  id: string
  username: string
  displayName: string
  twitterUsername?: string
  published: string
  lastLogin: string
  creator: string
  owner: string
  subscribedTo: SubscriptionRecord[]
  /** Hashes of contexts whose push notifications the user turned off. */
  unsubscribedToPush: string[]
  /** Conversation ids. */
  talkingIn: string[]
}

/** A context as the mock stores it. */
export interface ContextRecord {
  id: string
  hash: string
  url: string
  displayName: string
  tags: string[]
  notifications: boolean | string
  permissions: Partial<Record<PermissionName, PermissionPolicy>>
  published: string
  creator: string
  owner: string
  twitterHashtag?: string
  twitterUsername?: string
  uploadURL?: string
}

/** The object of an activity or message. */
export interface ObjectRecord {
  objectType: string
  content?: string
  url?: string
  filename?: string
  mimetype?: string
  /** Key into the file table when a file or image was uploaded. */
  fileId?: string
  [key: string]: unknown
}

export type ActorRef = { kind: 'person'; username: string } | { kind: 'context'; hash: string }

export interface MarkRecord {
  username: string
  published: string
  /** An ObjectId taken when the mark was made: orders marks made within the same second. */
  order?: string
}

/** An activity or comment as the mock stores it. */
export interface ActivityRecord {
  id: string
  verb: 'post' | 'comment' | 'subscribe'
  actor: ActorRef
  /** Hash of the context the activity was posted in, when any. */
  context?: string
  object: ObjectRecord
  published: string
  creator: string
  owner: string
  generator: string | null
  keywords: string[]
  hashtags: string[]
  likes: MarkRecord[]
  favorites: MarkRecord[]
  flagged?: string
  lastLike?: string
  /** Id of the newest comment, or the activity id itself. */
  lastComment: string
  /** For comments: id of the commented activity. */
  inReplyTo?: string
}

/** A conversation as the mock stores it. */
export interface ConversationRecord {
  id: string
  displayName?: string
  participants: string[]
  /**
   * Display names of participants whose profile was deleted: MAX stores each participant's name
   * in the conversation, so the others keep seeing it.
   */
  formerNames?: Array<{ username: string; displayName: string }>
  tags: string[]
  creator: string
  owner: string
  published: string
  lastMessage?: string
}

/** A message of a conversation as the mock stores it. */
export interface MessageRecord {
  id: string
  conversation: string
  actor: string
  object: ObjectRecord
  published: string
  creator: string
  owner: string
  generator: string | null
  keywords: string[]
}

/** A device token as the mock stores it. */
export interface DeviceTokenRecord {
  id: string
  token: string
  platform: 'ios' | 'android'
  device: string | null
  username: string
  published: string
}

/** Uploaded bytes (avatars, activity and message attachments), base64 so the state stays JSON. */
export interface FileRecord {
  id: string
  mimetype: string
  filename?: string
  base64: string
}

export interface ExceptionRecord {
  id: string
  date: string
  request: string
  traceback: string
}

/**
 * The whole server state as plain JSON data: what `snapshot()` returns, `restore()` accepts and
 * `--data FILE` stores. Tokens issued by the OAuth endpoint are part of it, so a saved demo keeps
 * its logins (which is why the command writes the file with mode 0600).
 */
export interface MockSnapshot {
  format: 'maxclient-mock-server'
  version: 1
  ids: IdState
  people: PersonRecord[]
  contexts: ContextRecord[]
  activities: ActivityRecord[]
  conversations: ConversationRecord[]
  messages: MessageRecord[]
  deviceTokens: DeviceTokenRecord[]
  files: FileRecord[]
  /** Avatar file id per username. */
  avatars: Array<{ username: string; file: string }>
  roles: { Manager: string[]; NonVisible: string[] }
  /** OAuth access tokens and the user each belongs to. */
  oauthTokens: Array<{ token: string; username: string }>
  exceptions: ExceptionRecord[]
  securityId: string
}

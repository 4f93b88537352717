import { SECURITY_ROLES, type SecurityRole } from '@maxclient/resources'
import { type IdState, nextObjectId } from './ids.js'
import type {
  ActivityRecord,
  ContextRecord,
  ConversationRecord,
  DeviceTokenRecord,
  ExceptionRecord,
  FileRecord,
  MessageRecord,
  MockSnapshot,
  PersonRecord,
} from './model.js'

/** Global roles MAX knows. */
export const ROLES = SECURITY_ROLES
export type RoleName = SecurityRole

/**
 * In-memory state. Every table is a Map, so keys sent by clients (usernames, tags, tokens) can
 * never reach an object prototype.
 */
export class Store {
  ids: IdState = { lastSeconds: 0, counter: 0 }
  people = new Map<string, PersonRecord>()
  contexts = new Map<string, ContextRecord>()
  activities = new Map<string, ActivityRecord>()
  conversations = new Map<string, ConversationRecord>()
  messages = new Map<string, MessageRecord>()
  deviceTokens = new Map<string, DeviceTokenRecord>()
  files = new Map<string, FileRecord>()
  avatars = new Map<string, string>()
  roles: Record<RoleName, Set<string>> = { Manager: new Set(), NonVisible: new Set() }
  oauthTokens = new Map<string, string>()
  exceptions = new Map<string, ExceptionRecord>()
  securityId = ''

  constructor(readonly clock: () => Date) {}

  /** The current time, from the configured clock. */
  now(): Date {
    return this.clock()
  }

  newId(): string {
    return nextObjectId(this.ids, this.now())
  }

  isManager(username: string): boolean {
    return this.roles.Manager.has(username)
  }

  snapshot(): MockSnapshot {
    return structuredClone({
      format: 'maxclient-mock-server',
      version: 1,
      ids: this.ids,
      people: [...this.people.values()],
      contexts: [...this.contexts.values()],
      activities: [...this.activities.values()],
      conversations: [...this.conversations.values()],
      messages: [...this.messages.values()],
      deviceTokens: [...this.deviceTokens.values()],
      files: [...this.files.values()],
      avatars: [...this.avatars].map(([username, file]) => ({ username, file })),
      roles: { Manager: [...this.roles.Manager], NonVisible: [...this.roles.NonVisible] },
      oauthTokens: [...this.oauthTokens].map(([token, username]) => ({ token, username })),
      exceptions: [...this.exceptions.values()],
      securityId: this.securityId,
    } satisfies MockSnapshot)
  }

  restore(input: MockSnapshot): void {
    const s = structuredClone(checkSnapshot(input))
    this.ids = s.ids
    this.people = new Map(s.people.map((p) => [p.username, p]))
    this.contexts = new Map(s.contexts.map((c) => [c.hash, c]))
    this.activities = new Map(s.activities.map((a) => [a.id, a]))
    this.conversations = new Map(s.conversations.map((c) => [c.id, c]))
    this.messages = new Map(s.messages.map((m) => [m.id, m]))
    this.deviceTokens = new Map(s.deviceTokens.map((t) => [t.token, t]))
    this.files = new Map(s.files.map((f) => [f.id, f]))
    this.avatars = new Map(s.avatars.map((a) => [a.username, a.file]))
    this.roles = { Manager: new Set(s.roles.Manager), NonVisible: new Set(s.roles.NonVisible) }
    this.oauthTokens = new Map(s.oauthTokens.map((t) => [t.token, t.username]))
    this.exceptions = new Map(s.exceptions.map((e) => [e.id, e]))
    this.securityId = s.securityId
  }
}

const ARRAY_KEYS = [
  'people',
  'contexts',
  'activities',
  'conversations',
  'messages',
  'deviceTokens',
  'files',
  'avatars',
  'oauthTokens',
  'exceptions',
] as const

/** Checks the outer shape of a snapshot so a wrong file fails with a clear message. */
function checkSnapshot(input: unknown): MockSnapshot {
  const fail = (what: string): never => {
    throw new TypeError(
      `Not a mock-server snapshot: ${what}. Pass the value returned by snapshot() (or a file written by max-mock-server --data).`,
    )
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) fail('expected an object')
  const s = input as Record<string, unknown>
  if (s.format !== 'maxclient-mock-server') fail('"format" must be "maxclient-mock-server"')
  if (s.version !== 1) fail(`"version" must be 1, got ${JSON.stringify(s.version)}`)
  for (const key of ARRAY_KEYS) if (!Array.isArray(s[key])) fail(`"${key}" must be an array`)
  const ids = s.ids as Record<string, unknown> | undefined
  if (typeof ids?.lastSeconds !== 'number' || typeof ids?.counter !== 'number')
    fail('"ids" must be {lastSeconds, counter}')
  const roles = s.roles as Record<string, unknown> | undefined
  if (!Array.isArray(roles?.Manager) || !Array.isArray(roles?.NonVisible))
    fail('"roles" must be {Manager: [], NonVisible: []}')
  if (typeof s.securityId !== 'string') fail('"securityId" must be a string')
  return s as unknown as MockSnapshot
}

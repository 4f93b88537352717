import {
  type ContextRecord,
  PERMISSION_NAMES,
  type PermissionName,
  type PermissionPolicy,
  type PersonRecord,
  type SubscriptionRecord,
} from './model.js'
import type { Store } from './store.js'

/** Policies of a context created without `permissions` (MAX's context schema default). */
export const CONTEXT_CREATION_DEFAULTS: Partial<Record<PermissionName, PermissionPolicy>> = {
  read: 'restricted',
  write: 'restricted',
  subscribe: 'restricted',
  invite: 'restricted',
}

/** Conversation permission policies (fixed in MAX). */
export const CONVERSATION_PERMISSIONS = {
  read: 'subscribed',
  write: 'subscribed',
  subscribe: 'restricted',
  unsubscribe: 'subscribed',
} as const

/**
 * What a participant's conversation subscription lists: the owner of a group may invite and kick
 * but not leave; everyone else may read, write and leave.
 */
export function conversationSubscriptionPermissions(
  conversation: { owner: string; tags: string[] },
  username: string,
): string[] {
  if (conversation.tags.includes('group') && conversation.owner === username)
    return ['read', 'write', 'invite', 'kick']
  return ['read', 'write', 'unsubscribe']
}

const POLICIES = new Set<string>(['public', 'subscribed', 'restricted'])

export function isPermissionName(name: string): name is PermissionName {
  return (PERMISSION_NAMES as readonly string[]).includes(name)
}

export function isPolicy(value: unknown): value is PermissionPolicy {
  return typeof value === 'string' && POLICIES.has(value)
}

/**
 * The policy of one permission; unset ones are restricted, as on the server, except `unsubscribe`,
 * which follows `subscribe` when it is not set.
 */
export function policyOf(context: ContextRecord, name: PermissionName): PermissionPolicy {
  if (name === 'unsubscribe')
    return context.permissions.unsubscribe ?? context.permissions.subscribe ?? 'restricted'
  return context.permissions[name] ?? 'restricted'
}

/** All eight permissions with their policy (GET /contexts/{hash} shows them completed). */
export function fullPermissions(context: ContextRecord): Record<PermissionName, PermissionPolicy> {
  const out = {} as Record<PermissionName, PermissionPolicy>
  for (const name of PERMISSION_NAMES) out[name] = policyOf(context, name)
  return out
}

/** Permissions a subscriber holds: every non-restricted policy, plus grants, minus vetos. */
export function subscriptionPermissions(context: ContextRecord, sub: SubscriptionRecord): PermissionName[] {
  return PERMISSION_NAMES.filter((name) => {
    if (sub.vetos.includes(name)) return false
    if (sub.grants.includes(name)) return true
    return policyOf(context, name) !== 'restricted'
  })
}

export function findSubscription(person: PersonRecord | undefined, hash: string) {
  return person?.subscribedTo.find((s) => s.hash === hash)
}

/**
 * Whether `username` may use `name` on a context: Managers and the context owner always may;
 * a subscriber holds what their subscription lists; anyone else only public permissions.
 */
export function canOnContext(
  store: Store,
  username: string,
  context: ContextRecord,
  name: PermissionName,
): boolean {
  if (store.isManager(username) || context.owner === username) return true
  const sub = findSubscription(store.people.get(username), context.hash)
  if (sub) return subscriptionPermissions(context, sub).includes(name)
  return policyOf(context, name) === 'public'
}

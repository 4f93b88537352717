import type { HttpMethod } from '@maxclient/core'
import { usageError } from './errors.js'

/** HTTP methods of the catalog. */
export type Method = HttpMethod

/** One endpoint call described as data: what `buildRequest` of @maxclient/resources takes. */
export interface EndpointCall {
  method: Method
  pattern: string
  params: Record<string, string>
  input?: Record<string, unknown>
}

/** Values of one operation row (CSV cells are strings; JSON Lines may carry arrays and booleans). */
export type RowValues = Record<string, unknown>

/** An operation usable from a bulk file and from the everyday commands. */
export interface OperationSpec {
  summary: string
  required: readonly string[]
  optional: readonly string[]
  /** Re-sending it after an unknown outcome cannot apply it twice. */
  idempotent: boolean
  /** When re-running a row whose outcome was unknown, these statuses mean "it was already applied". */
  alreadyAppliedStatuses?: readonly number[]
  build(values: Record<string, string | string[]>): EndpointCall
}

const tagsOf = (value: string | string[] | undefined): string[] | undefined =>
  value === undefined
    ? undefined
    : (Array.isArray(value) ? value : value.split(',')).map((tag) => tag.trim()).filter((tag) => tag !== '')

const str = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value.join(',') : value

function compact(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined))
}

/**
 * The operations of `maxcli bulk` (the `op` column). Names read as `resource.verb`, except the
 * two everyday verbs `subscribe` and `unsubscribe`. Contexts are given as URL or hash.
 */
export const operations = {
  'user.add': {
    summary: 'create a user (idempotent: an existing user is left as is)',
    required: ['username'],
    optional: ['displayName'],
    idempotent: true,
    build: (v) => ({
      method: 'POST',
      pattern: '/people',
      params: {},
      input: compact({ username: str(v.username), displayName: str(v.displayName) }),
    }),
  },
  'user.modify': {
    summary: "change a user's display name",
    required: ['username', 'displayName'],
    optional: [],
    idempotent: true,
    build: (v) => ({
      method: 'PUT',
      pattern: '/people/{username}',
      params: { username: str(v.username)! },
      input: { displayName: str(v.displayName) },
    }),
  },
  'user.delete': {
    summary: 'delete a user',
    required: ['username'],
    optional: [],
    idempotent: true,
    alreadyAppliedStatuses: [404],
    build: (v) => ({
      method: 'DELETE',
      pattern: '/people/{username}',
      params: { username: str(v.username)! },
    }),
  },
  'context.add': {
    summary: 'create a context by URL',
    required: ['url'],
    optional: ['displayName', 'tags'],
    idempotent: true,
    build: (v) => ({
      method: 'POST',
      pattern: '/contexts',
      params: {},
      input: compact({ url: str(v.url), displayName: str(v.displayName), tags: tagsOf(v.tags) }),
    }),
  },
  'context.modify': {
    summary: "change a context's display name or tags",
    required: ['context'],
    optional: ['displayName', 'tags'],
    idempotent: true,
    build: (v) => ({
      method: 'PUT',
      pattern: '/contexts/{hash}',
      params: { hash: str(v.context)! },
      input: compact({ displayName: str(v.displayName), tags: tagsOf(v.tags) }),
    }),
  },
  'context.delete': {
    summary: 'delete a context',
    required: ['context'],
    optional: [],
    idempotent: true,
    alreadyAppliedStatuses: [404],
    build: (v) => ({ method: 'DELETE', pattern: '/contexts/{hash}', params: { hash: str(v.context)! } }),
  },
  subscribe: {
    summary: 'subscribe a user to a context',
    required: ['username', 'context'],
    optional: [],
    idempotent: true,
    build: (v) => ({
      method: 'POST',
      pattern: '/contexts/{hash}/subscriptions',
      params: { hash: str(v.context)! },
      input: { actor: { objectType: 'person', username: str(v.username) } },
    }),
  },
  unsubscribe: {
    summary: 'unsubscribe a user from a context',
    required: ['username', 'context'],
    optional: [],
    idempotent: true,
    alreadyAppliedStatuses: [404],
    build: (v) => ({
      method: 'DELETE',
      pattern: '/contexts/{hash}/subscriptions/{username}',
      params: { hash: str(v.context)!, username: str(v.username)! },
    }),
  },
  'role.grant': {
    summary: 'grant a security role (e.g. Manager) to a user',
    required: ['role', 'username'],
    optional: [],
    idempotent: true,
    build: (v) => ({
      method: 'POST',
      pattern: '/admin/security/roles/{role}/users/{user}',
      params: { role: str(v.role)!, user: str(v.username)! },
    }),
  },
  'role.revoke': {
    summary: 'revoke a security role from a user',
    required: ['role', 'username'],
    optional: [],
    idempotent: true,
    alreadyAppliedStatuses: [404],
    build: (v) => ({
      method: 'DELETE',
      pattern: '/admin/security/roles/{role}/users/{user}',
      params: { role: str(v.role)!, user: str(v.username)! },
    }),
  },
  'permission.grant': {
    summary: 'grant a context permission (read, write, subscribe, invite, ...) to a user',
    required: ['context', 'username', 'permission'],
    optional: [],
    idempotent: true,
    build: (v) => ({
      method: 'PUT',
      pattern: '/contexts/{hash}/permissions/{username}/{permission}',
      params: { hash: str(v.context)!, username: str(v.username)!, permission: str(v.permission)! },
    }),
  },
  'permission.revoke': {
    summary: 'revoke a context permission from a user',
    required: ['context', 'username', 'permission'],
    optional: [],
    idempotent: true,
    build: (v) => ({
      method: 'DELETE',
      pattern: '/contexts/{hash}/permissions/{username}/{permission}',
      params: { hash: str(v.context)!, username: str(v.username)!, permission: str(v.permission)! },
    }),
  },
  'activity.post': {
    summary: "post a note to a user's stream (username, default: you) or to a context",
    required: ['content'],
    optional: ['username', 'context'],
    idempotent: false,
    build: (v): EndpointCall => {
      const object = { objectType: 'note', content: str(v.content) }
      if (v.context !== undefined) {
        const input: Record<string, unknown> = { object }
        if (v.username !== undefined) input.actor = { objectType: 'person', username: str(v.username) }
        return {
          method: 'POST',
          pattern: '/contexts/{hash}/activities',
          params: { hash: str(v.context)! },
          input,
        }
      }
      return {
        method: 'POST',
        pattern: '/people/{username}/activities',
        params: { username: str(v.username) ?? ':me' },
        input: { object },
      }
    },
  },
} satisfies Record<string, OperationSpec>

export type OperationName = keyof typeof operations

export const operationNames = Object.keys(operations) as OperationName[]

/** Looks up an operation by name, own keys only. */
export function findOperation(name: string): OperationSpec | undefined {
  return Object.hasOwn(operations, name) ? (operations as Record<string, OperationSpec>)[name] : undefined
}

/**
 * Checks one row and turns it into an endpoint call. Errors name the row's problem and what would
 * be right: unknown operation (with the list), missing or unknown fields (with the allowed ones).
 */
export function planRow(values: RowValues): { op: OperationName; call: EndpointCall } {
  const op = values.op
  if (typeof op !== 'string' || op === '') {
    throw usageError(`missing "op": one of ${operationNames.join(', ')}`)
  }
  const spec = findOperation(op)
  if (!spec) throw usageError(`unknown op "${op}": use one of ${operationNames.join(', ')}`)
  const allowed = new Set(['op', ...spec.required, ...spec.optional])
  const clean: Record<string, string | string[]> = Object.create(null)
  for (const [key, value] of Object.entries(values)) {
    // Empty cells are absent: one CSV file can mix operations with different columns.
    if (key === 'op' || value === undefined || value === null || value === '') continue
    if (!allowed.has(key)) {
      throw usageError(
        `unknown field "${key}" for ${op}: allowed fields are ${[...allowed].slice(1).join(', ')}`,
      )
    }
    if (typeof value === 'string') clean[key] = value
    else if (typeof value === 'number' || typeof value === 'boolean') clean[key] = String(value)
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) clean[key] = value
    else throw usageError(`field "${key}" of ${op} must be text, got ${JSON.stringify(value)}`)
  }
  const missing = spec.required.filter((key) => clean[key] === undefined)
  if (missing.length > 0) throw usageError(`${op} needs ${missing.map((key) => `"${key}"`).join(', ')}`)
  return { op: op as OperationName, call: spec.build(clean) }
}

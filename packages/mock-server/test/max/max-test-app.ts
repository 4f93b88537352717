/**
 * The harness of the MAX test port: the same helpers MAX's test base class offers (users,
 * contexts, subscriptions, activities…), a webtest-like `app` speaking plain HTTP to a mock server
 * on 127.0.0.1, and small Python-semantics helpers so each ported test reads like its original.
 */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, beforeEach, expect } from 'vitest'
import type { RunningMockServer } from '../../src/index.js'
import { startMockServer } from '../../src/index.js'
import { MOCKERS } from './mockers.js'

export const test_manager = 'test_manager'
export const test_manager2 = 'test_manager_2'

/** Fresh copies of MAX's test payloads (`max/tests/mockers.py`), so no test sees another's edits. */
export function mockers(): Record<string, any> {
  return structuredClone(MOCKERS)
}

let current: RunningMockServer | undefined
/** Seconds added to the wall clock: MAX's tests sleep to order dates, the port moves the clock instead. */
let clockOffset = 0

/** MAX's `time.sleep(seconds)` between two calls: the mock's clock moves on at once. */
export function advanceClock(seconds: number): void {
  clockOffset += seconds * 1000
}
const tokens = new Map<string, string>()

/** MAX's `oauth2Header`: a real token of the mock for `username` unless one is given. */
export function oauth2Header(username: string, token?: string, scope = 'widgetcli'): Record<string, string> {
  let value = token
  if (value === undefined) {
    value = tokens.get(username)
    if (value === undefined) {
      if (!current) throw new Error('oauth2Header needs a running server')
      value = current.issueToken(username.toLowerCase())
      tokens.set(username, value)
    }
  }
  return { 'X-Oauth-Token': value, 'X-Oauth-Username': username, 'X-Oauth-Scope': scope }
}

/** A webtest-like response. */
export interface Res {
  status: number
  status_int: number
  /** Response headers, read case-insensitively like webtest's (`res.headers['X-Foo']`). */
  headers: Record<string, string>
  text: string
  /** The parsed JSON body (undefined when the body is not JSON). */
  json: any
}

type Params = string | Record<string, unknown> | undefined

function encodeParams(params: Record<string, unknown>): string {
  const out = new URLSearchParams()
  for (const [key, value] of Object.entries(params))
    for (const v of Array.isArray(value) ? value : [value]) out.append(key, String(v))
  return out.toString()
}

function headersOf(response: Response): Record<string, string> {
  const out: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    out[name] = value
  })
  return new Proxy(out, {
    get: (target, key) => (typeof key === 'string' ? target[key.toLowerCase()] : undefined),
    has: (target, key) => typeof key === 'string' && key.toLowerCase() in target,
    getOwnPropertyDescriptor: (target, key) =>
      typeof key === 'string' ? Object.getOwnPropertyDescriptor(target, key.toLowerCase()) : undefined,
  })
}

async function call(
  method: string,
  path: string,
  params: Params,
  headers: Record<string, string> = {},
  options: { status?: number; headers?: Record<string, string> } & Record<string, unknown> = {},
): Promise<Res> {
  if (!current) throw new Error('no server')
  const sent: Record<string, string> = { ...headers, ...options.headers }
  let url = path
  let body: string | undefined
  const query: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(options))
    if (key !== 'status' && key !== 'headers') query[key] = value
  if (method === 'GET' || method === 'HEAD') {
    // webtest puts GET params in the query string, even a JSON string.
    if (typeof params === 'string' && params !== '') url += (url.includes('?') ? '&' : '?') + params
    else if (params && typeof params === 'object') Object.assign(query, params)
  } else if (typeof params === 'string') {
    if (params !== '') body = params
  } else if (params && Object.keys(params).length > 0) {
    body = encodeParams(params)
    sent['Content-Type'] ??= 'application/x-www-form-urlencoded'
  }
  if (Object.keys(query).length > 0) url += (url.includes('?') ? '&' : '?') + encodeParams(query)
  const response = await fetch(`${current.url}${url}`, { method, headers: sent, body: body ?? null })
  const text = method === 'HEAD' ? '' : await response.text()
  let json: any
  if (text !== '') {
    try {
      json = JSON.parse(text)
    } catch {
      json = undefined
    }
  }
  const res: Res = {
    status: response.status,
    status_int: response.status,
    headers: headersOf(response),
    text,
    json,
  }
  if (options.status !== undefined && options.status !== res.status) {
    const why =
      json && typeof json === 'object' && 'error' in json ? ` ${json.error}: ${json.error_description}` : ''
    throw new Error(`${method} ${path}: status ${res.status}, expected ${options.status}.${why}`)
  }
  return res
}

type Extra = { status?: number; headers?: Record<string, string> } & Record<string, unknown>

/** The webtest app MAX's tests drive: `app.post(url, params, headers, {status})`. */
export const app = {
  get: (url: string, params?: Params, headers?: Record<string, string>, opts?: Extra) =>
    call('GET', url, params, headers, opts),
  head: (url: string, params?: Params, headers?: Record<string, string>, opts?: Extra) =>
    call('HEAD', url, params, headers, opts),
  post: (url: string, params?: Params, headers?: Record<string, string>, opts?: Extra) =>
    call('POST', url, params, headers, opts),
  put: (url: string, params?: Params, headers?: Record<string, string>, opts?: Extra) =>
    call('PUT', url, params, headers, opts),
  delete: (url: string, params?: Params, headers?: Record<string, string>, opts?: Extra) =>
    call('DELETE', url, params, headers, opts),
}

/** The helpers of MAX's `MaxTestBase`, with the same defaults. */
export const base = {
  create_user(username: string, qs_params: any = {}, expect = 201, creator = test_manager, extra: any = {}) {
    const qs = Object.keys(qs_params ?? {}).length > 0 ? `?${encodeParams(qs_params)}` : ''
    return app.post(`/people${qs}`, JSON.stringify({ username, ...extra }), oauth2Header(creator), {
      status: expect ?? 201,
    })
  },
  modify_user(username: string, properties: any) {
    return app.put(`/people/${username}`, JSON.stringify(properties), oauth2Header(username))
  },
  create_activity(username: string, activity: any, oauth_username?: string, expect = 201, note?: string) {
    const payload = deepcopy(activity)
    if (note !== undefined && note !== null) payload.object.content = note
    return app.post(
      `/people/${username}/activities`,
      JSON.stringify(payload),
      oauth2Header(oauth_username ?? username),
      {
        status: expect ?? 201,
      },
    )
  },
  comment_activity(username: string, activity_id: string, comment: any, expect = 201) {
    return app.post(`/activities/${activity_id}/comments`, JSON.stringify(comment), oauth2Header(username), {
      status: expect,
    })
  },
  delete_activity_comment(username: string, activity_id: string, comment_id: string, expect = 204) {
    return app.delete(`/activities/${activity_id}/comments/${comment_id}`, '', oauth2Header(username), {
      status: expect,
    })
  },
  like_activity(username: string, activity_id: string, expect = 201) {
    return app.post(`/activities/${activity_id}/likes`, '', oauth2Header(username), { status: expect })
  },
  flag_activity(username: string, activity_id: string, expect = 201) {
    return app.post(`/activities/${activity_id}/flag`, '', oauth2Header(username), { status: expect })
  },
  unflag_activity(username: string, activity_id: string, expect = 204) {
    return app.delete(`/activities/${activity_id}/flag`, '', oauth2Header(username), { status: expect })
  },
  favorite_activity(username: string, activity_id: string, expect = 201) {
    return app.post(`/activities/${activity_id}/favorites`, '', oauth2Header(username), { status: expect })
  },
  create_context(context: any, permissions: any = {}, expect = 201, owner?: string) {
    // As in MAX, the payload's own permissions object is completed in place.
    const payload = { ...context }
    if (!('permissions' in payload))
      payload.permissions = { read: 'public', write: 'public', subscribe: 'public', invite: 'subscribed' }
    Object.assign(payload.permissions, permissions ?? {})
    if (owner !== undefined && owner !== null) payload.owner = owner
    return app.post('/contexts', JSON.stringify(payload), oauth2Header(test_manager), {
      status: expect ?? 201,
    })
  },
  modify_context(context: string, properties: any) {
    return app.put(`/contexts/${sha1(context)}`, JSON.stringify(properties), oauth2Header(test_manager), {
      status: 200,
    })
  },
  revoke_permission(chash: string, username: string, permission: string, expect = 201) {
    return app.delete(
      `/contexts/${chash}/permissions/${username}/${permission}?permanent=1`,
      '',
      oauth2Header(test_manager),
      {
        status: expect,
      },
    )
  },
  grant_permission(chash: string, username: string, permission: string, expect = 201) {
    return app.put(
      `/contexts/${chash}/permissions/${username}/${permission}?permanent=1`,
      '',
      oauth2Header(test_manager),
      {
        status: expect,
      },
    )
  },
  admin_subscribe_user_to_context(username: string, context: any, expect = 201) {
    return app.post(
      `/people/${username}/subscriptions`,
      JSON.stringify(context),
      oauth2Header(test_manager),
      {
        status: expect,
      },
    )
  },
  user_subscribe_user_to_context(username: string, context: any, auth_user?: string, expect = 201) {
    return app.post(
      `/people/${username}/subscriptions`,
      JSON.stringify(context),
      oauth2Header(auth_user ?? username),
      {
        status: expect ?? 201,
      },
    )
  },
  admin_unsubscribe_user_from_context(username: string, chash: string, expect = 204) {
    return app.delete(`/contexts/${chash}/subscriptions/${username}`, '', oauth2Header(test_manager), {
      status: expect,
    })
  },
  user_unsubscribe_user_from_context(username: string, chash: string, auth_user?: string, expect = 204) {
    return app.delete(
      `/contexts/${chash}/subscriptions/${username}`,
      '',
      oauth2Header(auth_user ?? username),
      {
        status: expect ?? 204,
      },
    )
  },
}

export interface SetupOptions {
  /** Users holding the Manager role (MAX's `test_default_security`). */
  managers?: string[]
  /** Whether setUp creates the `test_manager` profile (all files but test_people). */
  createManager?: boolean
  /** Runs on the server before each test, after the reset. */
  each?: () => Promise<void>
}

/**
 * MAX's setUp for one test file: one server for the file, and before each test an empty
 * database with the security roles (and the manager's profile) in place.
 */
export function useMaxTestApp(setup: SetupOptions = {}) {
  let baseline: ReturnType<RunningMockServer['snapshot']> | undefined
  beforeAll(async () => {
    current = await startMockServer({
      host: '127.0.0.1',
      port: 0,
      managers: setup.managers ?? [test_manager, test_manager2],
      clock: () => new Date(Date.now() + clockOffset),
    })
    // MAX starts from an empty database: drop the profiles the mock seeds for its managers.
    baseline = { ...current.snapshot(), people: [] }
  })
  beforeEach(async () => {
    current!.restore(baseline!)
    tokens.clear()
    clockOffset = 0
    if (setup.createManager !== false) await base.create_user(test_manager)
    await setup.each?.()
  })
  afterAll(async () => {
    await current?.close()
    current = undefined
  })
  return { app, base, server: () => current! }
}

// ---------- Python semantics used by the ported assertions

function norm(value: unknown): unknown {
  if (value === undefined) return null
  if (Array.isArray(value)) return value.map(norm)
  if (value instanceof Set) return [...value].map(norm)
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = norm(v)
    return out
  }
  return value
}

/** Python `==` (deep; None and a missing value alike). */
export function pyEq(a: unknown, b: unknown): boolean {
  try {
    expect(norm(a)).toStrictEqual(norm(b))
    return true
  } catch {
    return false
  }
}

export function assertEqual(a: unknown, b: unknown, _message?: string): void {
  expect(norm(a)).toStrictEqual(norm(b))
}
export function assertNotEqual(a: unknown, b: unknown): void {
  expect(norm(a)).not.toStrictEqual(norm(b))
}
export function assertListEqual(a: unknown, b: unknown): void {
  assertEqual(a, b)
}
export function assertItemsEqual(a: unknown[], b: unknown[]): void {
  const key = (x: unknown) => JSON.stringify(norm(x))
  expect([...a].map(key).sort()).toStrictEqual([...b].map(key).sort())
}
export function assertIn(member: unknown, container: unknown): void {
  expect(contains(container, member), `${JSON.stringify(member)} in ${JSON.stringify(container)}`).toBe(true)
}
export function assertNotIn(member: unknown, container: unknown): void {
  expect(contains(container, member), `${JSON.stringify(member)} not in ${JSON.stringify(container)}`).toBe(
    false,
  )
}
export function assertGreater(a: number, b: number): void {
  expect(a).toBeGreaterThan(b)
}
export function assertTrue(value: unknown): void {
  expect(truthy(value)).toBe(true)
}

/** Python `in`. */
export function contains(container: unknown, member: unknown): boolean {
  if (typeof container === 'string') return container.includes(String(member))
  if (Array.isArray(container)) return container.some((item) => pyEq(item, member))
  if (container instanceof Set) return [...container].some((item) => pyEq(item, member))
  if (container && typeof container === 'object') return Object.hasOwn(container, String(member))
  throw new TypeError(
    `argument of type ${container === null ? 'NoneType' : typeof container} is not iterable`,
  )
}

/** Python truthiness. */
export function truthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0
  if (value instanceof Set) return value.size > 0
  if (value && typeof value === 'object') return Object.keys(value).length > 0
  return Boolean(value)
}

/** `dict.get`. */
export function get(obj: any, key: unknown, fallback: unknown = null): any {
  if (obj === null || obj === undefined || typeof obj !== 'object')
    throw new TypeError(`'${obj}' has no attribute 'get'`)
  return Object.hasOwn(obj, String(key)) ? obj[String(key)] : fallback
}

export const keys = (obj: any): string[] => Object.keys(obj)

export function len(value: any): number {
  if (typeof value === 'string' || Array.isArray(value)) return value.length
  if (value instanceof Set) return value.size
  if (value && typeof value === 'object') return Object.keys(value).length
  throw new TypeError(`object of type ${value === null ? 'NoneType' : typeof value} has no len()`)
}

/** Python iteration: arrays, dict keys, string characters. */
export function iter(value: any): any[] {
  if (Array.isArray(value)) return value
  if (typeof value === 'string') return [...value]
  if (value instanceof Set) return [...value]
  if (value && typeof value === 'object') return Object.keys(value)
  throw new TypeError(`'${value}' is not iterable`)
}

export function range(start: number, stop?: number): number[] {
  const [from, to] = stop === undefined ? [0, start] : [start, stop]
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i)
}
export const deepcopy = <T>(value: T): T => structuredClone(value)
export const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex')

import * as core from '@maxclient/core'
import { findRoute, methodOf, routePairs } from '@maxclient/resources'
import { describe, expect, it } from 'vitest'
import { parseArgs } from '../src/build.js'
import * as rpc from '../src/index.js'
import {
  MaxClient,
  RpcClient,
  RpcClientBase,
  type RpcMethodSpec,
  rpcCategories,
  rpcMethods,
} from '../src/index.js'
import * as handWritten from '../src/methods/index.js'

const table = Object.entries(rpcMethods) as Array<[string, RpcMethodSpec]>
const key = (method: string, pattern: string) => `${method} ${pattern}`

/** Paginated lists whose items carry no id, so there is no `before` cursor to iterate with. */
const NOT_ITERABLE = new Map([
  ['GET /contexts/{hash}/subscriptions', 'subscribers are {username, permissions...} without id'],
  ['GET /contexts/{hash}/unsubscriptionpush', 'entries are {username} without id'],
])

describe('the method table covers the catalog', () => {
  it('serves every current route–method pair of the catalog with exactly one method', () => {
    const pairs = routePairs().map(({ route, method }) => key(method, route.pattern))
    expect(pairs).toHaveLength(99)
    const served = new Map<string, string[]>()
    for (const [name, spec] of table) {
      if (spec.method === 'HEAD') continue
      const k = key(spec.method, spec.pattern)
      served.set(k, [...(served.get(k) ?? []), name])
    }
    const problems = pairs
      .filter((pair) => served.get(pair)?.length !== 1)
      .map((pair) => `${pair}: ${served.get(pair)?.join(', ') ?? 'no method'}`)
    expect(problems).toEqual([])
    expect([...served.keys()].sort()).toEqual([...pairs].sort())
  })

  it('maps every method to a real, current catalog pair', () => {
    for (const [name, spec] of table) {
      const route = findRoute(spec.pattern)
      expect(route, `${name}: ${spec.pattern} is not a catalog route`).toBeDefined()
      const method = methodOf(route!, spec.method)
      expect(method, `${name}: ${spec.pattern} has no ${spec.method}`).toBeDefined()
      expect(method!.deprecated, `${name} uses a deprecated request form`).toBeUndefined()
      if (spec.method === 'HEAD')
        expect(method!.count, `${name}: ${spec.pattern} answers no count`).toBe(true)
    }
  })

  it('has exactly one count method for every GET that answers X-totalItems', () => {
    const countable = routePairs()
      .filter(({ route, method }) => method === 'GET' && route.methods.GET?.count)
      .map(({ route }) => route.pattern)
    const heads = table.filter(([, spec]) => spec.method === 'HEAD')
    expect(heads.map(([, spec]) => spec.pattern).sort()).toEqual([...countable].sort())
    for (const [name] of heads) expect(name).toMatch(/^count[A-Z]/)
  })

  it('gives an iterator to every paginated list that has a cursor, and only to those', () => {
    for (const [name, spec] of table) {
      const method = methodOf(findRoute(spec.pattern)!, spec.method)!
      const k = key(spec.method, spec.pattern)
      if (spec.iterator !== undefined) {
        expect(method.paginated, `${name} iterates a list that is not paginated`).toBe(true)
        expect(spec.iterator).toBe(`iterate${name.replace(/^get/, '')}`)
      } else if (spec.method === 'GET' && method.paginated) {
        expect(NOT_ITERABLE.has(k), `${name} (${k}) is paginated but has no iterator`).toBe(true)
      }
    }
  })
})

describe('the client implements the table', () => {
  const prototype = MaxClient.prototype as unknown as Record<string, unknown>

  it('has a method for every name, alias and iterator of the table', () => {
    const names = table.flatMap(([name, spec]) => [
      name,
      ...(spec.aliases ?? []),
      ...(spec.iterator ? [spec.iterator] : []),
    ])
    expect(names.filter((name) => typeof prototype[name] !== 'function')).toEqual([])
  })

  it('has no public endpoint method outside the table', () => {
    const known = new Set(
      table.flatMap(([name, spec]) => [
        name,
        ...(spec.aliases ?? []),
        ...(spec.iterator ? [spec.iterator] : []),
      ]),
    )
    // The table's methods are the generated class's own; the hand-written ones sit on its base class.
    const own = [MaxClient.prototype, RpcClientBase.prototype]
      .flatMap((prototype) => Object.getOwnPropertyNames(prototype))
      .filter((name) => name !== 'constructor')
    expect(own.filter((name) => !known.has(name))).toEqual([])
  })

  it('feeds every route parameter from exactly one positional parameter, and no other', () => {
    for (const [name, spec] of table) {
      if (name in handWritten) continue
      const routeParams = [...spec.pattern.matchAll(/\{(\w+)\}/g)].map((match) => match[1])
      const fed = parseArgs(spec.rules).flatMap((arg) => (arg.rule.param ? [arg.rule.param] : []))
      expect(fed.sort(), `${name} (${spec.method} ${spec.pattern})`).toEqual(routeParams.sort())
    }
  })

  it('writes by hand only methods of the table, with the parameters the table lists', () => {
    const parameters = (fn: unknown): string[] => {
      const source = String(fn)
      const list = source.slice(source.indexOf('(') + 1, source.indexOf(')'))
      return list
        .split(',')
        .map((part) => part.split('=')[0]!.trim())
        .filter(Boolean)
    }
    for (const [name, fn] of Object.entries(handWritten)) {
      const spec = rpcMethods[name as keyof typeof rpcMethods] as RpcMethodSpec | undefined
      expect(spec, `${name} is not in the table`).toBeDefined()
      expect(parameters(fn), name).toEqual(
        spec!.args.map((arg) => arg.replace(/\?$/, '').replace(/^options$/, 'opts')),
      )
      // Installed as a method that rejects instead of throwing; same name and arity.
      const installed = prototype[name] as (...args: unknown[]) => unknown
      expect(installed.name, name).toBe(name)
      expect(installed.length, name).toBe((fn as (...args: unknown[]) => unknown).length)
    }
  })

  it('hand-written methods reject on bad arguments instead of throwing', async () => {
    const client = new rpc.MaxClient('http://max.test', { actor: 'alice', token: 't' })
    const bad = (client.addActivity as (...args: unknown[]) => Promise<unknown>)('hi', 'note', 'not-a-list')
    expect(bad).toBeInstanceOf(Promise)
    await expect(bad).rejects.toThrow(core.UsageError)
    const noUser = new rpc.MaxClient('http://max.test').addActivity('hi')
    await expect(noUser).rejects.toThrow(/no username given and no actor set/)
  })

  it('makes every alias call the method it names', () => {
    for (const [name, spec] of table) {
      for (const alias of spec.aliases ?? []) {
        if (name in handWritten) expect(prototype[alias], alias).toBe(prototype[name])
        else expect(String(prototype[alias]), alias).toMatch(new RegExp(`run\\)?\\(this, ['"]${name}['"]`))
      }
    }
  })

  it('names every built method and iterator after itself', () => {
    for (const [name, spec] of table) {
      expect((prototype[name] as { name: string }).name).toBe(name)
      if (spec.iterator) expect((prototype[spec.iterator] as { name: string }).name).toBe(spec.iterator)
    }
  })

  it('re-exports the error classes of core, as rest does', () => {
    expect([rpc.MaxError, rpc.UsageError, rpc.RequestError]).toEqual([
      core.MaxError,
      core.UsageError,
      core.RequestError,
    ])
    expect([rpc.TimeoutError, rpc.AuthRequiredError, rpc.BadCredentialsError]).toEqual([
      core.TimeoutError,
      core.AuthRequiredError,
      core.BadCredentialsError,
    ])
  })

  it('exports the class under both names, RpcClient the primary one', () => {
    expect(RpcClient).toBe(MaxClient)
    expect(RpcClient.name).toBe('RpcClient')
  })

  it('uses a known category and a one-line summary for every method', () => {
    for (const [name, spec] of table) {
      expect(rpcCategories, name).toContain(spec.category)
      expect(spec.summary, name).toMatch(/^[A-Z][^\n]+[^.]$/)
      expect(spec.args.at(-1), `${name}: the options object comes last`).toBe('options?')
    }
  })
})

describe('the Python client methods', () => {
  // The methods the Python maxclient (client.py) had, by their original names.
  const python = {
    getUser: [],
    addUser: [],
    modifyUser: [],
    getUsers: [],
    postAvatar: [],
    addActivity: [],
    addActivityAsContext: ['add_activity_as_context'],
    getActivity: [],
    getUserTimeline: [],
    getContextActivities: [],
    getUserActivities: [],
    getTimelineLastAuthors: [],
    getContextLastAuthors: [],
    getActivities: ['getAllActivities'],
    getAllComments: [],
    addComment: [],
    getComments: [],
    addContext: [],
    getContext: ['get_context'],
    modifyContext: [],
    deleteContext: [],
    getContexts: [],
    addTagsToContext: ['add_tags_to_context'],
    removeTagFromContext: ['remove_tag_from_context'],
    subscribe: [],
    unsubscribe: [],
    subscribedToContext: ['subscribed_to_context'],
    subscribed: [],
    grantPermission: ['grant_permission'],
    revokePermission: ['revoke_permission'],
    pushtokensByConversation: ['pushtokens_by_conversation'],
    getSecurity: [],
    grantSecurityRole: ['grant_security_role'],
    revokeSecurityRole: ['revoke_security_role'],
  } satisfies Record<string, string[]>

  it('are all present, marked python, with the original snake_case names as aliases', () => {
    const marked = table.filter(([, spec]) => spec.python).map(([name]) => name)
    expect(marked.sort()).toEqual(Object.keys(python).sort())
    for (const [name, aliases] of Object.entries(python)) {
      const spec: RpcMethodSpec = rpcMethods[name as keyof typeof rpcMethods]
      expect(spec.aliases ?? [], name).toEqual(aliases)
    }
  })

  it('keep the original positional argument order', () => {
    const order = (name: keyof typeof rpcMethods) => (rpcMethods[name] as RpcMethodSpec).args.slice(0, -1)
    expect(order('addActivity')).toEqual(['content', 'otype?', 'contexts?', 'generator?', 'username?'])
    expect(order('addActivityAsContext')).toEqual(['content', 'url', 'otype?', 'generator?'])
    expect(order('addComment')).toEqual(['content', 'activity', 'otype?'])
    expect(order('addContext')).toEqual(['url', 'displayName', 'permissions?', 'contextType?'])
    expect(order('getUserActivities')).toEqual(['context?', 'count?', 'username?'])
    expect(order('subscribe')).toEqual(['url', 'otype?', 'username?'])
    expect(order('grantPermission')).toEqual(['url', 'username?', 'permission?'])
    expect(order('grantSecurityRole')).toEqual(['user', 'role'])
  })
})

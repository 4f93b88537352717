import { inspect } from 'node:util'
import { catalog, type RouteSpec } from '@maxclient/resources'
import nock from 'nock'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { describeResource, itemOf, MaxClient, RestClient, UsageError } from '../src/index.js'
import { MAX_URL, newClient, useNock, walk } from './helpers/setup.js'

const HASH = 'e6847aed3105e85ae603c56eb2790ce85e212997'
const SHA1_OF_V_HASH = '545d66d820bb8e1835def4509dc95e88def03d2a'

/** Records every request nock could not match (with net connect disabled: every unmocked request). */
function watchUnmatched(): { requests: string[] } {
  const seen = { requests: [] as string[] }
  const listener = (req: { method?: string; path?: string }) =>
    seen.requests.push(`${req.method} ${req.path}`)
  beforeEach(() => {
    seen.requests.length = 0
    nock.emitter.on('no match', listener)
  })
  afterEach(() => {
    nock.emitter.removeListener('no match', listener)
  })
  return seen
}

function errorOf(fn: () => unknown): Error {
  try {
    fn()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected the access to throw')
}

describe('walking the tree', () => {
  useNock()
  const unmatched = watchUnmatched()

  test('sends nothing until a method runs', async () => {
    const client = newClient()
    const node = client.people['x']!.conversations['519b00000000000000000001']!.messages
    expect(typeof node.post).toBe('function')
    await Promise.resolve()
    expect(unmatched.requests).toEqual([])
  })

  test('fixed segments are properties and variable segments index access, at any depth', async () => {
    const client = newClient()
    const scope = nock(MAX_URL)
      .delete(`/contexts/${HASH}/permissions/messi/write`)
      .reply(200, { permissions: ['read'] })
    const result = await client.contexts[HASH]!.permissions['messi']!['write']!.delete()
    expect(result).toEqual({ permissions: ['read'] })
    scope.done()
  })

  test('a fixed child wins over the variable sibling', async () => {
    const client = newClient()
    const scope = nock(MAX_URL).get('/contexts/public').reply(200, [])
    await client.contexts.public.get()
    scope.done()
  })

  test('itemOf reaches variable values that property access cannot', async () => {
    const client = newClient()
    const scope = nock(MAX_URL)
      .get('/people/then')
      .reply(200, { username: 'then' })
      .get('/people/toJSON')
      .reply(200, {})
    expect(await itemOf(client.people, 'then').get()).toEqual({ username: 'then' })
    await itemOf(client.people, 'toJSON').get()
    scope.done()
    expect(() => itemOf(client.contexts.public as never, 'x')).toThrow(
      /\/contexts\/public has no variable child/,
    )
    expect(() => itemOf({} as never, 'x')).toThrow(UsageError)
  })

  test('a misspelt segment throws at once, naming the path so far and the valid children', () => {
    const client = newClient()
    const error = errorOf(() => (client.people['alice'] as any).activitiez)
    expect(error).toBeInstanceOf(UsageError)
    expect(error.message).toContain('"activitiez" after /people/alice')
    expect(error.message).toContain('activities, avatar, comments')
    expect(error.message).toContain('methods here: get, head, post, put, delete, defaults.')
  })

  test('an index on a collection without a variable child throws', () => {
    const client = newClient()
    const error = errorOf(() => (client.contexts.public as any)['e6847aed'])
    expect(error).toBeInstanceOf(UsageError)
    expect(error.message).toContain('after /contexts/public: valid children are none')
    expect(errorOf(() => (client.admin as any).nope).message).toContain(
      'valid children are maintenance, security',
    )
  })

  test('an empty variable value is refused', () => {
    const client = newClient()
    expect(() => client.people['']).toThrow(/Empty value for \{username\} after \/people/)
  })

  test('methods exist exactly where the catalog has them', () => {
    const client = newClient()
    const activities = client.people['x']!.activities as any
    expect(typeof activities.get).toBe('function')
    expect(typeof activities.post).toBe('function')
    expect(typeof activities.head).toBe('function')
    expect(() => activities.put).toThrow(UsageError)
    expect(() => activities.delete).toThrow(/methods here: get, head, post, defaults, iterate, all/)
    expect(() => (client.activities[HASH]!.flag as any).get).toThrow(UsageError)
    // likes has a {username} child, so get there is a username, not a method.
    expect(typeof (client.activities[HASH]!.likes as any).get).toBe('object')
    // /people/{username}/conversations has no route of its own: only children.
    expect(() => (client.people['x']!.conversations as any).defaults).not.toThrow()
    expect(typeof (client.people['x']!.conversations as any).get).toBe('object')
  })

  test('deprecated request forms are reachable', async () => {
    const client = newClient()
    const scope = nock(MAX_URL)
      .post('/people/x/device/ios/abc')
      .reply(201, {})
      .delete(`/people/x/subscriptions/${HASH}`)
      .reply(204)
    await (client.people['x'] as any).device['ios']['abc'].post()
    await (client.people['x'] as any).subscriptions[HASH].delete()
    scope.done()
  })

  test('variable values are percent-encoded and cannot change the route', async () => {
    const client = newClient()
    const scope = nock(MAX_URL)
      .get('/people/..%2Finfo')
      .reply(200, {})
      .get('/people/a%2Fb%3Fc%3D1%23d/activities')
      .reply(200, [])
    await client.people['../info']!.get()
    await client.people['a/b?c=1#d']!.activities.get()
    scope.done()
  })
})

describe('names that clash with client methods', () => {
  useNock()

  test('/contexts/{hash}/permissions/{username}/defaults is reachable', async () => {
    const client = newClient()
    const scope = nock(MAX_URL).post(`/contexts/${HASH}/permissions/messi/defaults`).reply(200, {})
    const node = client.contexts[HASH]!.permissions['messi']!.defaults
    await node.post()
    expect(node.defaults('post')).toBeUndefined()
    scope.done()
  })

  test('a key that is both a method and a child is callable and walkable', async () => {
    const client = newClient()
    const scope = nock(MAX_URL)
      .get('/people')
      .reply(200, [{ username: 'a' }])
      .get('/people/get/activities')
      .reply(200, [])
      .get('/people/all')
      .reply(200, { username: 'all' })
    expect(await client.people.get()).toEqual([{ username: 'a' }])
    await client.people.get.activities.get()
    await client.people.all.get()
    scope.done()
    expect(client.people.defaults('post')).toBeUndefined()
    expect(describeResource(client.people.defaults)).toEqual({
      pattern: '/people/{username}',
      path: '/people/defaults',
      methods: ['get', 'head', 'post', 'put', 'delete', 'defaults'],
    })
  })
})

describe('nodes as JavaScript values', () => {
  useNock()
  const unmatched = watchUnmatched()

  test('awaiting a node does not treat it as a thenable', async () => {
    const client = newClient()
    const node = client.people['x']!
    expect((node as any).then).toBeUndefined()
    const awaited = await node
    expect(awaited === node).toBe(true)
    expect(unmatched.requests).toEqual([])
  })

  test('JSON, string conversion, inspection and symbols do not become segments', () => {
    const client = newClient()
    const node = client.people['x']!.activities
    expect(JSON.stringify({ node })).toBe('{"node":"/people/x/activities"}')
    expect(`${node}`).toBe('/people/x/activities')
    expect(inspect(node)).toBe('[MaxResource /people/x/activities get head post]')
    expect((node as any)[Symbol.iterator]).toBeUndefined()
    expect((node as any)[Symbol.asyncIterator]).toBeUndefined()
    expect((node as any).constructor).toBe(Object)
    expect('get' in node).toBe(true)
    expect('put' in node).toBe(false)
  })

  test('nodes are read-only', () => {
    const client = newClient()
    expect(() => {
      ;(client.people as any).foo = 1
    }).toThrow(/read-only/)
    expect(() => delete (client.people as any).get).toThrow(/read-only/)
  })

  test('children and methods are cached per client', () => {
    const client = newClient()
    const a = client.people['x']!.activities
    expect(client.people['x']!.activities === a).toBe(true)
    expect(client.people['x']!.activities.get === a.get).toBe(true)
    expect(newClient().people['x']!.activities === a).toBe(false)
  })

  test('the variable-value cache stays bounded', async () => {
    const client = newClient()
    const first = client.people['user0']
    for (let i = 1; i < 1000; i++) client.people[`user${i}`]
    expect(client.people['user0'] === first).toBe(false)
    const scope = nock(MAX_URL).get('/people/user0').reply(200, { username: 'user0' })
    expect(await first!.get()).toEqual({ username: 'user0' })
    scope.done()
  })

  test('user keys never reach a prototype', async () => {
    const client = newClient()
    const scope = nock(MAX_URL)
      .get('/people/__proto__')
      .reply(200, {})
      .get('/people/hasOwnProperty')
      .reply(200, {})
    const proto = '__proto__'
    await client.people[proto]!.get()
    // TypeScript reads Object.prototype names (hasOwnProperty, toString) as Object's members: itemOf is typed.
    await (client.people as unknown as Record<string, { get(): Promise<unknown> }>)['hasOwnProperty']!.get()
    nock(MAX_URL).get('/people/toString').reply(200, {})
    await itemOf(client.people, 'toString').get()
    scope.done()
    expect(Object.getPrototypeOf(client.people)).not.toBe(null)
    expect(({} as Record<string, unknown>).get).toBeUndefined()
  })

  test('every root segment of the catalog is a client property', () => {
    const client = newClient() as unknown as Record<string, unknown>
    const roots = [...new Set(catalog.map((route) => route.pattern.split('/')[1]!))].sort()
    expect(roots).toEqual([
      'activities',
      'admin',
      'contexts',
      'conversations',
      'info',
      'messages',
      'people',
      'tokens',
    ])
    for (const root of roots) expect(describeResource(client[root]).path).toBe(`/${root}`)
  })

  test('RestClient is the same class', () => {
    expect(RestClient).toBe(MaxClient)
  })
})

describe('every catalog route is reachable', () => {
  useNock()
  const routes = catalog as readonly RouteSpec[]
  const pairs = routes.flatMap((route) =>
    Object.keys(route.methods).map((method) => [route.pattern, method] as const),
  )

  test.each(pairs)('%s %s', async (pattern, method) => {
    const client = newClient()
    const steps = pattern
      .split('/')
      .slice(1)
      .map((segment) => (segment.startsWith('{') ? { value: `v-${segment.slice(1, -1)}` } : segment))
    // {hash} values that are not 40 hex characters are context URLs, sent as their SHA-1.
    const path = pattern.replace(/\{([^}]+)\}/g, (_, name: string) =>
      name === 'hash' ? SHA1_OF_V_HASH : `v-${name}`,
    )
    const scope = nock(MAX_URL).intercept(path, method).reply(200, {})
    const node = walk(client, steps)
    const call = node[method.toLowerCase()]
    expect(typeof call).toBe('function')
    await call()
    scope.done()
  })
})

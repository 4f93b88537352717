import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  collect,
  HTTP_METHODS,
  isHttpMethod,
  isPlainObject,
  MaxCore,
  type MaxRequest,
  paginate,
  preview,
  trustRequest,
  UsageError,
} from '../src/index.node.js'
import { failure } from './helpers.js'

const MAX = 'http://max.test'

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())

const client = () => new MaxCore(MAX, { actor: 'alice', token: 'tok-123456', retry: false })

describe('the shared helpers', () => {
  it('lists the methods once', () => {
    expect(HTTP_METHODS).toEqual(['GET', 'POST', 'PUT', 'DELETE', 'HEAD'])
    expect(isHttpMethod('GET')).toBe(true)
    expect(isHttpMethod('get')).toBe(false)
    expect(isHttpMethod('FOO')).toBe(false)
  })

  it('tells plain objects from arrays, class instances and null', () => {
    expect(isPlainObject({})).toBe(true)
    expect(isPlainObject(Object.create(null))).toBe(true)
    for (const value of [null, [], new Date(), new Map(), 'x', 1, undefined]) {
      expect(isPlainObject(value)).toBe(false)
    }
  })

  it('shortens long values with their length and never splits a surrogate pair', () => {
    expect(preview('short')).toBe('short')
    const long = preview('x'.repeat(100_000))
    expect(long.length).toBeLessThan(120)
    expect(long).toContain('100000 characters')
    expect(preview(`a${'😀'.repeat(10)}`, 2)).toBe('a… (21 characters)')
  })
})

describe('structured queries', () => {
  it('encodes a structured query once: arrays repeat the key, undefined is left out', async () => {
    const scope = nock(MAX)
      .get('/people')
      .query({ username: 'a b&c', tags: ['x', 'y'], limit: '5', public: 'true' })
      .reply(200, [])
    await client().send({
      method: 'GET',
      path: '/people',
      query: { username: 'a b&c', tags: ['x', 'y'], limit: 5, public: true, absent: undefined },
    })
    scope.done()
  })

  it('refuses query values that cannot be encoded, naming the key', async () => {
    const bad = [
      { n: Number.NaN },
      { n: { nested: 1 } },
      { n: null },
      { '': 'x' },
    ] as unknown as MaxRequest['query'][]
    for (const query of bad) {
      const error = await failure(client().send({ method: 'GET', path: '/people', query }))
      expect(error).toBeInstanceOf(UsageError)
    }
    const error = await failure(client().send({ method: 'GET', path: '/people', query: [] as never }))
    expect(error.message).toMatch(/plain object/)
  })

  it('paginate sets limit and before on a structured query', async () => {
    const scope = nock(MAX)
      .get('/people/alice/timeline')
      .query({ sort: 'published', limit: '2' })
      .reply(200, [{ id: 'a' }, { id: 'b' }])
      .get('/people/alice/timeline')
      .query({ sort: 'published', limit: '2', before: 'b' })
      .reply(200, [{ id: 'c' }])
    const request: MaxRequest = {
      method: 'GET',
      path: '/people/alice/timeline',
      query: { sort: 'published' },
    }
    const all = await collect(paginate(client(), request, { pageSize: 2 }))
    expect(all.map((item) => (item as { id: string }).id)).toEqual(['a', 'b', 'c'])
    expect(request.query).toEqual({ sort: 'published' })
    scope.done()
  })

  it('paginate reads limit from a structured query', async () => {
    const scope = nock(MAX)
      .get('/people')
      .query({ limit: '3' })
      .reply(200, [{ id: 'a' }])
    await collect(paginate(client(), { method: 'GET', path: '/people', query: { limit: 3 } }))
    scope.done()
  })
})

describe('trusted requests', () => {
  it('a trusted request skips the method/path/query checks; an untrusted one is checked', async () => {
    const scope = nock(MAX).get('/a').query({ q: '1' }).reply(200, [])
    // "?" in a path is refused when checked: reaching the server proves the check was skipped.
    await client().send(trustRequest({ method: 'GET', path: '/a?q=1' }))
    scope.done()
    const error = await failure(client().send({ method: 'GET', path: '/a?q=1' }))
    expect(error).toBeInstanceOf(UsageError)
    const copy = await failure(client().send({ ...trustRequest({ method: 'GET', path: '/a b' }) }))
    expect(copy).toBeInstanceOf(UsageError)
  })

  it('a trusted request whose structured query is empty sends no "?"', async () => {
    const seen: string[] = []
    const c = new MaxCore(MAX, {
      actor: 'bob',
      token: 't',
      transport: async (request) => {
        seen.push(request.url)
        return { status: 200, headers: {}, body: new Uint8Array() }
      },
    })
    await c.send(trustRequest({ method: 'GET', path: '/people', query: { limit: undefined } }))
    await c.send(trustRequest({ method: 'GET', path: '/people', query: {} }))
    expect(seen).toEqual([`${MAX}/people`, `${MAX}/people`])
  })

  it('trustRequest returns a trusted copy with the same fields; neither the original nor a look-alike is trusted', async () => {
    // "?" in a path is refused when checked: reaching the server proves the copy is trusted.
    const request: MaxRequest = { method: 'GET', path: '/x?y' }
    const trusted = trustRequest(request)
    expect(trusted).not.toBe(request)
    expect({ ...trusted }).toStrictEqual(request)
    const scope = nock(MAX).get('/x').query({ y: '' }).reply(200, [])
    await client().send(trusted)
    scope.done()
    expect(await failure(client().send(request))).toBeInstanceOf(UsageError)
    // Same prototype, same fields, but not made by trustRequest.
    const lookAlike = Object.assign(Object.create(Object.getPrototypeOf(trusted)), request)
    expect(await failure(client().send(lookAlike))).toBeInstanceOf(UsageError)
  })

  it('a trusted request still has its headers checked', async () => {
    const error = await failure(
      client().send(trustRequest({ method: 'GET', path: '/x', headers: { 'x-a': 'b\r\nc' } })),
    )
    expect(error).toBeInstanceOf(UsageError)
  })
})

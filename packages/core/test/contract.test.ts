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
  type TransportResponse,
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

  it('a trusted request without options (the short path) sends exactly what the checked path sends', async () => {
    /** Method, path, headers and body of each request the server got. */
    const seen: string[] = []
    const record = nock(MAX)
      .persist()
      .post('/people/alice/activities')
      .reply(201, function (uri, body) {
        const { host: _host, ...headers } = this.req.headers
        seen.push(JSON.stringify({ uri, headers, body }))
        return { ok: true }
      })
    const c = client()
    const request: MaxRequest = {
      method: 'POST',
      path: '/people/alice/activities',
      body: { object: { content: 'hi', objectType: 'note' }, generator: 'g' },
    }
    expect(await c.request(trustRequest(request))).toEqual({ ok: true })
    expect(await c.request(request)).toEqual({ ok: true })
    // A list body and a text body, each sent as given.
    await c.request(trustRequest({ ...request, body: ['a', 'b'] }))
    await c.request({ ...request, body: ['a', 'b'] })
    await c.request(trustRequest({ ...request, body: '{"raw":1}' }))
    await c.request({ ...request, body: '{"raw":1}' })
    record.persist(false)
    nock.cleanAll()
    expect(seen).toHaveLength(6)
    for (let i = 0; i < 6; i += 2) expect(seen[i]).toBe(seen[i + 1])
    expect(JSON.parse(seen[0]!).headers).toMatchObject({
      'content-type': 'application/json',
      'x-oauth-token': 'tok-123456',
      'x-oauth-username': 'alice',
    })
  })

  it('a trusted request without options is retried per the client policy: after a 503 and after a network failure', async () => {
    const c = new MaxCore(MAX, {
      actor: 'alice',
      token: 'tok-123456',
      retry: { retries: 2, minDelay: 1, maxDelay: 2 },
    })
    nock(MAX).get('/people/alice').reply(503, { error: 'ServiceUnavailable', error_description: 'busy' })
    nock(MAX)
      .get('/people/alice')
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
    nock(MAX).get('/people/alice').reply(200, { username: 'alice' })
    expect(await c.request(trustRequest({ method: 'GET', path: '/people/alice' }))).toEqual({
      username: 'alice',
    })
    expect(c.lastResponse?.status).toBe(200)
    // A final failure of the short path comes out redacted, as on the checked one.
    nock(MAX)
      .post('/people/alice/activities')
      .replyWithError(Object.assign(new Error('refused tok-123456'), { code: 'ECONNREFUSED' }))
    const error = await failure(
      c.request(trustRequest({ method: 'POST', path: '/people/alice/activities', body: { a: 1 } })),
    )
    expect(error.name).toBe('RequestError')
    expect((error as Error).message).not.toContain('tok-123456')
  })

  it('a trusted GET or HEAD with a body is refused, as an untrusted one is', async () => {
    for (const method of ['GET', 'HEAD'] as const) {
      const error = await failure(client().send(trustRequest({ method, path: '/x', body: { a: 1 } })))
      expect(error).toBeInstanceOf(UsageError)
      expect((error as Error).message).toContain('cannot carry a body')
    }
  })

  it('a trusted request that needs auth fails before sending when the client has no token', async () => {
    const anonymous = new MaxCore(MAX, { retry: false })
    const error = await failure(anonymous.send(trustRequest({ method: 'GET', path: '/people/alice' })))
    expect(error.name).toBe('AuthRequiredError')
    expect((error as Error).message).toContain('token and actor')
  })

  it('settles a call in the first promise reaction after the transport answers', async () => {
    // One reaction from the transport's answer to the caller's value: every extra hop is paid by
    // every call of every client.
    let answer: ((response: TransportResponse) => void) | undefined
    const c = new MaxCore(MAX, {
      actor: 'alice',
      token: 't',
      retry: false,
      transport: () =>
        new Promise<TransportResponse>((resolve) => {
          answer = resolve
        }),
    })
    for (const call of [
      () => c.request({ method: 'GET', path: '/x' }),
      () => c.send({ method: 'GET', path: '/x' }),
    ]) {
      let settled = false
      const pending = call().then(() => {
        settled = true
      })
      answer!({
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: new TextEncoder().encode('{}'),
      })
      let turns = 0
      while (!settled && turns < 10) {
        await Promise.resolve()
        turns++
      }
      await pending
      // The transport's reaction, then the caller's own `.then`.
      expect(turns).toBe(2)
    }
  })
})

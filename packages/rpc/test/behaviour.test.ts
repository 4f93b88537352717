import { collect, RequestError, type TransportResponse, UsageError } from '@maxclient/core'
import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { MaxClient, rpcMethods } from '../src/index.js'
import { ATENEA, ATENEA_HASH, client, failure, intercept, MAX } from './helpers.js'

beforeAll(() => {
  nock.disableNetConnect()
})
afterEach(() => {
  nock.cleanAll()
})

const notFound = {
  objectType: 'error',
  error: 'ObjectNotFound',
  error_description: 'Object with hash e68 not found inside contexts',
}

describe('failures resolve to [false, status, error]', () => {
  it('gives the MAX error body of a 404', async () => {
    intercept('GET', { status: 404, body: notFound })
    expect(await client().getContext(ATENEA)).toEqual([false, 404, notFound])
  })

  it('gives the MAX error body of 400, 401 and 403', async () => {
    const c = client()
    for (const [status, error] of [
      [400, 'ValidationError'],
      [401, 'Unauthorized'],
      [403, 'Forbidden'],
    ] as const) {
      const body = { objectType: 'error', error, error_description: `${error} happened` }
      intercept('POST', { status, body })
      expect(await c.addUser('bob')).toEqual([false, status, body])
    }
  })

  it('describes a failure without a JSON error body (unknown route, 500 page)', async () => {
    const c = client()
    intercept('GET', {
      status: 404,
      body: '<html>Not Found</html>',
      headers: { 'content-type': 'text/html' },
    })
    const [ok, status, content] = await c.getConversation('c1')
    expect([ok, status]).toEqual([false, 404])
    expect(content).toEqual({
      error: 'HTTPError',
      error_description: expect.stringMatching(/does not accept GET/),
    })
    intercept('DELETE', {
      status: 500,
      body: 'Internal Server Error',
      headers: { 'content-type': 'text/plain' },
    })
    expect(await c.deleteConversation('c1')).toEqual([
      false,
      500,
      { error: 'HTTPError', error_description: expect.stringMatching(/HTTP 500/) },
    ])
  })

  it('describes a failed count (HEAD answers have no body)', async () => {
    intercept('HEAD', { status: 403 })
    const [ok, status, content] = await client().countActivities()
    expect([ok, status]).toEqual([false, 403])
    expect(content).toMatchObject({ error: 'HTTPError', error_description: expect.stringMatching(/403/) })
  })

  it('keeps error bodies whose description is missing usable', async () => {
    intercept('GET', { status: 400, body: { error: 'InvalidSearchParams' } })
    expect(await client().getUsers()).toEqual([
      false,
      400,
      { error: 'InvalidSearchParams', error_description: '' },
    ])
  })

  it('throws RequestError (status 0) when the network fails, without the token in it', async () => {
    nock(MAX).get('/people/alice').replyWithError('connect ECONNREFUSED')
    const error = await failure(client().getUser())
    expect(error).toBeInstanceOf(RequestError)
    expect(error.status).toBe(0)
    expect(String(error.message)).not.toContain('tok-123456')
  })
})

describe('bad arguments throw UsageError before anything is sent', () => {
  const c = client()
  const cases: Array<[string, () => Promise<unknown>, RegExp]> = [
    [
      'missing username',
      () => c.addUser(undefined as unknown as string),
      /addUser\(\): 'username' must be a non-empty string/,
    ],
    [
      'two different usernames',
      () => c.addUser('bob', { username: 'rob' }),
      /properties.username "rob" differs from the username argument "bob"/,
    ],
    [
      'empty activity id',
      () => c.getActivity(''),
      /'activity' must be a non-empty string, got an empty string/,
    ],
    [
      'properties not an object',
      () => c.modifyUser('bob', 'x' as never),
      /'properties' must be a plain object/,
    ],
    ['unknown option', () => c.getUser('bob', { qurey: {} } as never), /unknown option 'qurey'; it accepts/],
    [
      'the query under its old name',
      () => c.getUsers({ query: { limit: 1 } } as never),
      /unknown option 'query' \(the query is now 'qs'\); it accepts signal, timeout, retry, headers, maxResponseSize, expandUnderscores, qs/,
    ],
    [
      'options not an object',
      () => c.getUser('bob', 'x' as never),
      /last argument must be an options object/,
    ],
    ['count not a boolean', () => c.getActivities('yes' as never), /'count' must be true or false/],
    [
      'two contexts',
      () => c.addActivity('Hi', 'note', ['http://a', 'http://b']),
      /one context at a time, got 2/,
    ],
    ['image without file', () => c.addActivity('Hi', 'image'), /objectType 'image' needs the file/],
    [
      'file with a note',
      () => c.addMessage('c1', 'Hi', { file: new Uint8Array([1]) }),
      /only sent with objectType/,
    ],
    [
      'unknown permission',
      () => c.grantPermission(ATENEA, 'bob', 'admin' as never),
      /'permission' must be one of 'read'/,
    ],
    [
      'unknown platform',
      () => c.addToken('t', 'windows' as never),
      /'platform' must be one of 'ios', 'android'/,
    ],
    [
      'unknown role',
      () => c.grantSecurityRole('bob', 'Admin' as never),
      /'role' must be one of 'Manager', 'NonVisible'/,
    ],
    [
      'unknown image size',
      () => c.getActivityImageSize('a', 'large' as never),
      /'size' must be one of 'full', 'thumb'/,
    ],
    ['empty tag list', () => c.addTagsToContext(ATENEA, []), /'tags' must be a non-empty array of strings/],
    [
      'bad tag',
      () => c.addTagsToContext(ATENEA, ['ok', 3 as never]),
      /'tags\[1\]' must be a non-empty string/,
    ],
    ['bad limit', () => c.getTimelineLastAuthors(-1), /'limit' must be a positive whole number/],
    ['subscribe to a non-context', () => c.subscribe(ATENEA, 'person'), /'otype' must be one of 'context'/],
    ['no participants', () => c.addConversation([], 'Hi'), /'participants' must be a non-empty array/],
    ['bad query value', () => c.getUsers({ qs: { username: {} as never } }), /Query parameter 'username'/],
    [
      'prototype key in fields',
      () => c.modifyUser('bob', JSON.parse('{"__proto__": {"polluted": true}}')),
      /__proto__/,
    ],
  ]

  it.each(cases)('%s', async (_name, call, message) => {
    const error = await failure(call())
    expect(error).toBeInstanceOf(UsageError)
    expect(error.message).toMatch(message)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('needs a username or an actor for actor-defaulting methods', async () => {
    const anonymous = new MaxClient(MAX, { token: 't', retry: false })
    const error = await failure(anonymous.getUser())
    expect(error).toBeInstanceOf(UsageError)
    expect(error.message).toMatch(/getUser\(\): no username given and no actor set/)
  })

  it('checks the defaults option when the client is built', () => {
    expect(() => new MaxClient(MAX, { defaults: { 'POST /nowhere': {} } })).toThrow(UsageError)
  })
})

describe('reads built once per actor and arguments', () => {
  it('sends each read to its own arguments and actor, whatever was sent before', async () => {
    const c = client()
    const calls: [string | undefined, string][] = [
      ['a', '/people/a'],
      ['b', '/people/b'],
      ['a', '/people/a'],
      [undefined, '/people/alice'],
      // The text "undefined" is a username, not an argument left out.
      ['undefined', '/people/undefined'],
      [undefined, '/people/alice'],
    ]
    for (const [username, uri] of calls) {
      const server = intercept('GET', { status: 200, body: {} })
      expect((await c.getUser(username))[0]).toBe(true)
      expect(server.received().uri).toBe(uri)
    }
    c.setActor('bob')
    const server = intercept('GET', { status: 200, body: {} })
    await c.getUser()
    expect(server.received().uri).toBe('/people/bob')
    expect(server.received().headers['x-oauth-username']).toBe('bob')
  })

  it('never answers a call with options or a non-text argument from a read built before', async () => {
    const c = client()
    intercept('GET', { status: 200, body: { displayName: 'x'.repeat(200) } })
    expect((await c.getUser('bob'))[0]).toBe(true)
    intercept('GET', { status: 200, body: { displayName: 'x'.repeat(200) } })
    expect((await failure(c.getUser('bob', { maxResponseSize: 64 }))).message).toContain('maxResponseSize')
    const wrong = await failure(c.getUser(42 as unknown as string))
    expect(wrong).toBeInstanceOf(UsageError)
    expect(wrong.message).toContain('username')
  })

  it('keeps answering right past its bound (many distinct arguments)', async () => {
    // An in-memory transport: the test is about the cache, and 600 calls through nock are slow.
    const c = new MaxClient(MAX, {
      actor: 'alice',
      token: 't',
      transport: async (request) => ({
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: new TextEncoder().encode(
          JSON.stringify({ username: request.url.slice(`${MAX}/people/`.length) }),
        ),
      }),
    })
    for (let i = 0; i < 600; i++) {
      const [ok, , person] = await c.getUser(`u${i % 300}`)
      expect(ok).toBe(true)
      expect(person).toEqual({ username: `u${i % 300}` })
    }
  })

  it('settles a call in the first promise reaction after the transport answers', async () => {
    let answer: ((response: TransportResponse) => void) | undefined
    const c = new MaxClient(MAX, {
      actor: 'alice',
      token: 't',
      transport: () =>
        new Promise<TransportResponse>((resolve) => {
          answer = resolve
        }),
    })
    const order: string[] = []
    const pending = c.getUser('bob').then(([ok]) => {
      order.push(`result ${ok}`)
    })
    answer!({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: new TextEncoder().encode('{}'),
    })
    // Two reactions queued behind the transport's answer: the tuple arrives between them.
    const ticks = Promise.resolve()
      .then(() => order.push('tick 1'))
      .then(() => order.push('tick 2'))
    await Promise.all([pending, ticks])
    expect(order).toEqual(['tick 1', 'result true', 'tick 2'])
  })
})

describe('the actor and per-call options', () => {
  it('defaults getUser and friends to the actor, and follows setActor', async () => {
    const c = client()
    let server = intercept('GET', { status: 200, body: {} })
    await c.getUser()
    expect(server.received().uri).toBe('/people/alice')
    c.setActor('bob')
    server = intercept('GET', { status: 200, body: [] })
    await c.subscribed()
    expect(server.received().uri).toBe('/people/bob/subscriptions')
  })

  it('retries per the per-call retry option (core retries), then gives the final tuple', async () => {
    nock(MAX).get('/people/alice').reply(503, { error: 'ServiceUnavailable', error_description: 'busy' })
    nock(MAX).get('/people/alice').reply(200, { username: 'alice' })
    const result = await client().getUser(undefined, { retry: { retries: 1, minDelay: 1, maxDelay: 1 } })
    expect(result).toEqual([true, 200, { username: 'alice' }])
  })

  it('dumps requests through core debug without the token', async () => {
    const lines: string[] = []
    intercept('GET', { status: 200, body: [] })
    await client({ debug: (line) => lines.push(line) }).getUserTimeline()
    expect(lines.join('\n')).toContain('/people/alice/timeline')
    expect(lines.join('\n')).not.toContain('tok-123456')
  })

  it('sends the per-call headers', async () => {
    const server = intercept('GET', { status: 200, body: {} })
    await client().getInfo({ headers: { 'X-Request-Id': 'r1' } })
    expect(server.received().headers['x-request-id']).toBe('r1')
  })

  it('applies the per-call maxResponseSize of the shared call options', async () => {
    intercept('GET', { status: 200, body: { displayName: 'x'.repeat(200) } })
    const error = await failure(client().getUser('bob', { maxResponseSize: 64 }))
    expect(error.message).toContain('maxResponseSize')
  })

  it('merges options.fields over the body the method builds', async () => {
    const server = intercept('POST', { status: 201, body: {} })
    await client().addActivity('Hi', 'note', [], undefined, undefined, {
      fields: { object: { keywords: ['x'] }, published: '2024-01-01T00:00:00Z' },
    })
    expect(server.received().body).toEqual({
      object: { objectType: 'note', content: 'Hi', keywords: ['x'] },
      published: '2024-01-01T00:00:00Z',
    })
  })

  it('throws the UsageError of buildRequest when options.fields conflicts with the built body', async () => {
    const c = client()
    // Both set object.content: once by the method, once by the caller's dotted field.
    await expect(
      c.addActivity('Hi', 'note', [], undefined, undefined, { fields: { 'object.content': 'Bye' } }),
    ).rejects.toThrow(UsageError)
    await expect(
      c.addActivity('Hi', 'note', [], undefined, undefined, { fields: { object: { content: 'Bye' } } }),
    ).rejects.toThrow(/Fields conflict: 'object.content' is set twice/)
    // Within one set too: a value and a nested field at the same place.
    await expect(
      c.modifyUser('bob', { displayName: 'Bob', 'displayName.first': 'B' } as never),
    ).rejects.toThrow(/Fields 'displayName' and 'displayName.first' conflict/)
    expect(nock.pendingMocks()).toEqual([])
  })

  it('merges the body over per-client defaults', async () => {
    const c = client({ defaults: { 'POST /contexts': { notifications: 'posts', objectType: 'context' } } })
    const server = intercept('POST', { status: 201, body: {} })
    await c.addContext(ATENEA, 'Atenea')
    expect(server.received().body).toEqual({
      notifications: 'posts',
      objectType: 'context',
      url: ATENEA,
      displayName: 'Atenea',
    })
  })

  it('sends permanent as the server reads it (empty means false)', async () => {
    const c = client()
    let server = intercept('PUT', { status: 200, body: {} })
    await c.grantPermission(ATENEA, 'bob', 'write', { permanent: true })
    expect(server.received().uri).toBe(`/contexts/${ATENEA_HASH}/permissions/bob/write?permanent=1`)
    server = intercept('PUT', { status: 200, body: {} })
    await c.grantPermission(ATENEA, 'bob', 'write', { permanent: false })
    expect(server.received().uri).toBe(`/contexts/${ATENEA_HASH}/permissions/bob/write?permanent=`)
  })

  it('counts through the legacy count argument', async () => {
    const c = client()
    nock(MAX).head(`/contexts/${ATENEA_HASH}/activities`).reply(200, '', { 'X-totalItems': '42' })
    expect(await c.getContextActivities(ATENEA, true)).toEqual([true, 200, 42])
    nock(MAX)
      .head('/people/bob/activities')
      .query({ context: ATENEA_HASH })
      .reply(200, '', { 'X-totalItems': '3' })
    expect(await c.getUserActivities(ATENEA, true, 'bob')).toEqual([true, 200, 3])
  })

  it('uploads an image activity as multipart with json_data and the file', async () => {
    const server = intercept('POST', { status: 201, body: { id: 'a1' } })
    await client().addActivity('Look', 'image', [], undefined, undefined, {
      file: new File([new Uint8Array([7, 7])], 'cat.png', { type: 'image/png' }),
    })
    const body = String(server.received().body)
    expect(body).toMatch(/name="json_data"\r\n\r\n\{"object":\{"objectType":"image","content":"Look"\}\}/)
    expect(body).toMatch(/name="file"; filename="cat.png"/)
  })
})

describe('iterators', () => {
  const page = (ids: string[]) => ids.map((id) => ({ id }))

  const iterators: Array<[string, (c: MaxClient) => AsyncIterable<unknown>, string]> = [
    ['iterateUsers', (c) => c.iterateUsers({ pageSize: 2 }), '/people'],
    [
      'iterateUserActivities',
      (c) => c.iterateUserActivities(undefined, undefined, { pageSize: 2 }),
      '/people/alice/activities',
    ],
    ['iterateUserTimeline', (c) => c.iterateUserTimeline('bob', { pageSize: 2 }), '/people/bob/timeline'],
    ['iterateActivities', (c) => c.iterateActivities({ pageSize: 2 }), '/activities'],
    [
      'iterateContextActivities',
      (c) => c.iterateContextActivities(ATENEA, { pageSize: 2 }),
      `/contexts/${ATENEA_HASH}/activities`,
    ],
    ['iterateAllComments', (c) => c.iterateAllComments({ pageSize: 2 }), '/activities/comments'],
    [
      'iterateUserComments',
      (c) => c.iterateUserComments(undefined, { pageSize: 2 }),
      '/people/alice/comments',
    ],
    [
      'iterateContextComments',
      (c) => c.iterateContextComments(ATENEA, { pageSize: 2 }),
      `/contexts/${ATENEA_HASH}/comments`,
    ],
    ['iterateContexts', (c) => c.iterateContexts({ pageSize: 2 }), '/contexts'],
    ['iteratePublicContexts', (c) => c.iteratePublicContexts({ pageSize: 2 }), '/contexts/public'],
    [
      'iterateConversationMessages',
      (c) => c.iterateConversationMessages('c1', { pageSize: 2 }),
      '/conversations/c1/messages',
    ],
    ['iterateMessages', (c) => c.iterateMessages({ pageSize: 2 }), '/messages'],
  ]

  it.each(iterators)('%s reads its list page by page', async (_name, iterate, path) => {
    nock(MAX)
      .get(path)
      .query({ limit: '2' })
      .reply(200, page(['x2', 'x1']))
    nock(MAX)
      .get(path)
      .query((query) => query.limit === '2' && typeof query.before === 'string')
      .reply(200, [])
    expect(await collect(iterate(client()))).toEqual(page(['x2', 'x1']))
    expect(nock.isDone()).toBe(true)
  })

  it('tests every iterator of the table above', () => {
    const declared = Object.values(rpcMethods).flatMap((spec) => ('iterator' in spec ? [spec.iterator] : []))
    expect(iterators.map(([name]) => name).sort()).toEqual(declared.sort())
  })

  it('walks the timeline with limit and before=<last id>', async () => {
    nock(MAX)
      .get('/people/alice/timeline')
      .query({ limit: '2' })
      .reply(200, page(['a3', 'a2']))
    nock(MAX)
      .get('/people/alice/timeline')
      .query({ limit: '2', before: 'a2' })
      .reply(200, page(['a1']))
    const items = await collect(client().iterateUserTimeline(undefined, { pageSize: 2 }))
    expect(items.map((item) => item.id)).toEqual(['a3', 'a2', 'a1'])
  })

  it('keeps the caller query and stops at max', async () => {
    nock(MAX)
      .get('/activities')
      .query({ hashtag: 'x', limit: '2' })
      .reply(200, page(['a9', 'a8']))
    const items = await collect(client().iterateActivities({ pageSize: 2, max: 2, qs: { hashtag: 'x' } }))
    expect(items).toHaveLength(2)
  })

  it('pages conversation messages from the first (oldest) item of each page', async () => {
    nock(MAX)
      .get('/conversations/c1/messages')
      .query({ limit: '2' })
      .reply(200, page(['m3', 'm4']))
    nock(MAX)
      .get('/conversations/c1/messages')
      .query({ limit: '2', before: 'm3' })
      .reply(200, page(['m1']))
    const items = await collect(client().iterateConversationMessages('c1', { pageSize: 2 }))
    expect(items.map((item) => item.id)).toEqual(['m3', 'm4', 'm1'])
  })

  it('refuses to iterate max_users people listings, which page forward with after', () => {
    // Ascending username order: before=<last username> would read the first page again.
    expect(() => client().iterateUsers({ pageSize: 2, qs: { max_users: true } })).toThrow(
      /max_users cannot be iterated: .*ascending username order/,
    )
  })

  it('pages a timeline ordered by last comment with the lastComment cursor', async () => {
    const posts = (ids: string[]) => ids.map((id) => ({ id, lastComment: `c-${id}` }))
    nock(MAX)
      .get('/people/alice/timeline')
      .query({ sort: 'published', priority: 'comments', limit: '2' })
      .reply(200, posts(['a2', 'a1']))
    nock(MAX)
      .get('/people/alice/timeline')
      .query({ sort: 'published', priority: 'comments', limit: '2', before: 'c-a1' })
      .reply(200, posts(['a0']))
    const items = await collect(
      client().iterateUserTimeline(undefined, {
        pageSize: 2,
        qs: { sort: 'published', priority: 'comments' },
      }),
    )
    expect(items.map((item) => item.id)).toEqual(['a2', 'a1', 'a0'])
  })

  it('filters user activities by context hash', async () => {
    nock(MAX)
      .get('/people/bob/activities')
      .query({ context: ATENEA_HASH, limit: '5' })
      .reply(200, page(['a1']))
    const items = await collect(client().iterateUserActivities(ATENEA, 'bob', { pageSize: 5 }))
    expect(items).toEqual([{ id: 'a1' }])
  })

  it('throws RequestError when a page fails', async () => {
    nock(MAX)
      .get('/messages')
      .query(true)
      .reply(403, { error: 'Forbidden', error_description: 'Manager only' })
    const error = await failure(collect(client().iterateMessages()))
    expect(error).toBeInstanceOf(RequestError)
    expect(error.status).toBe(403)
  })

  it('refuses limit and before in the query, which the iterator drives', () => {
    const c = client()
    expect(() => c.iterateContexts({ qs: { limit: 5 } as never })).toThrow(/use pageSize/)
    expect(() => c.iterateContexts({ qs: { before: 'x' } as never })).toThrow(UsageError)
  })
})

describe('per-call options shared with rest', () => {
  it('expands underscored field names only when the call asks for it', async () => {
    const sent: unknown[] = []
    const c = new MaxClient('https://max.example.com', {
      actor: 'bob',
      token: 't',
      transport: async (request) => {
        sent.push(JSON.parse(String(request.body)))
        return {
          status: 201,
          headers: { 'content-type': 'application/json' },
          body: new TextEncoder().encode('{}'),
        }
      },
    })
    await c.modifyUser('bob', { display_name: 'Bob' })
    await c.modifyUser('bob', { display_name: 'Bob' }, { expandUnderscores: true })
    expect(sent).toEqual([{ display_name: 'Bob' }, { display: { name: 'Bob' } }])
  })
})

describe('reads sent again', () => {
  it('follow the actor and their arguments, whatever characters those hold', async () => {
    const c = new MaxClient(MAX, { actor: 'alice', token: 't', retry: false })
    const scope = nock(MAX)
      .get('/people/alice')
      .reply(200, { username: 'alice' })
      .get('/people/bob')
      .reply(200, { username: 'bob' })
      .get('/people/a%20b')
      .reply(200, { username: 'a b' })
      .get('/people/u%201/conversations/c')
      .reply(200, { p: 1 })
      .get('/people/u/conversations/1%20c')
      .reply(200, { p: 2 })
    expect((await c.getUser())[2]).toEqual({ username: 'alice' })
    c.setActor('bob')
    expect((await c.getUser())[2]).toEqual({ username: 'bob' })
    expect((await c.getUser('a b'))[2]).toEqual({ username: 'a b' })
    // Two parameters whose values could run together if they were joined.
    expect((await c.getUserConversation('c', 'u 1'))[2]).toEqual({ p: 1 })
    expect((await c.getUserConversation('1 c', 'u'))[2]).toEqual({ p: 2 })
    scope.done()
  })
})

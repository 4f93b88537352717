import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  AuthRequiredError,
  createFetchTransport,
  createNodeTransport,
  type MaxClientOptions,
  MaxCore,
  RequestError,
  type Transport,
  UsageError,
} from '../src/index.node.js'
import { failure } from './helpers.js'

const MAX = 'http://max.test'

beforeAll(() => {
  nock.disableNetConnect()
})
afterEach(() => {
  nock.cleanAll()
})

const transports: Array<[string, () => MaxClientOptions]> = [
  ['node:http (default)', () => ({})],
  ['global fetch', () => ({ fetch: globalThis.fetch })],
]

describe.each(transports)('MaxCore over %s', (_name, transportOptions) => {
  const client = (options: MaxClientOptions = {}) =>
    new MaxCore(MAX, { actor: 'alice', token: 'tok-123456', retry: false, ...transportOptions(), ...options })

  it('sends the three X-Oauth headers and parses JSON', async () => {
    const scope = nock(MAX, {
      reqheaders: {
        'x-oauth-token': 'tok-123456',
        'x-oauth-username': 'alice',
        'x-oauth-scope': 'widgetcli',
        accept: 'application/json',
      },
    })
      .get('/people/alice')
      .reply(200, { username: 'alice' }, { 'content-type': 'application/json' })
    const max = client()
    const response = await max.send({ method: 'GET', path: '/people/alice' })
    expect(response).toMatchObject({ status: 200, ok: true, method: 'GET', url: `${MAX}/people/alice` })
    expect(response.body).toEqual({ username: 'alice' })
    expect(max.lastResponse).toBe(response)
    scope.done()
  })

  it('uses the scope option', async () => {
    const scope = nock(MAX, { reqheaders: { 'x-oauth-scope': 'other' } })
      .get('/x')
      .reply(200, [])
    await client({ scope: 'other' }).request({ method: 'GET', path: '/x' })
    scope.done()
  })

  it('setActor and setToken change the headers of later requests', async () => {
    const scope = nock(MAX, { reqheaders: { 'x-oauth-token': 'new-token', 'x-oauth-username': 'bob' } })
      .get('/people/bob')
      .reply(200, {})
    const max = client()
    max.setActor('bob')
    max.setToken('new-token')
    expect(max.actor).toBe('bob')
    await max.request({ method: 'GET', path: '/people/bob' })
    scope.done()
  })

  it('sends query and JSON body, with content-type', async () => {
    const scope = nock(MAX, { reqheaders: { 'content-type': 'application/json' } })
      .post('/people/alice/activities', { object: { content: 'hi' } })
      .query({ show_acls: '1' })
      .reply(201, { id: 'a1' })
    const body = await client().request({
      method: 'POST',
      path: '/people/alice/activities',
      query: 'show_acls=1',
      body: { object: { content: 'hi' } },
    })
    expect(body).toEqual({ id: 'a1' })
    scope.done()
  })

  it('public routes go without auth headers and work without a token', async () => {
    const scope = nock(MAX, { badheaders: ['x-oauth-token', 'x-oauth-username', 'x-oauth-scope'] })
      .get('/info')
      .reply(200, { version: '5' })
    const max = new MaxCore(MAX, transportOptions())
    expect(await max.request({ method: 'GET', path: '/info', auth: false })).toEqual({ version: '5' })
    scope.done()
  })

  it('HEAD answers the X-totalItems count', async () => {
    nock(MAX).head('/activities').reply(200, '', { 'X-totalItems': '42' })
    expect(await client().request({ method: 'HEAD', path: '/activities' })).toBe(42)
  })

  it('request() throws RequestError with the MAX error; send() does not', async () => {
    nock(MAX).get('/people/ghost').times(2).reply(400, {
      objectType: 'error',
      error: 'UnknownUserError',
      error_description: 'Unknown actor identified by: ghost',
    })
    const max = client()
    const response = await max.send({ method: 'GET', path: '/people/ghost' })
    expect(response.status).toBe(400)
    const error = await failure(max.request({ method: 'GET', path: '/people/ghost' }))
    expect(error).toBeInstanceOf(RequestError)
    expect(error).toMatchObject({
      status: 400,
      error: 'UnknownUserError',
      description: 'Unknown actor identified by: ghost',
      method: 'GET',
      url: `${MAX}/people/ghost`,
    })
    expect(error.message).toContain('UnknownUserError: Unknown actor identified by: ghost')
    expect(error.message).not.toContain('tok-123456')
  })

  it('a network failure is a RequestError with status 0 naming method and URL', async () => {
    nock(MAX)
      .get('/x')
      .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))
    const error = await failure(client().send({ method: 'GET', path: '/x' }))
    expect(error).toBeInstanceOf(RequestError)
    expect(error.status).toBe(0)
    expect(error.message).toContain(`GET ${MAX}/x`)
    expect(error.message).toContain('ECONNREFUSED')
  })
})

describe('auth checks before sending', () => {
  it('no token: AuthRequiredError telling to login or setToken, nothing sent', async () => {
    const max = new MaxCore(MAX, { actor: 'alice' })
    const error = await failure(max.send({ method: 'GET', path: '/people/alice' }))
    expect(error).toBeInstanceOf(AuthRequiredError)
    expect(error).toBeInstanceOf(UsageError)
    expect(error.message).toMatch(/no token/)
    expect(error.message).toMatch(/login\(/)
    expect(error.message).toMatch(/setToken/)
  })

  it('no actor: AuthRequiredError naming the actor', async () => {
    const max = new MaxCore(MAX, { token: 'abcdef' })
    await expect(max.send({ method: 'GET', path: '/x' })).rejects.toThrow(/no actor.*setActor/)
  })

  it('rejects empty actor and token', () => {
    const max = new MaxCore(MAX)
    expect(() => max.setActor('')).toThrow(UsageError)
    expect(() => max.setToken('  ')).toThrow(UsageError)
    expect(() => max.setToken('a\r\nX-Evil: 1')).toThrow(/line breaks/)
  })
})

describe('transports chosen by options', () => {
  afterEach(() => nock.cleanAll())

  it('an injected transport wins over fetch', async () => {
    const seen: string[] = []
    const max = new MaxCore(MAX, {
      token: 'tttt',
      actor: 'a',
      fetch: () => Promise.reject(new Error('fetch must not be used')),
      transport: async (request) => {
        seen.push(`${request.method} ${request.url}`)
        return {
          status: 200,
          headers: { 'content-type': 'application/json' },
          body: new TextEncoder().encode('[1]'),
        }
      },
    })
    expect(await max.request({ method: 'GET', path: '/a', query: 'b=1' })).toEqual([1])
    expect(seen).toEqual([`GET ${MAX}/a?b=1`])
  })

  it('createFetchTransport and createNodeTransport are usable directly', async () => {
    nock(MAX).get('/one').reply(200, 'x').get('/two').reply(200, 'y')
    const a = await createNodeTransport()({ method: 'GET', url: `${MAX}/one`, headers: {} })
    const b = await createFetchTransport(globalThis.fetch)({ method: 'GET', url: `${MAX}/two`, headers: {} })
    expect(new TextDecoder().decode(a.body)).toBe('x')
    expect(new TextDecoder().decode(b.body)).toBe('y')
  })
})

describe('HEAD answered 404', () => {
  afterEach(() => nock.cleanAll())
  const max = () => new MaxCore(MAX, { actor: 'alice', token: 'tok-123456', retry: false })

  it('asks GET: a MAX 404 error means the resource does not exist (null)', async () => {
    nock(MAX)
      .head('/people/ghost/activities')
      .reply(404)
      .get('/people/ghost/activities')
      .reply(404, { objectType: 'error', error: 'ObjectNotFound', error_description: 'Unknown user' })
    expect(await max().request({ method: 'HEAD', path: '/people/ghost/activities' })).toBeNull()
  })

  it('asks GET: a GET that works means the endpoint does not accept HEAD', async () => {
    nock(MAX).head('/x').reply(404).get('/x').reply(200, {})
    const error = await failure(max().request({ method: 'HEAD', path: '/x' }))
    expect(error).toBeInstanceOf(RequestError)
    expect(error.message).toContain('does not accept HEAD')
  })
})

describe('secrets in network errors', () => {
  it('redacts the token when the underlying error echoes the request', async () => {
    const echo: Transport = async (request) => {
      throw new Error(`refused ${JSON.stringify(request.headers)}`)
    }
    const max = new MaxCore(MAX, { actor: 'alice', token: 'tok-LEAK-9999', transport: echo, retry: false })
    const error = await failure(max.send({ method: 'GET', path: '/x' }))
    expect(error).toBeInstanceOf(RequestError)
    expect(error.message).toContain('refused')
    expect(error.message).not.toContain('tok-LEAK-9999')
  })
})

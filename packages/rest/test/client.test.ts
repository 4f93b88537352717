import nock from 'nock'
import { describe, expect, test } from 'vitest'
import {
  AuthRequiredError,
  MaxClient,
  RequestError,
  type RestClientOptions,
  TimeoutError,
  UsageError,
} from '../src/index.js'
import { MAX_URL, newClient, OAUTH_URL, TOKEN, useNock } from './helpers/setup.js'

const HASH = 'e6847aed3105e85ae603c56eb2790ce85e212997'

describe('the seed examples of the issue', () => {
  useNock()

  test('log in, then create, read, post, inspect defaults, upload and count', async () => {
    const client = new MaxClient(MAX_URL, { oauthServer: OAUTH_URL, retry: false })
    const oauth = nock(OAUTH_URL)
      .post('/token', (body) => body.grant_type === 'password' && body.username === 'user.name')
      .reply(200, { access_token: TOKEN })
    await client.login('user.name', 'secret')
    oauth.done()

    const auth = { 'x-oauth-token': TOKEN, 'x-oauth-username': 'user.name', 'x-oauth-scope': 'widgetcli' }
    const scope = nock(MAX_URL, { reqheaders: auth })
      .post('/people/user.name', { displayName: 'User Name' })
      .reply(201, { username: 'user.name', displayName: 'User Name' })
      .get('/people/user.name/activities?limit=1')
      .reply(200, [{ id: '519b00000000000000000000' }])
      .post('/people/user.name/activities', {
        generator: 'Twitter',
        object: { objectType: 'note', content: 'Hello world' },
      })
      .reply(201, { id: '519b00000000000000000001' })
      .post('/people/user.name', { displayName: 'User Name' })
      .reply(200, { username: 'user.name' })
      .post('/people/user.name/avatar', (body) => typeof body === 'string' && body.includes('PNGDATA'))
      .matchHeader('content-type', /^multipart\/form-data; boundary=/)
      .reply(201, 'Image updated')
      .head('/people/user.name/timeline')
      .reply(200, '', { 'X-totalItems': '12' })

    expect(await client.people['user.name']!.post({ displayName: 'User Name' })).toEqual({
      username: 'user.name',
      displayName: 'User Name',
    })
    expect(await client.people['user.name']!.activities.get({ qs: { limit: 1 } })).toEqual([
      { id: '519b00000000000000000000' },
    ])
    await client.people['user.name']!.activities.post({ generator: 'Twitter', object_content: 'Hello world' })
    await client.people['user.name']!.post({ data: { displayName: 'User Name' } })
    expect(client.people['user.name']!.activities.defaults('post')).toEqual({
      object: { objectType: 'note' },
    })
    const file = new Blob([new TextEncoder().encode('PNGDATA')], { type: 'image/png' })
    expect(await client.people['user.name']!.avatar.post({ upload_file: file })).toBe('Image updated')
    expect(await client.people[':me']!.timeline.head()).toBe(12)
    scope.done()
  })

  test('setActor and setToken work as the original', async () => {
    const client = new MaxClient(MAX_URL, { oauthServer: OAUTH_URL, retry: false })
    client.setActor('user.name')
    client.setToken('abc')
    const scope = nock(MAX_URL, { reqheaders: { 'x-oauth-token': 'abc', 'x-oauth-username': 'user.name' } })
      .get('/people/user.name')
      .reply(200, { username: 'user.name' })
    await client.people[':me']!.get()
    scope.done()
  })

  test('a read without arguments follows the actor when it changes (and headers follow the token)', async () => {
    const client = new MaxClient(MAX_URL, { retry: false })
    client.setActor('alice')
    client.setToken('t1')
    const me = client.people[':me']!
    const first = nock(MAX_URL, { reqheaders: { 'x-oauth-token': 't1', 'x-oauth-username': 'alice' } })
      .get('/people/alice')
      .twice()
      .reply(200, { username: 'alice' })
    expect(await me.get()).toEqual({ username: 'alice' })
    expect(await me.get()).toEqual({ username: 'alice' })
    first.done()
    client.setActor('bob')
    client.setToken('t2')
    const second = nock(MAX_URL, { reqheaders: { 'x-oauth-token': 't2', 'x-oauth-username': 'bob' } })
      .get('/people/bob')
      .reply(200, { username: 'bob' })
    expect(await me.get()).toEqual({ username: 'bob' })
    second.done()
  })
})

describe('lastResponse', () => {
  useNock()

  test('holds status, headers and body of the last call', async () => {
    const client = newClient()
    const scope = nock(MAX_URL)
      .get('/people/messi/activities')
      .reply(200, [{ id: 'a' }], { 'X-Has-Remaining-Items': '1' })
      .delete('/activities/519b00000000000000000000')
      .reply(204)
    await client.people['messi']!.activities.get()
    expect(client.lastResponse).toMatchObject({
      status: 200,
      ok: true,
      body: [{ id: 'a' }],
      headers: { 'x-has-remaining-items': '1' },
    })
    await client.activities['519b00000000000000000000']!.delete()
    expect(client.lastResponse?.status).toBe(204)
    expect(client.lastResponse?.body).toBeNull()
    scope.done()
  })

  test('is set by a failed call too', async () => {
    const client = newClient()
    nock(MAX_URL).get('/people/messi').reply(400, {
      objectType: 'error',
      error: 'UnknownUserError',
      error_description: 'Unknown actor identified by: messi',
    })
    await expect(client.people['messi']!.get()).rejects.toThrow(RequestError)
    expect(client.lastResponse?.status).toBe(400)
  })
})

describe('call shape', () => {
  useNock()

  test('every non-reserved key is a body field, expanded on underscores and dots', async () => {
    const client = newClient()
    const scope = nock(MAX_URL)
      .post(`/contexts/${HASH}/activities`, {
        object: { objectType: 'note', content: 'hi' },
        actor: { objectType: 'context', url: 'http://atenea.upc.edu' },
      })
      .reply(201, {})
    await client.contexts['http://atenea.upc.edu']!.activities.post({
      object_content: 'hi',
      'actor.objectType': 'context',
      actor_url: 'http://atenea.upc.edu',
    })
    scope.done()
  })

  test('expandUnderscores can be turned off per client and back on per call', async () => {
    const client = newClient({ expandUnderscores: false })
    const scope = nock(MAX_URL)
      .put('/people/messi', { twitter_username: 'leo' })
      .reply(200, {})
      .put('/people/messi', { twitter: { username: 'leo' } })
      .reply(200, {})
    await client.people['messi']!.put({ twitter_username: 'leo' })
    await client.people['messi']!.put({ twitter_username: 'leo' }, { expandUnderscores: true })
    scope.done()
  })

  test('per-client defaults replace the built-in ones and are inspectable', async () => {
    const options: RestClientOptions = {
      defaults: { 'POST /contexts': { objectType: 'context', notifications: true } },
    }
    const client = newClient(options)
    expect(client.contexts.defaults('post')).toEqual({ objectType: 'context', notifications: true })
    expect(client.contexts.defaults('POST')).toEqual({ objectType: 'context', notifications: true })
    expect(newClient().contexts.defaults('post')).toEqual({ objectType: 'context' })
    const scope = nock(MAX_URL)
      .post('/contexts', { objectType: 'context', notifications: true, url: 'http://a.b', displayName: 'A' })
      .reply(201, {})
    await client.contexts.post({ url: 'http://a.b', displayName: 'A' })
    scope.done()
    // The client keeps its own copy of the table, and hands out copies of the defaults.
    options.defaults!['POST /contexts']!.objectType = 'changed'
    options.defaults!['POST /peeple'] = {}
    expect(client.contexts.defaults('post')).toEqual({ objectType: 'context', notifications: true })
    const copy = client.contexts.defaults('post')!
    copy.objectType = 'changed'
    expect(client.contexts.defaults('post')).toEqual({ objectType: 'context', notifications: true })
  })

  test('defaults() names the methods of the node when given another', () => {
    const client = newClient()
    expect(() => client.people['x']!.activities.defaults('put' as never)).toThrow(
      /defaults\(\) takes one of the methods of this resource \(get, head, post\), got "put"/,
    )
  })

  test('bad defaults tables fail at construction', () => {
    expect(() => newClient({ defaults: { 'POST /peeple': {} } })).toThrow(UsageError)
    expect(() => newClient({ defaults: { 'POST /contexts': [] as never } })).toThrow(UsageError)
    expect(() => newClient({ expandUnderscores: 'no' as never })).toThrow(/expandUnderscores/)
  })

  test('an upload on a method without a body is an error and nothing is sent', async () => {
    const client = newClient()
    await expect(
      client.people['messi']!.activities.get({ upload_file: new Uint8Array([1]) } as never),
    ).rejects.toThrow(/GET requests cannot upload files/)
    await expect(
      client.people['messi']!.timeline.head({ upload_file: new Uint8Array([1]) } as never),
    ).rejects.toThrow(UsageError)
  })

  test('upload_file_<id> names the form field', async () => {
    const client = newClient()
    const scope = nock(MAX_URL)
      .post('/people/messi/activities', (body) => {
        const text = String(body)
        return (
          text.includes('name="image"') &&
          text.includes('IMAGEBYTES') &&
          text.includes('name="json_data"') &&
          text.includes('"objectType":"image"')
        )
      })
      .reply(201, { id: 'x' })
    await client.people['messi']!.activities.post({
      object_objectType: 'image',
      upload_file_image: new TextEncoder().encode('IMAGEBYTES'),
    })
    scope.done()
  })

  test('bad arguments are named, and nothing is sent', async () => {
    const client = newClient()
    const activities = client.people['messi']!.activities
    await expect(activities.get({ qs: { limit: 1 } }, { limit: 1 } as never)).rejects.toThrow(
      /Unknown option "limit" for \/people\/messi\/activities.get\(\); valid options: signal, timeout, retry, headers, maxResponseSize, expandUnderscores/,
    )
    await expect(activities.post('hello' as never)).rejects.toThrow(/takes an object of fields/)
    await expect(activities.post([1] as never)).rejects.toThrow(/got an array/)
    await expect(activities.get({ limit: 1 } as never)).rejects.toThrow(/pass query parameters as \{ qs/)
    await expect(client.people['messi']!.put({ data: {}, displayName: 'x' })).rejects.toThrow(
      /cannot be mixed/,
    )
  })

  test('a request without credentials fails before sending', async () => {
    const client = new MaxClient(MAX_URL, { oauthServer: OAUTH_URL })
    await expect(client.people['messi']!.get()).rejects.toThrow(AuthRequiredError)
    // Public routes need none.
    const scope = nock(MAX_URL).get('/info').reply(200, { version: '5' })
    expect(await client.info.get()).toEqual({ version: '5' })
    scope.done()
  })
})

describe('errors, timeouts and retries come from core', () => {
  useNock()

  test('a MAX error becomes a RequestError with name and description, never the token', async () => {
    const client = newClient()
    nock(MAX_URL).post('/people/messi/activities').reply(400, {
      objectType: 'error',
      error: 'UnknownUserError',
      error_description: 'Unknown actor identified by: messi',
    })
    const error = await client.people['messi']!.activities.post({ object_content: 'x' }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(RequestError)
    expect(error).toMatchObject({
      status: 400,
      error: 'UnknownUserError',
      description: 'Unknown actor identified by: messi',
      method: 'POST',
    })
    expect(String((error as Error).message)).not.toContain(TOKEN)
    expect(JSON.stringify(error)).not.toContain(TOKEN)
  })

  test('a method the server does not implement (non-JSON 404) is a RequestError', async () => {
    const client = newClient()
    nock(MAX_URL)
      .get('/people/messi/activities')
      .reply(404, '<html>Not Found</html>', { 'content-type': 'text/html' })
    await expect(client.people['messi']!.activities.get()).rejects.toMatchObject({ status: 404 })
  })

  test('the per-call timeout option reaches core', async () => {
    const client = newClient()
    nock(MAX_URL).get('/people/messi').delay(5_000).reply(200, {})
    await expect(client.people['messi']!.get(undefined, { timeout: 20 })).rejects.toThrow(TimeoutError)
  })

  test('the per-call signal option reaches core', async () => {
    const client = newClient()
    const controller = new AbortController()
    controller.abort()
    nock(MAX_URL).get('/people/messi').reply(200, {})
    await expect(client.people['messi']!.get(undefined, { signal: controller.signal })).rejects.toThrow()
    nock.cleanAll()
  })

  test('the per-call retry option reaches core', async () => {
    const client = newClient()
    const scope = nock(MAX_URL)
      .get('/people/messi')
      .reply(503)
      .get('/people/messi')
      .reply(200, { username: 'messi' })
    const result = await client.people['messi']!.get(undefined, {
      retry: { retries: 1, minDelay: 1, maxDelay: 1 },
    })
    expect(result).toEqual({ username: 'messi' })
    scope.done()
  })

  test('client hooks see calls made through the tree', async () => {
    const seen: string[] = []
    const client = newClient({
      hooks: {
        beforeRequest: [
          (request) => {
            seen.push(`${request.method} ${request.url}`)
          },
        ],
      },
    })
    nock(MAX_URL).get('/people/messi/timeline').reply(200, [])
    await client.people[':me']!.timeline.get()
    expect(seen).toEqual([`GET ${MAX_URL}/people/messi/timeline`])
  })
})

describe('constructors', () => {
  useNock()

  test('fromHubDomain resolves the MAX server and keeps rest options', async () => {
    const hub = nock('http://hub.example.com')
      .get('/info')
      .reply(200, { domains: { upc: { max_server_url: 'http://max-upc.example.com' } } })
    const client = await MaxClient.fromHubDomain('upc', {
      hub: 'http://hub.example.com',
      oauthServer: OAUTH_URL,
      actor: 'messi',
      token: TOKEN,
      defaults: { 'POST /contexts': { objectType: 'context', notifications: true } },
    })
    hub.done()
    expect(client).toBeInstanceOf(MaxClient)
    expect(client.url).toBe('http://max-upc.example.com')
    expect(client.contexts.defaults('post')).toEqual({ objectType: 'context', notifications: true })
    const scope = nock('http://max-upc.example.com').get('/people/messi').reply(200, { username: 'messi' })
    expect(await client.people[':me']!.get()).toEqual({ username: 'messi' })
    scope.done()
  })

  test('an injected fetch (in-process handler) serves the tree without a socket', async () => {
    const seen: string[] = []
    const handler = async (request: Request): Promise<Response> => {
      seen.push(
        `${request.method} ${new URL(request.url).pathname} ${request.headers.get('x-oauth-username')}`,
      )
      const body = request.method === 'POST' ? await request.json() : null
      return Response.json({ echoed: body }, { status: request.method === 'POST' ? 201 : 200 })
    }
    const client = new MaxClient('http://in-process.local', { fetch: handler, actor: 'messi', token: TOKEN })
    expect(await client.people[':me']!.activities.post({ object_content: 'hi' })).toEqual({
      echoed: { object: { objectType: 'note', content: 'hi' } },
    })
    expect(seen).toEqual(['POST /people/messi/activities messi'])
  })
})

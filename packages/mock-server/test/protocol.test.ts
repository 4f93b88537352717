import { request as httpRequest } from 'node:http'
import { catalog, catalogFromInfoApi, diffCatalogs, type RouteSpec } from '@maxclient/resources'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { MockSnapshot, RunningMockServer } from '../src/index.js'
import { answerOf, login, request, type Session, sessionOf, start } from './helpers.js'

let server: RunningMockServer
let admin: Session
let alice: Session
let seeded: MockSnapshot

beforeAll(async () => {
  server = await start()
  admin = sessionOf(server.url, 'admin', server.issueToken('admin'))
  await admin.call('POST', '/people', { body: { username: 'alice' } })
  await admin.call('POST', '/people', { body: { username: 'bob' } })
  alice = await login(server, 'alice')
  seeded = server.snapshot()
})
beforeEach(() => server.restore(seeded))
afterAll(() => server.close())

describe('authentication', () => {
  it('answers 401 "No auth headers found." without the headers', async () => {
    const answer = await request(server.url, 'GET', '/people/alice')
    expect(answer.status).toBe(401)
    expect(answer.body).toEqual({
      objectType: 'error',
      error: 'Unauthorized',
      error_description: 'No auth headers found.',
    })
  })

  it('hints when the auth fields were sent in the URL, without echoing the token', async () => {
    const answer = await request(server.url, 'GET', '/people/alice', {
      query: { 'X-Oauth-Token': alice.token, 'X-Oauth-Username': 'alice', 'X-Oauth-Scope': 'widgetcli' },
    })
    expect(answer.status).toBe(401)
    expect(answer.body.error_description).toContain('found in the URL')
    expect(answer.text).not.toContain(alice.token)
  })

  it('refuses any scope but widgetcli', async () => {
    const answer = await request(server.url, 'GET', '/people/alice', {
      headers: { 'X-Oauth-Token': alice.token, 'X-Oauth-Username': 'alice', 'X-Oauth-Scope': 'other' },
    })
    expect(answer.status).toBe(401)
    expect(answer.body.error_description).toBe('The specified scope is not allowed for this resource.')
  })

  it('refuses a token issued to someone else, or made up', async () => {
    for (const token of [admin.token, 'made-up']) {
      const answer = await request(server.url, 'GET', '/people/alice', { auth: { username: 'alice', token } })
      expect(answer.status).toBe(401)
      expect(answer.body.error_description).toBe('Invalid token.')
    }
  })

  it('reads the username case-insensitively, as MAX lowercases it', async () => {
    const answer = await request(server.url, 'GET', '/people/alice', {
      auth: { username: 'ALICE', token: alice.token },
    })
    expect(answer.status).toBe(200)
  })

  it('needs a profile for the authenticated user except where the catalog says otherwise', async () => {
    const newcomer = await login(server, 'newcomer')
    const before = await newcomer.call('GET', '/contexts/public')
    expect(before.status).toBe(400)
    expect(before.body).toMatchObject({
      error: 'UnknownUserError',
      error_description: 'Unknown actor identified by: newcomer',
    })
    // POST /people is actorNotRequired: a user creates their own profile with just a token.
    const created = await newcomer.call('POST', '/people', {
      body: { username: 'newcomer', displayName: 'New' },
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ username: 'newcomer', displayName: 'New', subscribedTo: [] })
    expect((await newcomer.call('GET', '/contexts/public')).status).toBe(200)
  })

  it('serves the public routes without auth', async () => {
    expect((await request(server.url, 'GET', '/info')).status).toBe(200)
    expect((await request(server.url, 'GET', '/info/api')).status).toBe(200)
    const root = await request(server.url, 'GET', '/')
    expect(root.text).toBe('I am a max server')
  })
})

describe('OAuth and hub on the same origin', () => {
  const form = (fields: Record<string, string>) => ({
    raw: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  })

  it('issues tokens with the password grant and checks them', async () => {
    const token = await request(
      server.oauthUrl,
      'POST',
      '/token',
      form({
        grant_type: 'password',
        username: 'bob',
        password: 'any',
        scope: 'widgetcli',
        client_id: 'MAX',
      }),
    )
    expect(token.status).toBe(200)
    expect(token.body).toMatchObject({
      access_token: expect.stringMatching(/^[0-9a-f]{32}$/),
      scope: 'widgetcli',
    })
    const good = await request(
      server.oauthUrl,
      'POST',
      '/checktoken',
      form({ access_token: token.body.access_token, username: 'bob', scope: 'widgetcli' }),
    )
    expect(good.status).toBe(200)
    const bad = await request(
      server.oauthUrl,
      'POST',
      '/checktoken',
      form({ access_token: token.body.access_token, username: 'alice' }),
    )
    expect(bad.status).toBe(401)
  })

  it('refuses other grant types', async () => {
    const answer = await request(
      server.oauthUrl,
      'POST',
      '/token',
      form({ grant_type: 'client_credentials', username: 'bob' }),
    )
    expect(answer.status).toBe(400)
    expect(answer.body.error).toBe('unsupported_grant_type')
  })

  it('points GET /info at the OAuth server', async () => {
    const info = await request(server.url, 'GET', '/info')
    expect(info.body['max.oauth_server']).toBe(server.oauthUrl)
  })

  it('answers the hub domains', async () => {
    const hub = await request(server.hubUrl, 'GET', '/info')
    expect(hub.body).toEqual({ domains: { mock: { max_server_url: server.url } } })
  })

  it('takes hub domains from the options', async () => {
    const other = await start({ hub: { domains: { school: 'https://max.school.example' } } })
    try {
      const hub = await request(other.hubUrl, 'GET', '/info')
      expect(hub.body).toEqual({ domains: { school: { max_server_url: 'https://max.school.example' } } })
    } finally {
      await other.close()
    }
  })
})

describe('GET /info/api', () => {
  it('describes the served catalog so a client sync finds nothing to change', async () => {
    const served = await request(server.url, 'GET', '/info/api')
    const synced = catalogFromInfoApi(served.body)
    expect(diffCatalogs(catalog as readonly RouteSpec[], synced)).toEqual({ added: [], removed: [] })
  })

  it('groups routes by category with ?by_category', async () => {
    const grouped = await request(server.url, 'GET', '/info/api', { query: { by_category: '1' } })
    const user = grouped.body.find((c: { name: string }) => c.name === 'User')
    expect(user.resources).toContainEqual(
      expect.objectContaining({ route_id: 'users', route_url: '/people' }),
    )
  })
})

describe('unknown routes and methods', () => {
  it('answers an HTML 404 page for browsers and */*', async () => {
    const answer = await request(server.url, 'GET', '/nothing/here')
    expect(answer.status).toBe(404)
    expect(answer.headers.get('content-type')).toContain('text/html')
    expect(answer.text).toContain('404 Not Found')
  })

  it('answers a JSON page without an "error" key when JSON is preferred', async () => {
    const answer = await request(server.url, 'GET', '/nothing', { headers: { Accept: 'application/json' } })
    expect(answer.status).toBe(404)
    expect(answer.body).toMatchObject({ code: '404 Not Found', title: 'Not Found' })
    expect(answer.body).not.toHaveProperty('error')
  })

  it('answers plain text otherwise', async () => {
    const answer = await request(server.url, 'GET', '/nothing', { headers: { Accept: 'text/plain' } })
    expect(answer.headers.get('content-type')).toContain('text/plain')
  })

  it('answers 404 (not 405) for a method a route lacks, before checking auth', async () => {
    const answer = await alice.call('GET', '/people/alice/conversations/0123456789abcdef01234567/messages')
    expect(answer.status).toBe(404)
    expect(answer.headers.get('content-type')).toContain('text/html')
    expect((await request(server.url, 'PATCH', '/people/alice')).status).toBe(404)
  })

  it('escapes the path in the HTML page', async () => {
    const answer = await request(server.url, 'GET', '/%3Cscript%3E')
    expect(answer.text).not.toContain('<script>')
  })
})

describe('bad input never crashes the server', () => {
  it('reads invalid JSON as {} like MAX, so required fields are reported missing', async () => {
    const answer = await admin.call('POST', '/contexts', {
      raw: '{"url": ',
      headers: { 'Content-Type': 'application/json' },
    })
    expect(answer.status).toBe(400)
    expect(answer.body).toMatchObject({
      error: 'MissingField',
      error_description: 'Required parameter "url" not found in the request',
    })
  })

  it('rejects a non-object body where an object is required', async () => {
    const answer = await admin.call('POST', '/people', { body: ['alice'] })
    expect(answer.status).toBe(400)
    expect(answer.body.error).toBe('ValidationError')
  })

  it('keeps serving after a storm of malformed requests', async () => {
    const bad: Array<[string, string, unknown]> = [
      ['POST', '/contexts', { url: 42 }],
      ['POST', '/contexts', { url: 'http://x', permissions: 'all' }],
      ['POST', '/contexts', { url: 'http://x', tags: 'one' }],
      ['POST', '/people/alice/activities', { object: 'note' }],
      [
        'POST',
        '/people/alice/activities',
        { object: { objectType: 'note', content: 'x' }, published: 'yesterday' },
      ],
      ['POST', '/conversations', { contexts: 'nope' }],
      ['POST', '/conversations', { contexts: [{ participants: [1, 2] }] }],
      ['PUT', '/people/alice', { displayName: 7 }],
      ['POST', '/tokens', { platform: ['ios'], token: {} }],
      ['POST', '/people', { username: '__proto__' }],
      ['PUT', '/contexts/abc/tags', { __proto__: { polluted: true } }],
    ]
    for (const [method, path, body] of bad) {
      const answer = await admin.call(method, path, { body })
      expect(answer.status, `${method} ${path}`).toBeLessThan(500)
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect((await admin.call('GET', '/admin/maintenance/exceptions')).body).toEqual([])
    expect((await request(server.url, 'GET', '/info')).status).toBe(200)
  })

  it('rejects malformed percent-encoding with a 404 page', async () => {
    const answer = await alice.call('GET', '/people/%E0%A4%A')
    expect(answer.status).toBe(404)
  })

  it('rejects both before and after', async () => {
    const answer = await alice.call('GET', '/people/alice/activities', {
      query: { before: '0123456789abcdef01234567', after: '0123456789abcdef01234567' },
    })
    expect(answer.status).toBe(400)
    expect(answer.body.error).toBe('InvalidSearchParams')
  })

  it('answers an unknown sort with 400 InvalidSearchParams (MAX fails with a 500)', async () => {
    const answer = await alice.call('GET', '/people/alice/timeline', { query: { sort: 'random' } })
    expect(answer.status).toBe(400)
  })
})

describe('method override and deprecated forms', () => {
  it('tunnels a PUT through POST with X-HTTP-Method-Override', async () => {
    const answer = await alice.call('POST', '/people/alice', {
      body: { displayName: 'Tunnelled' },
      headers: { 'X-HTTP-Method-Override': 'PUT' },
    })
    expect(answer.status).toBe(200)
    expect(answer.body.displayName).toBe('Tunnelled')
  })

  it('tunnels a GET with auth in form fields', async () => {
    const answer = await request(server.url, 'POST', '/people/alice', {
      raw: new URLSearchParams({
        'X-HTTP-Method-Override': 'GET',
        'X-Oauth-Token': alice.token,
        'X-Oauth-Username': 'alice',
        'X-Oauth-Scope': 'widgetcli',
      }).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    expect(answer.status).toBe(200)
    expect(answer.body.username).toBe('alice')
  })

  it('rewrites POST /people/{username} to POST /people', async () => {
    const answer = await admin.call('POST', '/people/Carla', { body: { displayName: 'Carla' } })
    expect(answer.status).toBe(201)
    expect(answer.body).toMatchObject({ username: 'carla', displayName: 'Carla' })
  })

  it('rewrites a user post with contexts to the context post', async () => {
    const context = await admin.call('POST', '/contexts', {
      body: {
        url: 'http://old.example',
        permissions: { read: 'public', write: 'public', subscribe: 'public' },
      },
    })
    await alice.call('POST', `/contexts/${context.body.hash}/subscriptions`)
    const answer = await alice.call('POST', '/people/alice/activities', {
      body: {
        contexts: [{ url: 'http://old.example', objectType: 'context' }],
        object: { objectType: 'note', content: 'old style' },
      },
    })
    expect(answer.status).toBe(201)
    expect(answer.body.contexts[0].hash).toBe(context.body.hash)
  })

  it('rewrites the old device-token forms (the POST answers the profile)', async () => {
    const token = 'abcdefabcdefabcdefabcdefabcdef12'
    const added = await alice.call('POST', `/people/alice/device/ios/${token}`)
    expect(added.status).toBe(201)
    expect(added.body).toMatchObject({ username: 'alice', objectType: 'person' })
    expect((await alice.call('GET', '/people/alice/tokens')).body).toEqual([
      { platform: 'ios', token, username: 'alice' },
    ])
    expect((await alice.call('DELETE', `/people/alice/device/ios/${token}`)).status).toBe(204)
    expect((await alice.call('GET', '/people/alice/tokens')).body).toEqual([])
  })

  it('rewrites the old subscription and conversation forms', async () => {
    const context = await admin.call('POST', '/contexts', {
      body: {
        url: 'http://legacy.example',
        permissions: { read: 'public', write: 'public', subscribe: 'public' },
      },
    })
    await alice.call('POST', '/people/alice/subscriptions', {
      body: { object: { url: 'http://legacy.example' } },
    })
    expect((await alice.call('DELETE', `/people/alice/subscriptions/${context.body.hash}`)).status).toBe(204)
    const group = await alice.call('POST', '/conversations', {
      body: {
        contexts: [{ participants: ['alice', 'bob', 'admin'] }],
        object: { objectType: 'note', content: 'hi' },
      },
    })
    const id = group.body.contexts[0].id
    expect((await admin.call('DELETE', `/people/bob/conversations/${id}`)).status).toBe(204)
    expect((await alice.call('POST', `/people/bob/conversations/${id}`)).status).toBe(201)
  })

  it('maps the deprecated sortBy parameter', async () => {
    const answer = await alice.call('GET', '/people/alice/timeline', { query: { sortBy: 'likes' } })
    expect(answer.status).toBe(200)
  })
})

describe('HTTP details', () => {
  it('keeps connections alive between requests', async () => {
    const { Agent } = await import('node:http')
    const agent = new Agent({ keepAlive: true, maxSockets: 1 })
    const sockets = new Set<unknown>()
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((resolve, reject) => {
        const req = httpRequest(`${server.url}/info`, { agent }, (res) => {
          sockets.add(req.socket)
          res.resume()
          res.on('end', resolve)
        })
        req.on('error', reject)
        req.end()
      })
    }
    agent.destroy()
    expect(sockets.size).toBe(1)
  })

  it('streams large uploads and downloads byte for byte', async () => {
    const big = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251)
    const form = new FormData()
    form.set('json_data', JSON.stringify({ object: { objectType: 'file', content: 'big' } }))
    form.set('file', new Blob([big], { type: 'application/octet-stream' }), 'big.bin')
    const posted = await alice.call('POST', '/people/alice/activities', { raw: form })
    expect(posted.status).toBe(201)
    expect(posted.body.object).toMatchObject({
      filename: 'big.bin',
      mimetype: 'application/octet-stream',
      fullURL: `/activities/${posted.body.id}/file/download`,
    })
    const response = await fetch(`${server.url}${posted.body.object.fullURL}`, {
      headers: { 'X-Oauth-Token': alice.token, 'X-Oauth-Username': 'alice', 'X-Oauth-Scope': 'widgetcli' },
    })
    const received = Buffer.from(await response.arrayBuffer())
    // Buffer.equals: a deep toEqual over three million elements would take longer than the transfer.
    expect(received.length).toBe(big.length)
    expect(received.equals(Buffer.from(big))).toBe(true)
  })

  it('accepts the base64 JSON upload variant of the mobile app', async () => {
    const bytes = Buffer.from('plain file bytes')
    const posted = await alice.call('POST', '/people/alice/activities', {
      body: {
        data: {
          json_data: JSON.stringify({ object: { objectType: 'file', content: 'b64', filename: 'b.txt' } }),
          file: bytes.toString('base64'),
        },
      },
    })
    expect(posted.status).toBe(201)
    expect(posted.body.object.filename).toBe('b.txt')
    const download = await alice.call('GET', posted.body.object.fullURL)
    expect(download.text).toBe('plain file bytes')
  })

  it('answers the JSON error shape with application/json', async () => {
    const response = await fetch(`${server.url}/people/alice`)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect((await answerOf(response)).body.objectType).toBe('error')
  })
})

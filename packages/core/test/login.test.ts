import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  BadCredentialsError,
  MaxCore,
  MaxError,
  RequestError,
  TimeoutError,
  UsageError,
} from '../src/index.node.js'
import { failure } from './helpers.js'

const MAX = 'http://max.test'
const OAUTH = 'http://oauth.test'

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())

const tokenForm = (fields: Record<string, string> = {}) =>
  new URLSearchParams({
    grant_type: 'password',
    client_id: 'MAX',
    scope: 'widgetcli',
    username: 'alice',
    password: 's3cret-pass',
    bypass: 'False',
    ...fields,
  }).toString()

/** A nock reply answering 200 + `answer` only when the raw form body is exactly `expected`. */
function formReply(expected: string, answer: object) {
  return (_uri: string, body: unknown): [number, string] =>
    body === expected ? [200, JSON.stringify(answer)] : [418, `unexpected body ${String(body)}`]
}

describe('login', () => {
  it('posts the password grant form as the Python client did and sets actor and token', async () => {
    const token = nock(OAUTH, { reqheaders: { 'content-type': 'application/x-www-form-urlencoded' } })
      .post('/token')
      .reply(formReply(tokenForm(), { access_token: 'fresh-token', scope: 'widgetcli' }))
    const use = nock(MAX, { reqheaders: { 'x-oauth-token': 'fresh-token', 'x-oauth-username': 'alice' } })
      .get('/people/alice')
      .reply(200, { username: 'alice' })
    const max = new MaxCore(MAX, { oauthServer: OAUTH })
    expect(await max.login('alice', 's3cret-pass')).toBe('fresh-token')
    expect(max.actor).toBe('alice')
    expect(max.hasToken).toBe(true)
    await max.request({ method: 'GET', path: '/people/alice' })
    token.done()
    use.done()
  })

  it('keeps the exact field order and sends bypass as the text True', async () => {
    const scope = nock(OAUTH)
      .post('/token')
      .reply(
        formReply(
          'grant_type=password&client_id=MAX&scope=widgetcli&username=alice&password=s3cret-pass&bypass=True',
          { access_token: 't0k3n' },
        ),
      )
    await new MaxCore(MAX, { oauthServer: OAUTH }).login('alice', 's3cret-pass', { bypass: true })
    scope.done()
  })

  it('uses the grantType, clientId and scope options', async () => {
    const scope = nock(OAUTH)
      .post('/token')
      .reply(
        formReply(tokenForm({ grant_type: 'custom', client_id: 'APP', scope: 'other' }), {
          access_token: 'x-token',
        }),
      )
    const max = new MaxCore(MAX, {
      oauthServer: `${OAUTH}/`,
      grantType: 'custom',
      clientId: 'APP',
      scope: 'other',
    })
    await max.login('alice', 's3cret-pass')
    scope.done()
  })

  it('falls back to the legacy oauth_token key', async () => {
    nock(OAUTH).post('/token').reply(200, { oauth_token: 'legacy-token', fresh: false })
    expect(await new MaxCore(MAX, { oauthServer: OAUTH }).login('alice', 'pw')).toBe('legacy-token')
  })

  it('defaults the username to the actor and the password to empty', async () => {
    const scope = nock(OAUTH)
      .post('/token')
      .reply(formReply(tokenForm({ username: 'bob', password: '' }), { access_token: 'bob-token' }))
    const max = new MaxCore(MAX, { oauthServer: OAUTH, actor: 'bob' })
    await max.login()
    scope.done()
  })

  it('without a username or actor is a UsageError, before anything is sent', async () => {
    await expect(new MaxCore(MAX, { oauthServer: OAUTH }).login()).rejects.toThrow(UsageError)
  })

  it('a refusal is a BadCredentialsError naming both servers, never the password', async () => {
    nock(OAUTH).post('/token').reply(401, { error: 'invalid_grant' })
    const max = new MaxCore(MAX, { oauthServer: OAUTH })
    const error = await failure(max.login('alice', 's3cret-pass'))
    expect(error).toBeInstanceOf(BadCredentialsError)
    expect(error.message).toContain(OAUTH)
    expect(error.message).toContain(MAX)
    expect(error.message).toContain('invalid_grant')
    expect(error.message).not.toContain('s3cret-pass')
    expect(JSON.stringify(error)).not.toContain('s3cret-pass')
    expect(error.status).toBe(401)
    expect(max.hasToken).toBe(false)
  })

  it('only an invalid_grant answer is a refusal; 201, 5xx or an unexpected 400 is a RequestError with its status', async () => {
    nock(OAUTH)
      .post('/token')
      .reply(201, { access_token: 'x-token' })
      .post('/token')
      .reply(500, { error: 'server_error', error_description: 'database down' })
      .post('/token')
      .reply(400, { error: 'invalid_client' })
      .post('/token')
      .reply(400, { error: 'invalid_grant', error_description: 'Invalid username or password' })
    const max = new MaxCore(MAX, { oauthServer: OAUTH })
    for (const [status, text] of [
      [201, /HTTP 201/],
      [500, /HTTP 500: server_error \(database down\)/],
      [400, /HTTP 400: invalid_client/],
    ] as const) {
      const error = await failure(max.login('alice', 'pw'))
      expect(error).toBeInstanceOf(RequestError)
      expect(error).not.toBeInstanceOf(BadCredentialsError)
      expect(error.status).toBe(status)
      expect(error.message).toMatch(text)
    }
    const refusal = await failure(max.login('alice', 'pw'))
    expect(refusal).toBeInstanceOf(BadCredentialsError)
    expect(refusal.status).toBe(400)
  })

  it('a 200 without a token or with a non-JSON body is a clear error', async () => {
    nock(OAUTH).post('/token').reply(200, { scope: 'widgetcli' }).post('/token').reply(200, '<html>ok</html>')
    const max = new MaxCore(MAX, { oauthServer: OAUTH })
    await expect(max.login('alice', 'pw')).rejects.toThrow(/without a token/)
    const error = await failure(max.login('alice', 'pw'))
    expect(error).toBeInstanceOf(RequestError)
    expect(error.message).toMatch(/without a JSON object/)
    expect(max.hasToken).toBe(false)
  })

  it('POST /token is not retried on 503', async () => {
    const scope = nock(OAUTH).post('/token').reply(503, 'busy')
    const max = new MaxCore(MAX, { oauthServer: OAUTH, retry: { retries: 3, minDelay: 0 } })
    const error = await failure(max.login('alice', 'pw'))
    expect(error).toBeInstanceOf(RequestError)
    expect(error.status).toBe(503)
    scope.done()
  })
})

describe('OAuth server discovery through /info', () => {
  it('reads max.oauth_server once, strips the trailing slash, and caches it', async () => {
    const info = nock(MAX)
      .get('/info')
      .once()
      .reply(200, { 'max.oauth_server': `${OAUTH}/`, version: '5.3' })
    nock(OAUTH).post('/token').twice().reply(200, { access_token: 'tok-tok' })
    const max = new MaxCore(MAX)
    await max.login('alice', 'pw')
    await max.login('alice', 'pw')
    expect(await max.oauthServer()).toBe(OAUTH)
    expect(await max.serverInfo()).toEqual({ 'max.oauth_server': `${OAUTH}/`, version: '5.3' })
    info.done()
  })

  it('sends no auth headers to /info', async () => {
    const scope = nock(MAX, { badheaders: ['x-oauth-token'] })
      .get('/info')
      .reply(200, { version: '5' })
    await new MaxCore(MAX, { token: 'secret-token', actor: 'a' }).serverInfo()
    scope.done()
  })

  it.each([
    [404, 'Not Found', /GET http:\/\/max.test\/info answered HTTP 404/],
    [500, 'boom', /answered HTTP 500/],
    [502, 'Bad Gateway', /answered HTTP 502.*running/],
    [200, '<html>hello</html>', /did not answer a JSON object/],
  ])('a %i answer gives a clear error naming the URL', async (status, body, message) => {
    nock(MAX).get('/info').reply(status, body)
    const error = await failure(new MaxCore(MAX, { retry: false }).login('alice', 'pw'))
    expect(error).toBeInstanceOf(RequestError)
    expect(error.message).toMatch(message)
    expect(error.message).toContain('http://max.test/info')
  })

  it('no answer gives a status-0 error naming the URL, and a later call tries again', async () => {
    nock(MAX)
      .get('/info')
      .replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))
    const max = new MaxCore(MAX, { retry: false })
    const error = await failure(max.serverInfo())
    expect(error).toBeInstanceOf(RequestError)
    expect(error.status).toBe(0)
    expect(error.message).toContain('http://max.test/info')
    expect(error.message).toContain('ECONNREFUSED')
    nock(MAX).get('/info').reply(200, { 'max.oauth_server': OAUTH })
    expect(await max.oauthServer()).toBe(OAUTH)
  })

  it('an /info without max.oauth_server asks for the oauthServer option', async () => {
    nock(MAX).get('/info').reply(200, { version: '5' })
    const error = await failure(new MaxCore(MAX).oauthServer())
    expect(error).toBeInstanceOf(MaxError)
    expect(error.message).toMatch(/max\.oauth_server.*oauthServer option/)
  })

  it('a timeout of /info stays a TimeoutError', async () => {
    nock(MAX).get('/info').delay(3000).reply(200, {})
    const error = await failure(new MaxCore(MAX, { retry: false, timeout: 20 }).serverInfo())
    expect(error).toBeInstanceOf(TimeoutError)
  })

  it('the oauthServer option skips discovery', async () => {
    expect(await new MaxCore(MAX, { oauthServer: 'https://auth.test/' }).oauthServer()).toBe(
      'https://auth.test',
    )
  })
})

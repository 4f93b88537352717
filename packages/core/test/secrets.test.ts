import { inspect } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BadCredentialsError,
  type MaxClientOptions,
  MaxCore,
  RequestError,
  redactUrl,
  resolveHubDomain,
  UsageError,
} from '../src/index.node.js'
import { failure } from './helpers.js'
import { type LocalServer, startServer } from './local-server.js'

const TOKEN = 'tok-SECRET-4f1c2b9a'
const PASSWORD = 'pw with spaces & symbols=42'
const BASIC_USER = 'proxyuser'
const BASIC_PASSWORD = 'basic-pw-77aa'
const BASIC = `${BASIC_USER}:${BASIC_PASSWORD}`
const BASIC64 = Buffer.from(BASIC).toString('base64')
const SECRETS = [TOKEN, PASSWORD, encodeURIComponent(PASSWORD), BASIC_PASSWORD, BASIC, BASIC64]

// Every text the secret tests produce: errors (message, stack, JSON, inspect), debug lines.
const texts: string[] = []
function collect(error: unknown): unknown {
  const e = error as Error & Record<string, unknown>
  texts.push(String(e.message), String(e.stack), JSON.stringify(e), inspect(e, { depth: 5 }), String(e))
  for (const key of ['description', 'error', 'url'])
    if (typeof e[key] === 'string') texts.push(e[key] as string)
  return error
}

// A server that echoes every credential it gets, as a careless proxy or OAuth server might.
let server: LocalServer
beforeAll(async () => {
  server = await startServer((req, res) => {
    const echo = `token ${req.headers['x-oauth-token']} is not valid; auth ${req.headers.authorization}; body ${req.body}; basic ${BASIC}`
    res.setHeader('content-type', 'application/json')
    if (req.url === '/token') {
      const invalid = !req.body.toString().includes('username=outage')
      res.writeHead(invalid ? 400 : 500)
      res.end(JSON.stringify({ error: invalid ? 'invalid_grant' : 'server_error', error_description: echo }))
      return
    }
    res.writeHead(req.url === '/gone' ? 500 : 401)
    res.end(JSON.stringify({ error: 'InvalidOAuthCredentials', error_description: echo }))
  })
})
afterAll(() => server.close())

describe.each([
  ['node:http', {}],
  ['fetch', { fetch: globalThis.fetch }],
] as Array<[string, MaxClientOptions]>)('secrets echoed by a server over %s', (_name, transport) => {
  const client = () =>
    new MaxCore(server.url, {
      ...transport,
      token: TOKEN,
      actor: 'alice',
      oauthServer: server.url,
      basicAuth: { username: BASIC_USER, password: BASIC_PASSWORD },
      retry: false,
      debug: (line) => texts.push(line),
    })

  it('a RequestError carries no token or basic-auth credential (message, description, JSON, stack)', async () => {
    for (const path of ['/people/alice', '/gone']) {
      const error = collect(await failure(client().request({ method: 'GET', path })))
      expect(error).toBeInstanceOf(RequestError)
      expect((error as RequestError).error).toBe('InvalidOAuthCredentials')
      expect((error as RequestError).description).toContain('[REDACTED]')
    }
  })

  it('a refused login and a failing OAuth server carry no password', async () => {
    const refused = collect(await failure(client().login('alice', PASSWORD)))
    expect(refused).toBeInstanceOf(BadCredentialsError)
    const outage = collect(await failure(client().login('outage', PASSWORD)))
    expect(outage).toBeInstanceOf(RequestError)
    expect((outage as RequestError).status).toBe(500)
  })

  it('an error thrown by a network failure carries no secret', async () => {
    const max = new MaxCore('http://127.0.0.1:9', {
      ...transport,
      token: TOKEN,
      actor: 'alice',
      basicAuth: { username: BASIC_USER, password: BASIC_PASSWORD },
      retry: false,
      debug: (line) => texts.push(line),
    })
    collect(await failure(max.request({ method: 'GET', path: `/people/alice`, query: { t: TOKEN } })))
  })
})

describe('credentials in URLs', () => {
  it('the constructor refuses user-info and points to basicAuth, without echoing the password', () => {
    for (const url of ['https://user:s3cr3t-url-pw@max.example.org', 'https://user@max.example.org']) {
      const error = collect(
        (() => {
          try {
            new MaxCore(url)
          } catch (caught) {
            return caught
          }
          throw new Error('expected a UsageError')
        })(),
      ) as Error
      expect(error).toBeInstanceOf(UsageError)
      expect(error.message).toMatch(/basicAuth/)
      expect(error.message).not.toContain('s3cr3t-url-pw')
    }
    expect(
      () => new MaxCore('https://max.example.org', { oauthServer: 'https://u:p@oauth.example.org' }),
    ).toThrow(/basicAuth/)
  })

  it('a hub answer with credentials in the URL is refused', async () => {
    const hub = await startServer((_req, res) => {
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ domains: { upc: { max_server_url: 'https://u:hub-pw-1234@max.upc.test' } } }))
    })
    try {
      const error = collect(await failure(resolveHubDomain('upc', { hub: hub.url, retry: false }))) as Error
      expect(error).toBeInstanceOf(UsageError)
      expect(error.message).not.toContain('hub-pw-1234')
    } finally {
      await hub.close()
    }
  })

  it('redactUrl hides user-info anywhere in a text', () => {
    expect(redactUrl('https://u:pw@host/x?token=abc')).toBe('https://[REDACTED]@host/x?token=[REDACTED]')
  })
})

describe('the grep', () => {
  it('finds no token, password, basic-auth string or its base64 in anything produced above', () => {
    expect(texts.length).toBeGreaterThan(20)
    const all = texts.join('\n')
    for (const secret of [...SECRETS, 's3cr3t-url-pw', 'hub-pw-1234']) {
      expect(all.includes(secret), `found ${secret}`).toBe(false)
    }
  })
})

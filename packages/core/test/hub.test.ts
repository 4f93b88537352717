import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { MaxCore, MaxError, RequestError, resolveHubDomain, UsageError } from '../src/index.node.js'
import { failure } from './helpers.js'

const HUB = 'http://hub.test'

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())

const hubInfo = {
  domains: {
    upc: { max_server_url: 'https://max.upc.test' },
    demo: { max_server_url: 'https://demo.test/' },
  },
  default_maxserver_url: 'https://max.default.test/',
}

describe('hub discovery', () => {
  it('uses domains[domain].max_server_url', async () => {
    nock(HUB).get('/info').reply(200, hubInfo)
    expect(await resolveHubDomain('upc', { hub: HUB })).toBe('https://max.upc.test')
  })

  it('falls back to default_maxserver_url + "/" + domain', async () => {
    nock(HUB).get('/info').reply(200, hubInfo)
    expect(await resolveHubDomain('other', { hub: `${HUB}/` })).toBe('https://max.default.test/other')
  })

  it('fails listing the known domains when neither exists', async () => {
    nock(HUB).get('/info').reply(200, { domains: hubInfo.domains })
    const error = await failure(resolveHubDomain('nowhere', { hub: HUB }))
    expect(error).toBeInstanceOf(MaxError)
    expect(error.message).toContain('"nowhere"')
    expect(error.message).toContain('known domains: demo, upc')
  })

  it('a domain named like an Object.prototype member is just unknown', async () => {
    nock(HUB).get('/info').reply(200, { domains: {} })
    await expect(resolveHubDomain('constructor', { hub: HUB })).rejects.toThrow(/lists no domains/)
  })

  it('a failing hub is a RequestError naming the hub URL', async () => {
    nock(HUB).get('/info').reply(500, 'oops')
    const error = await failure(resolveHubDomain('upc', { hub: HUB, retry: false }))
    expect(error).toBeInstanceOf(RequestError)
    expect(error.message).toContain('http://hub.test/info')
  })

  it('rejects an empty domain or a missing hub before sending', async () => {
    await expect(resolveHubDomain('', { hub: HUB })).rejects.toThrow(UsageError)
    await expect(resolveHubDomain('upc', {} as { hub: string })).rejects.toThrow(/hub URL/)
  })

  it('fromHubDomain builds a client of the class it is called on, with the given options', async () => {
    class MyClient extends MaxCore {
      hello() {
        return 'hi'
      }
    }
    nock(HUB, { badheaders: ['x-oauth-token'] })
      .get('/info')
      .reply(200, hubInfo)
    const scope = nock('https://max.upc.test', {
      reqheaders: { 'x-oauth-token': 'tok-hub', 'x-oauth-username': 'al' },
    })
      .get('/people/al')
      .reply(200, { username: 'al' })
    const client = await MyClient.fromHubDomain('upc', { hub: HUB, token: 'tok-hub', actor: 'al' })
    expect(client).toBeInstanceOf(MyClient)
    expect(client.hello()).toBe('hi')
    expect(client.url).toBe('https://max.upc.test')
    expect(await client.request({ method: 'GET', path: '/people/al' })).toEqual({ username: 'al' })
    scope.done()
  })
})

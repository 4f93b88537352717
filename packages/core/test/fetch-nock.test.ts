import { gzipSync } from 'node:zlib'
import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { MaxCore } from '../src/index.js'

const MAX = 'http://max.test'

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())

describe('fetch transport (default entry) through nock', () => {
  it('is the default transport of the non-Node entry and decodes gzip', async () => {
    const scope = nock(MAX)
      .get('/people/alice')
      .reply(200, gzipSync(JSON.stringify({ username: 'alice' })), {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      })
    const max = new MaxCore(MAX, { actor: 'alice', token: 'tok-123456' })
    expect(await max.request({ method: 'GET', path: '/people/alice' })).toEqual({ username: 'alice' })
    scope.done()
  })

  it('follows redirects', async () => {
    nock(MAX)
      .get('/old')
      .reply(302, '', { location: `${MAX}/new` })
      .get('/new')
      .reply(200, { moved: true })
    const max = new MaxCore(MAX)
    expect(await max.request({ method: 'GET', path: '/old', auth: false })).toEqual({ moved: true })
  })
})

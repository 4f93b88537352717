import nock from 'nock'
import { describe, expect, test } from 'vitest'
import replay from './fixtures/replay.json' with { type: 'json' }
import { MAX_URL, newClient, TOKEN, useNock, walk } from './helpers/setup.js'

interface ReplayCase {
  name: string
  steps: Array<string | { value: string }>
  call: string
  fields?: Record<string, unknown>
  expect: { method: string; path: string; query?: string; body?: unknown }
  reply: { status: number; body?: unknown; headers?: Record<string, string> }
  result: unknown
}

const cases = replay.cases as ReplayCase[]

describe('replay of the MAX documentation examples', () => {
  useNock()

  test('covers at least 40 request/response pairs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40)
  })

  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const client = newClient()
    const target = c.expect.path + (c.expect.query ? `?${c.expect.query}` : '')
    const publicRoute = c.expect.path === '/info'
    const scope = nock(MAX_URL, {
      reqheaders: publicRoute ? {} : { 'x-oauth-token': TOKEN, 'x-oauth-username': 'messi' },
      badheaders: publicRoute ? ['x-oauth-token'] : [],
    })
      .intercept(target, c.expect.method, c.expect.body as nock.RequestBodyMatcher | undefined)
      .reply(c.reply.status, c.reply.body as nock.Body, c.reply.headers)

    const result = await walk(client, c.steps)[c.call](c.fields)

    expect(result).toEqual(c.result)
    expect(client.lastResponse?.status).toBe(c.reply.status)
    scope.done()
  })
})

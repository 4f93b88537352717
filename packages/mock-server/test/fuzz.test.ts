import { routePairs } from '@maxclient/resources'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { createMockHandler, type MockHandler, type MockSnapshot } from '../src/index.js'

const BASE = 'http://fuzz.test'
let handler: MockHandler
let token: string
let seeded: MockSnapshot
const known: Record<string, string[]> = {
  username: ['admin', 'ana'],
  user: ['admin', 'ana'],
  hash: [],
  activity: [],
  comment: [],
  id: [],
  role: ['Manager', 'NonVisible'],
  permission: ['read', 'write', 'flag'],
  platform: ['ios', 'android'],
  size: ['full', 'thumb', 'large'],
  tag: ['t1'],
  token: [],
}

async function call(method: string, path: string, body?: string, contentType = 'application/json') {
  const response = await handler(
    new Request(`${BASE}${path}`, {
      method,
      headers: {
        'X-Oauth-Token': token,
        'X-Oauth-Username': 'admin',
        'X-Oauth-Scope': 'widgetcli',
        'Content-Type': contentType,
      },
      ...(body === undefined ? {} : { body }),
    }),
  )
  return { status: response.status, text: await response.text() }
}

beforeAll(async () => {
  handler = createMockHandler({ clock: () => new Date('2024-01-01T00:00:00Z') })
  token = handler.issueToken('admin')
  await call('POST', '/people', JSON.stringify({ username: 'ana' }))
  const context = JSON.parse(
    (await call('POST', '/contexts', JSON.stringify({ url: 'http://fuzz', tags: ['t1'] }))).text,
  )
  known.hash!.push(context.hash)
  await call(
    'POST',
    `/contexts/${context.hash}/subscriptions`,
    JSON.stringify({ actor: { username: 'ana' } }),
  )
  const post = JSON.parse(
    (
      await call(
        'POST',
        `/contexts/${context.hash}/activities`,
        JSON.stringify({ object: { objectType: 'note', content: 'x' } }),
      )
    ).text,
  )
  known.activity!.push(post.id)
  const comment = JSON.parse(
    (
      await call(
        'POST',
        `/activities/${post.id}/comments`,
        JSON.stringify({ object: { objectType: 'comment', content: 'c' } }),
      )
    ).text,
  )
  known.comment!.push(comment.id)
  const message = JSON.parse(
    (
      await call(
        'POST',
        '/conversations',
        JSON.stringify({
          contexts: [{ participants: ['admin', 'ana'] }],
          object: { objectType: 'note', content: 'm' },
        }),
      )
    ).text,
  )
  known.id!.push(message.contexts[0].id, message.id)
  seeded = handler.snapshot()
})

/** A path parameter: an existing value, a well-formed but unknown id, or arbitrary text. */
const paramValue = (name: string) =>
  fc.oneof(
    fc.constantFrom(...(known[name]?.length ? known[name]! : ['x'])),
    fc.stringMatching(/^[0-9a-f]{24}$/),
    fc.string({ minLength: 1, maxLength: 30 }),
  )

const bodies = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string(),
  fc.constant('{"object": {"objectType": "note", "content": "x"}, "contexts": [null]}'),
  fc
    .record({
      object: fc.jsonValue(),
      actor: fc.jsonValue(),
      contexts: fc.jsonValue(),
      username: fc.jsonValue(),
      url: fc.jsonValue(),
    })
    .map((v) => JSON.stringify(v)),
)

describe('fuzzing every catalog pair', () => {
  it('never answers 500 and never logs a server error, whatever the path values and body', async () => {
    const pairs = routePairs().map(({ route, method }) => ({ route, method }))
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...pairs).chain(({ route, method }) =>
          fc.record({
            method: fc.constant(method),
            pattern: fc.constant(route.pattern),
            params: fc.tuple(...route.params.map((name) => paramValue(name))),
            body: bodies,
            query: fc.dictionary(
              fc.constantFrom(
                'limit',
                'before',
                'after',
                'sort',
                'priority',
                'date_filter',
                'hashtag',
                'tags',
                'max_users',
              ),
              fc.string({ maxLength: 12 }),
            ),
          }),
        ),
        async ({ method, pattern, params, body, query }) => {
          // Each run starts from the seeded world, so earlier runs cannot delete the caller.
          handler.restore(seeded)
          let i = 0
          const path = pattern.replace(/\{[^}]+\}/g, () => encodeURIComponent(params[i++] ?? 'x'))
          const search = new URLSearchParams(query).toString()
          const answer = await call(
            method,
            search ? `${path}?${search}` : path,
            method === 'GET' ? undefined : body,
          )
          expect(answer.status, `${method} ${path}?${search} ${body}: ${answer.text}`).toBeLessThan(500)
          expect(handler.snapshot().exceptions).toEqual([])
        },
      ),
      { numRuns: 600, seed: 20260127 },
    )
  }, 120_000)
})

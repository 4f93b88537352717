import nock from 'nock'
import { describe, expect, test } from 'vitest'
import { UsageError } from '../src/index.js'
import { MAX_URL, newClient, useNock } from './helpers/setup.js'

const id = (n: number) => n.toString(16).padStart(24, '0')
const activities = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ id: id(from - i) }))

describe('iterate() and all() on list endpoints', () => {
  useNock()

  test('iterate yields items across pages with limit and before, stopping at a short page', async () => {
    const client = newClient()
    const scope = nock(MAX_URL)
      .get('/people/messi/timeline')
      .query({ limit: '3' })
      .reply(200, activities(100, 3))
      .get('/people/messi/timeline')
      .query({ limit: '3', before: id(98) })
      .reply(200, activities(97, 3))
      .get('/people/messi/timeline')
      .query({ limit: '3', before: id(95) })
      .reply(200, activities(94, 1))
    const seen: string[] = []
    for await (const activity of client.people[':me']!.timeline.iterate(undefined, { pageSize: 3 })) {
      seen.push(activity.id)
    }
    expect(seen).toEqual([100, 99, 98, 97, 96, 95, 94].map(id))
    scope.done()
  })

  test('pages are read lazily: breaking early sends no further request', async () => {
    const client = newClient()
    const scope = nock(MAX_URL)
      .get('/contexts')
      .query({ limit: '2' })
      .reply(200, [{ id: id(9) }, { id: id(8) }])
    for await (const context of client.contexts.iterate(undefined, { pageSize: 2 })) {
      expect(context.id).toBe(id(9))
      break
    }
    scope.done()
  })

  test("the caller's query is kept on every page", async () => {
    const client = newClient()
    const scope = nock(MAX_URL)
      .get('/contexts/e6847aed3105e85ae603c56eb2790ce85e212997/activities')
      .query({ hashtag: 'x', limit: '2' })
      .reply(200, activities(50, 2))
      .get('/contexts/e6847aed3105e85ae603c56eb2790ce85e212997/activities')
      .query({ hashtag: 'x', limit: '2', before: id(49) })
      .reply(200, [])
    const items = await client.contexts['http://atenea.upc.edu']!.activities.all({
      qs: { hashtag: 'x', limit: 2 },
    })
    expect(items).toHaveLength(2)
    scope.done()
  })

  test('all() collects into an array and honours max without reading further pages', async () => {
    const client = newClient()
    const scope = nock(MAX_URL)
      .get('/people')
      .query({ limit: '2' })
      .reply(200, [{ id: id(1) }, { id: id(2) }], { 'X-Has-Remaining-Items': '1' })
      .get('/people')
      .query({ limit: '2', before: id(2) })
      .reply(200, [{ id: id(3) }, { id: id(4) }], { 'X-Has-Remaining-Items': '1' })
    const people = await client.people.all(undefined, { pageSize: 2, max: 3 })
    expect(people.map((p) => p.id)).toEqual([id(1), id(2), id(3)])
    scope.done()
  })

  test('iteration stops when X-Has-Remaining-Items disappears', async () => {
    const client = newClient()
    const scope = nock(MAX_URL)
      .get('/people')
      .query({ limit: '2' })
      .reply(200, [{ id: id(1) }, { id: id(2) }], { 'X-Has-Remaining-Items': '1' })
      .get('/people')
      .query({ limit: '2', before: id(2) })
      .reply(200, [{ id: id(3) }, { id: id(4) }])
    const people = await client.people.all(undefined, { pageSize: 2 })
    expect(people).toHaveLength(4)
    scope.done()
  })

  test('conversation messages page with the first (oldest) item as cursor', async () => {
    const client = newClient()
    const scope = nock(MAX_URL)
      .get('/conversations/c1/messages')
      .query({ limit: '2' })
      .reply(200, [{ id: id(5) }, { id: id(6) }])
      .get('/conversations/c1/messages')
      .query({ limit: '2', before: id(5) })
      .reply(200, [{ id: id(3) }])
    const messages = await client.conversations['c1']!.messages.all(undefined, { pageSize: 2 })
    expect(messages.map((m) => m.id)).toEqual([id(5), id(6), id(3)])
    scope.done()
  })

  test('the cursor field follows the query mode the catalog describes (priority=comments)', async () => {
    const client = newClient()
    const page = [
      { id: id(9), lastComment: id(30) },
      { id: id(8), lastComment: id(20) },
    ]
    const scope = nock(MAX_URL)
      .get('/people/messi/timeline')
      .query({ sort: 'published', priority: 'comments', limit: '2' })
      .reply(200, page)
      .get('/people/messi/timeline')
      .query({ sort: 'published', priority: 'comments', limit: '2', before: id(20) })
      .reply(200, [])
    const items = await client.people[':me']!.timeline.all(
      { qs: { sort: 'published', priority: 'comments' } },
      { pageSize: 2 },
    )
    expect(items).toHaveLength(2)
    scope.done()
  })

  test('iterate and all exist only on paginated lists', () => {
    const client = newClient()
    expect(() => (client.people['x'] as any).iterate).toThrow(UsageError)
    expect(() => (client.info.settings as any).all).toThrow(/methods here: get, head, defaults\./)
    expect(() => (client.admin.security as any).iterate).toThrow(UsageError)
  })

  test('iterate refuses unknown options and body fields at once', async () => {
    const client = newClient()
    expect(() => client.contexts.iterate(undefined, { page: 2 } as never)).toThrow(
      /Unknown option "page" for \/contexts.iterate\(\); valid options: signal, timeout, retry, headers, maxResponseSize, expandUnderscores, pageSize, max/,
    )
    expect(() => client.contexts.iterate({ tags: 'x' } as never)).toThrow(/pass query parameters as \{ qs/)
    expect(() => client.contexts.iterate({ pageSize: 5 } as never)).toThrow(
      /pageSize is an option of \/contexts.iterate\(\), not a field: call iterate\(\{ qs: \{ ... \} \}, \{ pageSize: ... \}\)/,
    )
    await expect(client.contexts.all({ max: 5 } as never)).rejects.toThrow(
      /max is an option of \/contexts.all\(\)/,
    )
  })
})

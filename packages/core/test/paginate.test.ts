import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { collect, MaxCore, MaxError, paginate, UsageError } from '../src/index.node.js'
import { failure } from './helpers.js'

const MAX = 'http://max.test'

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())

const client = () => new MaxCore(MAX, { actor: 'alice', token: 'tok-123456', retry: false })
const items = (...ids: string[]) => ids.map((id) => ({ id }))

describe('paginate', () => {
  it('walks pages with limit and before=<last id>, keeping the caller query, until a short page', async () => {
    const scope = nock(MAX)
      .get('/people/alice/timeline')
      .query({ sort: 'published', limit: '2' })
      .reply(200, items('a', 'b'))
      .get('/people/alice/timeline')
      .query({ sort: 'published', limit: '2', before: 'b' })
      .reply(200, items('c', 'd'))
      .get('/people/alice/timeline')
      .query({ sort: 'published', limit: '2', before: 'd' })
      .reply(200, items('e'))
    const all = await collect(
      paginate(
        client(),
        { method: 'GET', path: '/people/alice/timeline', query: 'sort=published' },
        { pageSize: 2 },
      ),
    )
    expect(all).toEqual(items('a', 'b', 'c', 'd', 'e'))
    scope.done()
  })

  it('stops when X-Has-Remaining-Items disappears after having been sent', async () => {
    const scope = nock(MAX)
      .get('/people')
      .query({ limit: '2' })
      .reply(200, items('a', 'b'), { 'X-Has-Remaining-Items': '1' })
      .get('/people')
      .query({ limit: '2', before: 'b' })
      .reply(200, items('c', 'd'))
    expect(
      await collect(paginate(client(), { method: 'GET', path: '/people' }, { pageSize: 2 })),
    ).toHaveLength(4)
    scope.done()
  })

  it('reads one page at a time and stops at max without fetching more', async () => {
    const scope = nock(MAX)
      .get('/activities')
      .query({ limit: '3' })
      .reply(200, items('a', 'b', 'c'))
    const iterator = paginate(client(), { method: 'GET', path: '/activities', query: 'limit=3' }, { max: 2 })
    expect(await collect(iterator)).toEqual(items('a', 'b'))
    scope.done()
    expect(nock.pendingMocks()).toEqual([])
  })

  it('collect(iterable, max) stops early too', async () => {
    nock(MAX)
      .get('/activities')
      .query({ limit: '100' })
      .reply(200, items('a', 'b', 'c'))
    expect(await collect(paginate(client(), { method: 'GET', path: '/activities' }), 1)).toEqual(items('a'))
  })

  it('takes a custom cursor and the first item for oldest-first lists', async () => {
    const scope = nock(MAX)
      .get('/conversations/c1/messages')
      .query({ limit: '2' })
      .reply(200, [{ _id: 'm3' }, { _id: 'm4' }])
      .get('/conversations/c1/messages')
      .query({ limit: '2', before: 'm3' })
      .reply(200, [{ _id: 'm1' }])
    const all = await collect(
      paginate<{ _id: string }>(
        client(),
        { method: 'GET', path: '/conversations/c1/messages' },
        { pageSize: 2, cursor: (m) => m._id, cursorItem: 'first' },
      ),
    )
    expect(all.map((m) => m._id)).toEqual(['m3', 'm4', 'm1'])
    scope.done()
  })

  it('throws instead of looping when the cursor does not advance', async () => {
    nock(MAX).get('/a').query(true).times(3).reply(200, items('x', 'y'))
    const error = await failure(collect(paginate(client(), { method: 'GET', path: '/a' }, { pageSize: 2 })))
    expect(error).toBeInstanceOf(MaxError)
    expect(error.message).toMatch(/same page twice/)
  })

  it('propagates request errors and rejects bad input', async () => {
    nock(MAX).get('/a').query(true).reply(403, { error: 'Forbidden', error_description: 'no' })
    await expect(collect(paginate(client(), { method: 'GET', path: '/a' }))).rejects.toThrow(/Forbidden: no/)
    await expect(collect(paginate(client(), { method: 'POST', path: '/a' }))).rejects.toThrow(UsageError)
    await expect(
      collect(paginate(client(), { method: 'GET', path: '/a', query: 'limit=5' }, { pageSize: 6 })),
    ).rejects.toThrow(/disagree/)
    nock(MAX)
      .get('/b')
      .query(true)
      .reply(200, [{ name: 'no id' }, { name: 'x' }])
    await expect(collect(paginate(client(), { method: 'GET', path: '/b' }, { pageSize: 2 }))).rejects.toThrow(
      /no string "id"/,
    )
  })

  it('behaves as an async generator: lazy, one call at a time, done after an error or a break', async () => {
    const lazy = paginate(client(), { method: 'GET', path: '/lazy' })
    expect(nock.pendingMocks()).toEqual([])
    await lazy.return()
    expect(await lazy.next()).toEqual({ value: undefined, done: true })

    const scope = nock(MAX)
      .get('/a')
      .query({ limit: '2' })
      .reply(200, items('a', 'b'))
      .get('/a')
      .query({ limit: '2', before: 'b' })
      .reply(200, items('c'))
    const iterator = paginate(client(), { method: 'GET', path: '/a' }, { pageSize: 2 })
    // Asked all at once, answered in order.
    const results = await Promise.all([iterator.next(), iterator.next(), iterator.next(), iterator.next()])
    expect(results).toEqual([
      { value: { id: 'a' }, done: false },
      { value: { id: 'b' }, done: false },
      { value: { id: 'c' }, done: false },
      { value: undefined, done: true },
    ])
    scope.done()

    nock(MAX).get('/b').query(true).reply(200, items('x', 'y'))
    const seen: unknown[] = []
    for await (const item of paginate(client(), { method: 'GET', path: '/b' }, { pageSize: 2 })) {
      seen.push(item)
      break
    }
    // The break stopped it: no second page was asked for.
    expect(seen).toEqual(items('x'))
    expect(nock.pendingMocks()).toEqual([])

    nock(MAX).get('/c').query(true).reply(500, { error: 'Boom' })
    const failing = paginate(client(), { method: 'GET', path: '/c' })
    await expect(failing.next()).rejects.toThrow(/Boom/)
    expect(await failing.next()).toEqual({ value: undefined, done: true })
  })

  it('hands out a page before failing on its cursor', async () => {
    nock(MAX)
      .get('/d')
      .query(true)
      .reply(200, [{ id: 'a' }, { name: 'no id' }])
    const seen: unknown[] = []
    const error = await failure(
      (async () => {
        for await (const item of paginate(client(), { method: 'GET', path: '/d' }, { pageSize: 2 }))
          seen.push(item)
      })(),
    )
    expect(error.message).toMatch(/no string "id"/)
    expect(seen).toEqual([{ id: 'a' }, { name: 'no id' }])
  })
})

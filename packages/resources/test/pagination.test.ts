import { UsageError } from '@maxclient/core'
import { describe, expect, it } from 'vitest'
import { catalog, paginationFor, routePairs } from '../src/index.js'

const gets = routePairs({ deprecated: true })
  .filter(({ method }) => method === 'GET')
  .map(({ route }) => ({ pattern: route.pattern, spec: route.methods.GET! }))

describe('catalog pagination facts', () => {
  it('says how to page exactly the paginated GETs', () => {
    for (const { pattern, spec } of gets) {
      expect(spec.pagination !== undefined, pattern).toBe(spec.paginated)
      if (spec.paginated) expect(spec.list && spec.searchParams, pattern).toBe(true)
    }
    for (const route of catalog) {
      for (const [method, spec] of Object.entries(route.methods)) {
        if (method !== 'GET') expect('pagination' in spec, `${method} ${route.pattern}`).toBe(false)
      }
    }
  })

  it('does not page lists whose before compares something the items lack', () => {
    // Subscriber lists page over the users collection (_id), but items carry only username;
    // /conversations/active limits messages scanned, not conversations returned.
    for (const pattern of [
      '/contexts/{hash}/subscriptions',
      '/contexts/{hash}/unsubscriptionpush',
      '/conversations/active',
    ]) {
      expect(gets.find((g) => g.pattern === pattern)!.spec.paginated, pattern).toBe(false)
      expect(() => paginationFor(pattern, 'GET')).toThrow(/is not a paginated list/)
    }
  })
})

describe('paginationFor', () => {
  it('pages newest-first lists by the id of the last item', () => {
    const options = paginationFor('/people/{username}/timeline', 'GET')
    expect(options.cursorItem).toBe('last')
    expect(options.cursor({ id: 'a1', lastComment: 'c9' })).toBe('a1')
  })

  it('pages conversation messages, served oldest-first, from the first item', () => {
    const options = paginationFor('/conversations/{id}/messages')
    expect(options.cursorItem).toBe('first')
    expect(options.cursor({ id: 'm1' })).toBe('m1')
  })

  it('pages by lastComment when priority=comments, or the deprecated sortBy=comments, orders the list', () => {
    for (const query of [
      { sort: 'published', priority: 'comments' },
      'priority=comments',
      { sortBy: 'comments' },
    ]) {
      const options = paginationFor('/contexts/{hash}/activities', 'GET', query)
      expect(options.cursor({ id: 'a1', lastComment: 'c9' }), JSON.stringify(query)).toBe('c9')
    }
    // An explicit sort overrides sortBy on the server, so the cursor stays the id.
    const overridden = paginationFor('/people/{username}/timeline', 'GET', {
      sortBy: 'comments',
      sort: 'likes',
    })
    expect(overridden.cursor({ id: 'a1', lastComment: 'c9' })).toBe('a1')
    const byActivity = paginationFor('/people/{username}/timeline', 'GET', { priority: 'activity' })
    expect(byActivity.cursor({ id: 'a1', lastComment: 'c9' })).toBe('a1')
  })

  it('refuses max_users people listings, which page forward with after', () => {
    expect(() => paginationFor('/people', 'GET', { max_users: true })).toThrow(UsageError)
    expect(() => paginationFor('/people', 'GET', 'max_users=1')).toThrow(/ascending username order.*'after'/)
    expect(paginationFor('/people', 'GET', { username: 'mes' }).cursor({ id: 'p1', username: 'messi' })).toBe(
      'p1',
    )
  })

  it('names the missing cursor field of an item', () => {
    const { cursor } = paginationFor('/messages')
    expect(() => cursor({ username: 'x' })).toThrow(/GET \/messages: an item has no string 'id'/)
    expect(() => cursor(null)).toThrow(UsageError)
  })

  it('rejects unknown routes and methods that are not paginated GETs', () => {
    expect(() => paginationFor('/nope')).toThrow(/Unknown route pattern/)
    expect(() => paginationFor('/people', 'POST')).toThrow(/POST \/people is not a paginated list/)
    expect(() => paginationFor('/people/{username}')).toThrow(/not a paginated list/)
  })
})

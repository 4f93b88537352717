import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ATENEA, ATENEA_HASH, client, intercept } from './helpers.js'

// Each test pins down one bug of the Python client that this client must not have.

beforeAll(() => {
  nock.disableNetConnect()
})
afterEach(() => {
  nock.cleanAll()
})

const ID = '519b00000000000000000001'

describe('bugs of the Python client, fixed', () => {
  it("addComment posts to the activity's comments, not to the global comment list", async () => {
    const server = intercept('POST', { status: 201, body: { id: 'c1', verb: 'comment' } })
    const result = await client().addComment('Great', ID)
    expect(server.received().uri).toBe(`/activities/${ID}/comments`)
    expect(server.received().body).toEqual({ object: { objectType: 'comment', content: 'Great' } })
    expect(result).toEqual([true, 201, { id: 'c1', verb: 'comment' }])
  })

  it('getComments returns its result', async () => {
    const comments = [{ id: 'c1', content: 'one' }]
    intercept('GET', { status: 200, body: comments })
    expect(await client().getComments(ID)).toEqual([true, 200, comments])
  })

  it('unsubscribe uses DELETE /contexts/{hash}/subscriptions/{username}', async () => {
    const server = intercept('DELETE', { status: 204 })
    expect(await client().unsubscribe(ATENEA)).toEqual([true, 204, null])
    expect(server.received().uri).toBe(`/contexts/${ATENEA_HASH}/subscriptions/alice`)
  })

  it('pushtokensByConversation uses GET /conversations/{id}/tokens', async () => {
    const server = intercept('GET', { status: 200, body: [] })
    await client().pushtokensByConversation('c0ffee')
    expect(server.received().uri).toBe('/conversations/c0ffee/tokens')
  })

  it('getSecurity authenticates', async () => {
    const server = intercept('GET', { status: 200, body: { roles: {} } })
    await client().getSecurity()
    expect(server.received().headers).toMatchObject({
      'x-oauth-token': 'tok-123456',
      'x-oauth-username': 'alice',
      'x-oauth-scope': 'widgetcli',
    })
  })

  it('addContext sends no permissions key when none are given', async () => {
    const server = intercept('POST', { status: 201, body: { url: ATENEA } })
    await client().addContext(ATENEA, 'Atenea')
    const body = server.received().body as Record<string, unknown>
    expect(body).toEqual({ url: ATENEA, objectType: 'context', displayName: 'Atenea' })
    expect(Object.hasOwn(body, 'permissions')).toBe(false)
  })

  it("postAvatar keeps the caller's file name and sends only the file part", async () => {
    const server = intercept('POST', { status: 201, body: { Image: 'updated' } })
    await client().postAvatar('alice', {
      data: new Uint8Array([1, 2, 3]),
      name: 'holiday.jpg',
      type: 'image/jpeg',
    })
    const body = String(server.received().body)
    expect(body).toMatch(/Content-Disposition: form-data; name="file"; filename="holiday.jpg"/)
    expect(body).toMatch(/Content-Type: image\/jpeg/)
    // MAX takes the first form field as the image: a json_data field first would break it.
    expect(body).not.toMatch(/json_data/)
  })

  it('PUT requests send Content-Type: application/json', async () => {
    const c = client()
    const puts = [
      () => c.modifyUser('alice', { displayName: 'A' }),
      () => c.modifyContext(ATENEA, { displayName: 'A' }),
      () => c.addTagsToContext(ATENEA, ['t']),
      () => c.grantPermission(ATENEA, 'bob', 'write'),
      () => c.modifyConversation('c1', { displayName: 'A' }),
      () => c.transferConversationOwnership('c1', 'bob'),
    ]
    for (const put of puts) {
      const server = intercept('PUT', { status: 200, body: {} })
      await put()
      expect(server.received().headers['content-type']).toMatch(/^application\/json/)
    }
  })

  describe('context URLs are hashed and encoded wherever a {hash} goes', () => {
    it('hashes a URL and keeps a hash as it is', async () => {
      const c = client()
      let server = intercept('GET', { status: 200, body: {} })
      await c.getContext(ATENEA)
      expect(server.received().uri).toBe(`/contexts/${ATENEA_HASH}`)
      server = intercept('GET', { status: 200, body: {} })
      await c.getContext(ATENEA_HASH.toUpperCase())
      expect(server.received().uri).toBe(`/contexts/${ATENEA_HASH}`)
    })

    it('hashes the context of getContextActivities and getUserActivities (path and query)', async () => {
      const c = client()
      let server = intercept('GET', { status: 200, body: [] })
      await c.getContextActivities(ATENEA)
      // The Python client put the raw value in the path and added a stray ?context=.
      expect(server.received().uri).toBe(`/contexts/${ATENEA_HASH}/activities`)
      server = intercept('GET', { status: 200, body: [] })
      await c.getUserActivities(ATENEA)
      expect(server.received().uri).toBe(`/people/alice/activities?context=${ATENEA_HASH}`)
    })

    it('posts in a context given by URL through the current route, as the person', async () => {
      const server = intercept('POST', { status: 201, body: { id: ID } })
      await client().addActivity('Hi', 'note', [ATENEA], undefined, 'bob')
      expect(server.received().uri).toBe(`/contexts/${ATENEA_HASH}/activities`)
      expect(server.received().body).toEqual({
        object: { objectType: 'note', content: 'Hi' },
        actor: { objectType: 'person', username: 'bob' },
      })
    })

    it('percent-encodes every other path segment', async () => {
      const server = intercept('GET', { status: 200, body: {} })
      await client().getUser('ana maria/../admin?x')
      expect(server.received().uri).toBe('/people/ana%20maria%2F..%2Fadmin%3Fx')
    })
  })

  it('addUser and subscribe use the current routes, not the deprecated rewrites', async () => {
    const c = client()
    let server = intercept('POST', { status: 201, body: {} })
    await c.addUser('bob')
    expect(server.received().uri).toBe('/people')
    expect(server.received().body).toEqual({ username: 'bob' })
    server = intercept('POST', { status: 201, body: {} })
    await c.subscribe(ATENEA, 'context', 'bob')
    expect(server.received().uri).toBe(`/contexts/${ATENEA_HASH}/subscriptions`)
    expect(server.received().body).toEqual({ actor: { objectType: 'person', username: 'bob' } })
  })

  it('every method returns the tuple, never a bare body (getUser included)', async () => {
    intercept('GET', { status: 200, body: { username: 'alice' } })
    const result = await client().getUser()
    expect(result).toEqual([true, 200, { username: 'alice' }])
  })
})

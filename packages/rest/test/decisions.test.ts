import nock from 'nock'
import { describe, expect, test } from 'vitest'
import { MaxClient, RequestError, RestClient, UsageError } from '../src/index.js'
import { MAX_URL, newClient, useNock } from './helpers/setup.js'

const NOT_FOUND = { error: 'ObjectNotFound', error_description: 'Unknown user: ghost' }

describe('what a missing resource gives (issue 13 decisions)', () => {
  useNock()

  test('a GET of a single resource answered with a MAX 404 resolves to null', async () => {
    const client = newClient()
    nock(MAX_URL).get('/people/ghost').reply(404, NOT_FOUND)
    expect(await client.people['ghost']!.get()).toBeNull()
  })

  test('a list whose parent is missing rejects with RequestError(404), never null', async () => {
    const client = newClient()
    nock(MAX_URL).get('/people/ghost/activities').reply(404, NOT_FOUND)
    const error = await client.people['ghost']!.activities.get().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RequestError)
    expect(error).toMatchObject({ status: 404, error: 'ObjectNotFound', method: 'GET' })
  })

  test('head() on a missing resource rejects with RequestError(404): a count is a number', async () => {
    const client = newClient()
    nock(MAX_URL)
      .head('/people/ghost/activities')
      .reply(404)
      .get('/people/ghost/activities')
      .reply(404, NOT_FOUND)
    const error = await client.people['ghost']!.activities.head().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RequestError)
    expect(error).toMatchObject({ status: 404, error: 'ObjectNotFound', method: 'HEAD' })
  })
})

describe('the client root', () => {
  test('a misspelt root segment throws a UsageError at access, naming the valid roots', () => {
    const client = newClient()
    expect(() => (client as any).peeple).toThrow(UsageError)
    expect(() => (client as any).peeple).toThrow(
      /Unknown segment "peeple" at the client root: valid roots are activities, admin, contexts, conversations, info, messages, people, tokens\./,
    )
  })

  test('members, promise probing and other property names still read as before', async () => {
    const client = newClient()
    expect(typeof client.request).toBe('function')
    expect(client.actor).toBe('messi')
    expect((client as any).then).toBeUndefined()
    expect((client as any).toJSON).toBeUndefined()
    expect((client as any)[Symbol.iterator]).toBeUndefined()
    expect('peeple' in client).toBe(false)
    expect(await Promise.resolve(client)).toBe(client)
  })

  test('RestClient is the class; MaxClient is the same class under the original name', () => {
    expect(MaxClient).toBe(RestClient)
    expect(newClient()).toBeInstanceOf(RestClient)
  })
})

import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  backoffDelay,
  type MaxClientOptions,
  MaxCore,
  parseRetryAfter,
  RequestError,
  type RetryInfo,
  UsageError,
} from '../src/index.node.js'
import { failure } from './helpers.js'

const MAX = 'http://max.test'

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())

function client(options: MaxClientOptions = {}) {
  const retries: RetryInfo[] = []
  const max = new MaxCore(MAX, {
    actor: 'alice',
    token: 'tok-123456',
    retry: { minDelay: 1, maxDelay: 2 },
    hooks: { beforeRetry: (info) => void retries.push(info) },
    ...options,
  })
  return { max, retries }
}

describe('retries', () => {
  it.each([502, 503, 504, 429])('GET is retried on %i and then succeeds', async (status) => {
    nock(MAX).get('/x').reply(status, 'busy').get('/x').reply(200, { ok: 1 })
    const { max, retries } = client()
    expect(await max.request({ method: 'GET', path: '/x' })).toEqual({ ok: 1 })
    expect(retries.map((r) => [r.retry, r.response?.status])).toEqual([[1, status]])
  })

  it('idempotent PUT, DELETE and HEAD are retried too', async () => {
    nock(MAX).put('/a').reply(503).put('/a').reply(200, {}).delete('/a').reply(503).delete('/a').reply(204)
    nock(MAX).head('/a').reply(503).head('/a').reply(200, '', { 'X-totalItems': '2' })
    const { max, retries } = client()
    await max.request({ method: 'PUT', path: '/a', body: {} })
    await max.request({ method: 'DELETE', path: '/a' })
    expect(await max.request({ method: 'HEAD', path: '/a' })).toBe(2)
    expect(retries).toHaveLength(3)
  })

  it('network errors are retried', async () => {
    nock(MAX)
      .get('/x')
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
      .get('/x')
      .reply(200, [])
    const { max, retries } = client()
    expect(await max.request({ method: 'GET', path: '/x' })).toEqual([])
    expect(retries[0]?.error).toBeInstanceOf(RequestError)
  })

  it('stops after the configured number of retries and returns the last answer', async () => {
    const scope = nock(MAX).get('/x').times(3).reply(503, 'busy')
    const { max, retries } = client({ retry: { retries: 2, minDelay: 1 } })
    const response = await max.send({ method: 'GET', path: '/x' })
    expect(response.status).toBe(503)
    expect(retries.map((r) => r.retry)).toEqual([1, 2])
    scope.done()
  })

  it('a number sets the retries; false turns retries off', async () => {
    nock(MAX).get('/x').times(2).reply(503)
    const { max } = client({ retry: 1 })
    expect((await max.send({ method: 'GET', path: '/x', retry: { minDelay: 0 } })).status).toBe(503)
    expect(nock.isDone()).toBe(true)
    nock(MAX).get('/y').reply(503).get('/y').reply(200)
    const off = client({ retry: false })
    expect((await off.max.send({ method: 'GET', path: '/y' })).status).toBe(503)
    expect(off.retries).toHaveLength(0)
  })

  it('does not retry other statuses', async () => {
    nock(MAX).get('/x').reply(500, 'no').get('/x').reply(200)
    const { max, retries } = client()
    expect((await max.send({ method: 'GET', path: '/x' })).status).toBe(500)
    expect(retries).toHaveLength(0)
  })

  it('never retries POST unless the caller lists it', async () => {
    nock(MAX).post('/a').reply(503).post('/a').reply(201, {})
    const { max, retries } = client()
    expect((await max.send({ method: 'POST', path: '/a', body: {} })).status).toBe(503)
    expect(retries).toHaveLength(0)
    nock.cleanAll()
    nock(MAX).post('/a').reply(503).post('/a').reply(201, { id: 1 })
    const asked = await max.request({ method: 'POST', path: '/a', body: {}, retry: { methods: ['POST'] } })
    expect(asked).toEqual({ id: 1 })
    expect(retries).toHaveLength(1)
  })

  it('network errors on POST are not retried either', async () => {
    nock(MAX)
      .post('/a')
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
    const { max, retries } = client()
    const error = await failure(max.send({ method: 'POST', path: '/a', body: {} }))
    expect(error.status).toBe(0)
    expect(retries).toHaveLength(0)
  })

  it('honours Retry-After (seconds)', async () => {
    nock(MAX).get('/x').reply(429, 'slow down', { 'Retry-After': '1' }).get('/x').reply(200, { ok: 1 })
    const { max, retries } = client()
    expect(await max.request({ method: 'GET', path: '/x' })).toEqual({ ok: 1 })
    expect(retries[0]?.delay).toBe(1000)
  })

  it('returns the answer at once when Retry-After asks for more than maxRetryAfter', async () => {
    nock(MAX).get('/x').reply(503, 'later', { 'Retry-After': '3600' }).get('/x').reply(200)
    const { max, retries } = client()
    expect((await max.send({ method: 'GET', path: '/x' })).status).toBe(503)
    expect(retries).toHaveLength(0)
  })

  it('rejects bad retry options clearly', () => {
    expect(() => new MaxCore(MAX, { retry: -1 })).toThrow(/whole number of retries from 0 to 100/)
    expect(() => new MaxCore(MAX, { retry: { methods: 'POST' as unknown as string[] } })).toThrow(UsageError)
    expect(() => new MaxCore(MAX, { retry: { minDelay: -5 } })).toThrow(/retry.minDelay/)
  })
})

describe('backoff', () => {
  const policy = {
    retries: 5,
    methods: new Set<string>(),
    statusCodes: new Set<number>(),
    minDelay: 100,
    maxDelay: 1000,
    maxRetryAfter: 0,
  }

  it('doubles per retry, with jitter between half and all of the step, capped by maxDelay', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(50)
    expect(backoffDelay(1, policy, () => 1)).toBe(100)
    expect(backoffDelay(3, policy, () => 0)).toBe(200)
    expect(backoffDelay(3, policy, () => 1)).toBe(400)
    expect(backoffDelay(10, policy, () => 1)).toBe(1000)
    const samples = new Set(Array.from({ length: 20 }, () => backoffDelay(2, policy)))
    expect(samples.size).toBeGreaterThan(1)
  })

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('2')).toBe(2000)
    expect(parseRetryAfter('0.5')).toBe(500)
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon')).toBeUndefined()
    expect(parseRetryAfter(undefined)).toBeUndefined()
  })
})

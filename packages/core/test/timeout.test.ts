import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import {
  type MaxClientOptions,
  MaxCore,
  RequestError,
  TimeoutError,
  type Transport,
  TransportTimeoutError,
  withTimeoutSupport,
} from '../src/index.node.js'
import { failure } from './helpers.js'

const MAX = 'http://max.test'

beforeAll(() => nock.disableNetConnect())
afterEach(() => nock.cleanAll())

const bytes = (text: string) => new TextEncoder().encode(text)
const auth = { actor: 'alice', token: 'tok-123456', retry: false as const }

describe.each([
  ['node:http', {}],
  ['fetch', { fetch: globalThis.fetch }],
] as Array<[string, MaxClientOptions]>)('timeouts and cancellation over %s', (_name, transport) => {
  it('the client timeout gives a TimeoutError (status 0) naming method and URL', async () => {
    nock(MAX).get('/slow').delay(3000).reply(200, {})
    const max = new MaxCore(MAX, { ...auth, ...transport, timeout: 30 })
    const error = await failure(max.send({ method: 'GET', path: '/slow' }))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error.status).toBe(0)
    expect(error.message).toBe('GET http://max.test/slow timed out after 30 ms')
  })

  it('the largest timeout (2^31-1 ms) and 0 (no timeout) wait for the answer instead of firing at once', async () => {
    nock(MAX).get('/slow').delay(40).reply(200, { ok: 1 }).get('/slow').delay(40).reply(200, { ok: 2 })
    const max = new MaxCore(MAX, { ...auth, ...transport, timeout: 2 ** 31 - 1 })
    expect((await max.send({ method: 'GET', path: '/slow' })).body).toEqual({ ok: 1 })
    expect((await max.send({ method: 'GET', path: '/slow', timeout: 0 })).body).toEqual({ ok: 2 })
  })

  it('a per-call timeout overrides the client one', async () => {
    nock(MAX).get('/slow').delay(3000).reply(200, {})
    const max = new MaxCore(MAX, { ...auth, ...transport, timeout: 60_000 })
    const error = await failure(max.send({ method: 'GET', path: '/slow', timeout: 25 }))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error.timeout).toBe(25)
  })

  it('an aborted signal rejects with its reason and is never retried', async () => {
    nock(MAX).get('/slow').delay(3000).reply(200, {}).get('/slow').reply(200, {})
    const max = new MaxCore(MAX, { ...auth, ...transport, retry: { retries: 3, minDelay: 0 } })
    const controller = new AbortController()
    const pending = max.send({ method: 'GET', path: '/slow', signal: controller.signal })
    setTimeout(() => controller.abort(new Error('user cancelled')), 10)
    const error = await failure(pending)
    expect(error.message).toBe('user cancelled')
    expect(error).not.toBeInstanceOf(RequestError)
  })

  it('an already aborted signal sends nothing', async () => {
    const scope = nock(MAX).get('/x').reply(200, {})
    const max = new MaxCore(MAX, { ...auth, ...transport })
    const error = await failure(max.send({ method: 'GET', path: '/x', signal: AbortSignal.abort() }))
    expect(error.name).toBe('AbortError')
    expect(scope.isDone()).toBe(false)
  })
})

describe('timeouts with a custom transport', () => {
  it('the transport receives a signal that aborts on timeout, and the client reports TimeoutError', async () => {
    const transport: Transport = (request) =>
      new Promise((_resolve, reject) => {
        expect(request.timeout).toBeUndefined()
        request.signal?.addEventListener('abort', () => reject(request.signal?.reason))
      })
    const max = new MaxCore(MAX, { ...auth, transport, timeout: 20 })
    const error = await failure(max.send({ method: 'GET', path: '/x' }))
    expect(error).toBeInstanceOf(TimeoutError)
  })

  it('combines the caller signal with the timeout', async () => {
    const transport: Transport = (request) =>
      new Promise((_resolve, reject) => {
        request.signal?.addEventListener('abort', () => reject(request.signal?.reason))
      })
    const max = new MaxCore(MAX, { ...auth, transport, timeout: 60_000 })
    const controller = new AbortController()
    const pending = max.send({ method: 'GET', path: '/x', signal: controller.signal })
    controller.abort(new Error('stop'))
    expect((await failure(pending)).message).toBe('stop')
  })

  it('a timed-out GET is retried when retries are on', async () => {
    let calls = 0
    // Built-in style: enforces request.timeout itself. The second attempt answers at once, so the
    // test does not depend on how fast the machine is.
    const transport = withTimeoutSupport((request) => {
      calls++
      if (calls === 1) {
        return new Promise((_resolve, reject) => {
          setTimeout(() => reject(new TransportTimeoutError(request.timeout!)), request.timeout)
        })
      }
      return Promise.resolve({
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: bytes('{"n":2}'),
      })
    })
    const max = new MaxCore(MAX, { ...auth, transport, timeout: 20, retry: { retries: 1, minDelay: 0 } })
    expect(await max.request({ method: 'GET', path: '/slow' })).toEqual({ n: 2 })
    expect(calls).toBe(2)
  })

  it('rejects bad timeouts', () => {
    for (const timeout of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, '10']) {
      expect(() => new MaxCore(MAX, { timeout: timeout as number })).toThrow(
        /timeout must be a whole number of milliseconds from 1 to 2147483647, or 0 for no timeout/,
      )
    }
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { type MaxClientOptions, MaxCore, RequestError, UsageError } from '../src/index.node.js'
import { failure } from './helpers.js'
import { type LocalServer, startServer } from './local-server.js'

const MAX = 'http://max.test'
const never = async () => {
  throw new Error('the transport must not be called')
}

describe('nested options are as strict as top-level ones', () => {
  it.each([
    [{ retries: 0, retires: 0 }, /unknown retry option "retires"/],
    [{ statuscodes: [] }, /unknown retry option "statuscodes"/],
    [
      { methods: ['FOO'] },
      /retry.methods must be an array of HTTP methods among GET, POST, PUT, DELETE, HEAD/,
    ],
    [{ statusCodes: [42] }, /retry.statusCodes/],
    [{ retries: 1000 }, /from 0 to 100/],
    [{ minDelay: 2 ** 31 }, /retry.minDelay/],
    [{ maxDelay: Number.NaN }, /retry.maxDelay/],
    [[], /retry must be a number of retries, an object/],
    [null, /retry must be a number of retries, an object/],
  ])('retry %j is a UsageError, client-wide and per call', async (retry, message) => {
    expect(() => new MaxCore(MAX, { retry: retry as never })).toThrow(message)
    const max = new MaxCore(MAX, { transport: never })
    const error = await failure(max.send({ method: 'GET', path: '/x', auth: false, retry: retry as never }))
    expect(error).toBeInstanceOf(UsageError)
    expect(error.message).toMatch(message)
  })

  it.each([
    [{ beforeRequets: () => {} }, /unknown hook "beforeRequets"/],
    [{ beforeRequest: 'fn' }, /hooks.beforeRequest must be a function/],
    [{ onError: [() => {}, 1] }, /hooks.onError must be a function/],
    [[], /hooks must be an object/],
  ])('hooks %o is a UsageError', (hooks, message) => {
    expect(() => new MaxCore(MAX, { hooks: hooks as never })).toThrow(message)
  })

  it('basicAuth and headers reject unknown keys and bad shapes', () => {
    expect(
      () => new MaxCore(MAX, { basicAuth: { username: 'u', password: 'p', pasword: 'x' } as never }),
    ).toThrow(/unknown basicAuth key "pasword"/)
    expect(() => new MaxCore(MAX, { headers: ['x'] as never })).toThrow(UsageError)
  })

  it('null or non-object options are a UsageError, not a TypeError', () => {
    for (const options of [null, 'x', 5, []]) {
      expect(() => new MaxCore(MAX, options as never)).toThrow(UsageError)
    }
  })
})

describe('long values are shortened in messages', () => {
  it('a 100 KB path gives a short message', async () => {
    const max = new MaxCore(MAX, { transport: never })
    const error = await failure(max.send({ method: 'GET', path: `/${'x'.repeat(100_000)} y` }))
    expect(error).toBeInstanceOf(UsageError)
    expect(error.message.length).toBeLessThan(400)
    expect(error.message).toContain('characters)')
    const auth = await failure(max.send({ method: 'GET', path: `/${'x'.repeat(100_000)}` }))
    expect(auth.message.length).toBeLessThan(400)
    expect(() => new MaxCore(`https://h.org/?${'q'.repeat(100_000)}`)).toThrow(/characters\)"$/)
  })
})

describe('long server texts', () => {
  it('a 100 KB MAX error description is kept whole in the field and shortened in the message', async () => {
    const description = 'd'.repeat(100_000)
    const max = new MaxCore(MAX, {
      transport: async () => ({
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: new TextEncoder().encode(
          JSON.stringify({ error: 'ValidationError', error_description: description }),
        ),
      }),
    })
    const error = await failure(max.request({ method: 'GET', path: '/x', auth: false }))
    expect(error).toBeInstanceOf(RequestError)
    expect(error.description).toBe(description)
    expect(error.message.length).toBeLessThan(700)
  })
})

describe('an answer that cannot be read', () => {
  it('is a final RequestError with the status, not a retried "no answer"', async () => {
    let calls = 0
    const max = new MaxCore(MAX, {
      retry: { retries: 2, minDelay: 0 },
      transport: async () => {
        calls++
        // Stands for a body too long to become a string (ERR_STRING_TOO_LONG).
        return { status: 200, headers: { 'content-type': 'application/json' }, body: { length: 3 } as never }
      },
    })
    const error = await failure(max.send({ method: 'GET', path: '/x', auth: false }))
    expect(error).toBeInstanceOf(RequestError)
    expect(error.status).toBe(200)
    expect(error.message).toMatch(/cannot be read/)
    expect(calls).toBe(1)
  })
})

describe('programming errors are final', () => {
  let server: LocalServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })

  it.each([
    ['node:http', {}],
    ['fetch', { fetch: globalThis.fetch }],
  ] as Array<[string, MaxClientOptions]>)(
    'a header with CRLF set by a beforeRequest hook is a UsageError before sending (%s)',
    async (_name, transport) => {
      let requests = 0
      server = await startServer((_req, res) => {
        requests++
        res.end('{}')
      })
      const max = new MaxCore(server.url, {
        ...transport,
        retry: { retries: 3, minDelay: 0 },
        hooks: {
          beforeRequest: (request) => {
            request.headers['x-trace'] = 'a\r\nInjected: yes'
          },
        },
      })
      const error = await failure(max.send({ method: 'GET', path: '/x', auth: false }))
      expect(error).toBeInstanceOf(UsageError)
      expect(error.message).toMatch(/x-trace/)
      expect(requests).toBe(0)
      const name = new MaxCore(server.url, {
        ...transport,
        hooks: {
          beforeRequest: (request) => {
            request.headers['bad name'] = 'x'
          },
        },
      })
      await expect(name.send({ method: 'GET', path: '/x', auth: false })).rejects.toThrow(UsageError)
    },
  )

  it('a redirect loop through fetch is final: never retried', async () => {
    let requests = 0
    server = await startServer((_req, res) => {
      requests++
      res.writeHead(302, { location: '/loop' })
      res.end()
    })
    const max = new MaxCore(server.url, { fetch: globalThis.fetch, retry: { retries: 2, minDelay: 0 } })
    const error = await failure(max.send({ method: 'GET', path: '/loop', auth: false }))
    expect(error).toBeInstanceOf(RequestError)
    expect(error.message).toMatch(/too many redirects/)
    expect(requests).toBe(21)
  })
})

describe('per-call options are checked like client options', () => {
  it('an unknown key of a request is a UsageError naming it', async () => {
    const max = new MaxCore(MAX, { transport: never })
    const error = await failure(max.send({ method: 'GET', path: '/x', auth: false, timout: 5 } as never))
    expect(error).toBeInstanceOf(UsageError)
    expect(error.message).toMatch(/unknown request option "timout"/)
  })
})

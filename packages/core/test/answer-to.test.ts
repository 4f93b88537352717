import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  createNodeTransport,
  type MaxClientOptions,
  MaxCore,
  sendThen,
  type TransportRequest,
  type TransportResponse,
  trustRequest,
} from '../src/index.node.js'
import {
  type AnswerTo,
  answerToOf,
  markReadsHeadersOnly,
  withAnswerTo,
  withTimeoutSupport,
} from '../src/transport.js'
import { failure } from './helpers.js'

const MAX = 'http://max.test'
const json = (text: string): TransportResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: new TextEncoder().encode(text),
})

/**
 * A transport shaped like the built-in ones: a promise form (counted in `promised`) and the
 * callback form the pipeline uses for plain requests.
 */
function builtInLike(answerTo: AnswerTo, promised: TransportRequest[] = []) {
  const transport = (request: TransportRequest) => {
    promised.push(request)
    return Promise.resolve(json('{"via":"promise"}'))
  }
  return withAnswerTo(markReadsHeadersOnly(withTimeoutSupport(transport)), answerTo)
}

const plainGet = () => trustRequest({ method: 'GET', path: '/people/alice' })
const refused = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
const RETRY_ONCE = { retries: 1, minDelay: 1, maxDelay: 1 }

/** A client of alice over a {@link builtInLike} transport. */
function clientOver(
  answerTo: AnswerTo,
  {
    retry = false,
    promised,
    token = 't',
  }: { retry?: MaxClientOptions['retry']; promised?: TransportRequest[]; token?: string } = {},
) {
  return new MaxCore(MAX, { actor: 'alice', token, retry, transport: builtInLike(answerTo, promised) })
}

describe("the transport's callback form (plain requests)", () => {
  it('settles the call in the turn the answer arrives: the caller’s own reaction is the first', async () => {
    let answer: ((response: TransportResponse) => void) | undefined
    const c = clientOver((_request, onAnswer) => {
      answer = onAnswer
    })
    let value: unknown
    const pending = c.request(plainGet()).then((body) => {
      value = body
    })
    answer!(json('{"username":"alice"}'))
    await Promise.resolve()
    expect(value).toEqual({ username: 'alice' })
    await pending
    expect(c.lastResponse?.status).toBe(200)
  })

  it('counts only the first callback: a failure after the answer neither retries nor rejects', async () => {
    const sent: TransportRequest[] = []
    const promised: TransportRequest[] = []
    const c = clientOver(
      (request, onAnswer, onFailure) => {
        sent.push(request)
        onAnswer(json('{"username":"alice"}'))
        onFailure(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
      },
      { retry: { retries: 2, minDelay: 1, maxDelay: 1 }, promised },
    )
    await expect(c.request(plainGet())).resolves.toEqual({ username: 'alice' })
    await new Promise((done) => setTimeout(done, 20))
    expect(sent).toHaveLength(1)
    expect(promised).toHaveLength(0)
  })

  it('retries a failed first attempt through the promise form, per the policy', async () => {
    const promised: TransportRequest[] = []
    const c = clientOver(
      (_request, _onAnswer, onFailure) => {
        onFailure(refused())
      },
      { retry: RETRY_ONCE, promised },
    )
    await expect(c.request(plainGet())).resolves.toEqual({ via: 'promise' })
    expect(promised).toHaveLength(1)
  })

  it('takes a transport that throws instead of calling back as a failed attempt', async () => {
    const promised: TransportRequest[] = []
    const c = clientOver(
      () => {
        throw refused()
      },
      { retry: RETRY_ONCE, promised },
    )
    await expect(c.request(plainGet())).resolves.toEqual({ via: 'promise' })
    expect(promised).toHaveLength(1)
  })

  it('rejects with the redacted error when the first attempt fails for good', async () => {
    const c = clientOver(
      (_request, _onAnswer, onFailure) => {
        onFailure(new Error('refused while sending tok-secret-123'))
      },
      { token: 'tok-secret-123' },
    )
    const error = await failure(c.request(plainGet()))
    expect(error.name).toBe('RequestError')
    expect(String((error as Error).message)).not.toContain('tok-secret-123')
  })

  it('rejects when settling throws, instead of throwing into the transport', async () => {
    const c = clientOver((_request, onAnswer) => {
      expect(() => onAnswer(json('{}'))).not.toThrow()
    })
    const settling = sendThen(c, plainGet(), () => {
      throw new Error('the settle step failed')
    })
    expect((await failure(settling)).message).toBe('the settle step failed')
  })
})

describe("the node transport's callback form", () => {
  let server: Server
  let url: string
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/moved') {
        res.writeHead(302, { location: '/people/alice' }).end()
        return
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(`{"path":"${req.url}"}`)
    })
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise((closed) => server.close(closed)))

  const answerOf = (path: string) => {
    const answerTo = answerToOf(createNodeTransport())!
    return new Promise<TransportResponse>((resolve, reject) =>
      answerTo({ method: 'GET', url: `${url}${path}`, headers: {} }, resolve, reject),
    )
  }

  it('answers through the callbacks, redirects followed', async () => {
    const answer = await answerOf('/moved')
    expect(answer.status).toBe(200)
    expect(new TextDecoder().decode(answer.body)).toBe('{"path":"/people/alice"}')
  })

  it('reports a refused connection through onFailure', async () => {
    const answerTo = answerToOf(createNodeTransport())!
    const closed = createServer()
    await new Promise<void>((listening) => closed.listen(0, '127.0.0.1', listening))
    const port = (closed.address() as AddressInfo).port
    await new Promise((done) => closed.close(done))
    const error = await new Promise<unknown>((resolve) =>
      answerTo({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} }, resolve, resolve),
    )
    expect((error as { code?: string }).code).toBe('ECONNREFUSED')
  })

  it('is absent from transports that do not offer it', () => {
    expect(answerToOf(async () => json('{}'))).toBeUndefined()
  })
})

import nock from 'nock'
import { MaxClient, type RpcClientOptions } from '../src/index.js'

export const MAX = 'http://max.test'

/** sha1('http://atenea.upc.edu'), the hash MAX uses for that context URL. */
export const ATENEA = 'http://atenea.upc.edu'
export const ATENEA_HASH = 'e6847aed3105e85ae603c56eb2790ce85e212997'

/** A client acting as alice, without retries (so a failure is seen once). */
export function client(options: RpcClientOptions = {}): MaxClient {
  return new MaxClient(MAX, { actor: 'alice', token: 'tok-123456', retry: false, ...options })
}

/** What the server received. */
export interface Received {
  method: string
  /** Path and query, as sent. */
  uri: string
  headers: Record<string, string | string[] | undefined>
  /** Parsed JSON body, the raw text for other bodies (latin1 for multipart), undefined when empty. */
  body: unknown
}

export interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

/**
 * Answers the next `method` request to MAX with `reply` and records what was sent.
 * Call `done()` after the call to check that it was made.
 */
export function intercept(method: string, reply: Reply): { received: () => Received; done: () => void } {
  let received: Received | undefined
  const scope = nock(MAX)
    .intercept(() => true, method)
    .reply(function (uri, body) {
      const headers = this.req.headers as Record<string, string | string[] | undefined>
      const type = String(headers['content-type'] ?? '')
      let parsed: unknown = body === '' ? undefined : body
      if (typeof body === 'string' && body !== '' && type.includes('application/json'))
        parsed = JSON.parse(body)
      // nock hands over bodies that are not valid UTF-8 (binary file parts) hex-encoded.
      if (typeof body === 'string' && type.startsWith('multipart/') && /^([0-9a-f]{2})+$/.test(body)) {
        parsed = Buffer.from(body, 'hex').toString('latin1')
      }
      received = { method: this.req.method ?? method, uri, headers, body: parsed }
      const isJson =
        reply.body !== undefined &&
        !Buffer.isBuffer(reply.body) &&
        !ArrayBuffer.isView(reply.body) &&
        typeof reply.body !== 'string'
      return [
        reply.status,
        reply.body === undefined ? '' : isJson ? JSON.stringify(reply.body) : (reply.body as string | Buffer),
        { ...(isJson ? { 'content-type': 'application/json' } : {}), ...reply.headers },
      ]
    })
  return {
    received: () => {
      if (!received) throw new Error(`no ${method} request reached the server`)
      return received
    },
    done: () => scope.done(),
  }
}

/** The rejection of a promise that must fail (the test fails if it resolves). */
export async function failure(promise: Promise<unknown>): Promise<any> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the promise to reject, but it resolved')
}

import { describe, expect, it } from 'vitest'
import { createFetchTransport, MaxCore, TimeoutError, UsageError } from '../src/index.js'
import { failure } from './helpers.js'

const MAX = 'http://max.test'

describe('fetch transport with an in-process handler', () => {
  it('calls the handler with exactly one argument, a Request, and reads its Response', async () => {
    const calls: unknown[][] = []
    const handler = async (...args: unknown[]) => {
      calls.push(args)
      const request = args[0] as Request
      return Response.json(
        { method: request.method, url: request.url, token: request.headers.get('x-oauth-token') },
        { status: 201, headers: { 'x-extra': 'yes' } },
      )
    }
    const max = new MaxCore(MAX, {
      actor: 'alice',
      token: 'tok-abcdef',
      fetch: handler as (r: Request) => Promise<Response>,
    })
    const response = await max.send({ method: 'POST', path: '/people/alice/activities', body: { a: 1 } })
    expect(calls).toHaveLength(1)
    expect(calls[0]).toHaveLength(1)
    expect(calls[0]?.[0]).toBeInstanceOf(Request)
    expect(response.status).toBe(201)
    expect(response.headers['x-extra']).toBe('yes')
    expect(response.body).toEqual({
      method: 'POST',
      url: `${MAX}/people/alice/activities`,
      token: 'tok-abcdef',
    })
  })

  it('passes JSON and FormData bodies through the Request', async () => {
    const seen: unknown[] = []
    const handler = async (request: Request) => {
      const type = request.headers.get('content-type') ?? ''
      if (type.startsWith('multipart/form-data')) {
        const form = await request.formData()
        const file = form.get('file') as File
        seen.push({ json: form.get('json_data'), file: file.name, bytes: file.size })
      } else seen.push(await request.json())
      return new Response(null, { status: 204 })
    }
    const max = new MaxCore(MAX, { actor: 'a', token: 'tok-abcdef', fetch: handler })
    await max.send({ method: 'PUT', path: '/x', body: { tags: ['a'] } })
    const form = new FormData()
    form.set('json_data', '{"o":1}')
    form.set('file', new Blob(['abc'], { type: 'text/plain' }), 'a.txt')
    await max.send({ method: 'POST', path: '/y', body: form })
    expect(seen).toEqual([{ tags: ['a'] }, { json: '{"o":1}', file: 'a.txt', bytes: 3 }])
  })

  it('a handler that never answers times out through the signal it received', async () => {
    const handler = (request: Request) =>
      new Promise<Response>((_resolve, reject) => {
        request.signal.addEventListener('abort', () => reject(request.signal.reason))
      })
    const max = new MaxCore(MAX, { fetch: handler, timeout: 20, retry: false })
    const error = await failure(max.serverInfo())
    expect(error).toBeInstanceOf(TimeoutError)
  })

  it('the transport alone: status, lower-case headers and bytes', async () => {
    const transport = createFetchTransport(async () => new Response('hi', { headers: { 'X-Total': '3' } }))
    const result = await transport({ method: 'GET', url: `${MAX}/`, headers: {} })
    expect(result.status).toBe(200)
    expect(result.headers['x-total']).toBe('3')
    expect(new TextDecoder().decode(result.body)).toBe('hi')
  })

  it('rejects a fetch option that is not a function', () => {
    expect(() => createFetchTransport('fetch' as never)).toThrow(UsageError)
    expect(() => new MaxCore(MAX, { fetch: 42 as never })).toThrow(/fetch must be a function/)
  })
})

describe('fetch transport headers', () => {
  it('joins repeated headers with ", "', async () => {
    const headers = new Headers()
    headers.append('set-cookie', 'a=1')
    headers.append('set-cookie', 'b=2')
    headers.append('x-list', 'one')
    headers.append('x-list', 'two')
    const transport = createFetchTransport(async () => new Response('', { headers }))
    const result = await transport({ method: 'GET', url: `${MAX}/`, headers: {} })
    expect(result.headers['set-cookie']).toBe('a=1, b=2')
    expect(result.headers['x-list']).toBe('one, two')
  })
})

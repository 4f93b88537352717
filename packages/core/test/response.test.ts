import { describe, expect, it } from 'vitest'
import { countOf, interpretResponse, type MaxResponse, parseBody, RequestError } from '../src/index.js'

const bytes = (text: string) => new TextEncoder().encode(text)

function response(status: number, body: unknown, extra: Partial<MaxResponse> = {}): MaxResponse {
  return {
    method: 'GET',
    url: 'http://max.test/people/x',
    status,
    ok: status >= 200 && status < 300,
    headers: {},
    body,
    ...extra,
  }
}

function thrown(fn: () => unknown): RequestError {
  try {
    fn()
  } catch (error) {
    if (error instanceof RequestError) return error
    throw error
  }
  throw new Error('expected a RequestError')
}

describe('parseBody', () => {
  it('decodes Buffers (the node transport) and plain Uint8Arrays alike, dropping a BOM', () => {
    const json = '\ufeff{"displayName":"Núria"}'
    expect(parseBody(Buffer.from(json), 'application/json')).toEqual({ displayName: 'Núria' })
    expect(parseBody(new Uint8Array(Buffer.from(json)), 'application/json')).toEqual({ displayName: 'Núria' })
    expect(parseBody(Buffer.from('Ca la Núria'), 'text/plain')).toBe('Ca la Núria')
  })

  it('parses JSON, gives null for empty and text for non-JSON', () => {
    expect(parseBody(bytes('{"a":1}'), 'application/json')).toEqual({ a: 1 })
    expect(parseBody(bytes('[1,2]'), undefined)).toEqual([1, 2])
    expect(parseBody(new Uint8Array(), 'application/json')).toBeNull()
    expect(parseBody(bytes('I am a max server'), 'text/plain')).toBe('I am a max server')
    expect(parseBody(bytes('{"Image": "updated"'), 'text/html')).toBe('{"Image": "updated"')
  })

  it('keeps binary content types as bytes', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47])
    expect(parseBody(png, 'image/png')).toBe(png)
    expect(parseBody(png, 'application/octet-stream')).toBe(png)
  })

  it('does not let a "__proto__" key reach the prototype', () => {
    const parsed = parseBody(bytes('{"__proto__": {"polluted": true}}'), 'application/json') as object
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype)
  })
})

describe('interpretResponse', () => {
  it("with notFound: 'throw', reports a MAX 404 as a RequestError instead of null", () => {
    const missing = {
      method: 'GET',
      url: 'http://max.example.com/people/nobody',
      status: 404,
      ok: false,
      headers: { 'content-type': 'application/json' },
      body: { error: 'ObjectNotFound', error_description: 'Unknown user: nobody' },
    }
    expect(interpretResponse(missing)).toBeNull()
    let error: unknown
    try {
      interpretResponse(missing, { notFound: 'throw' })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(RequestError)
    expect(error).toMatchObject({
      status: 404,
      error: 'ObjectNotFound',
      description: 'Unknown user: nobody',
      message:
        'ObjectNotFound: Unknown user: nobody (HTTP 404 from GET http://max.example.com/people/nobody)',
    })
    expect(() => interpretResponse({ ...missing, body: [] }, { notFound: 'throw' })).toThrow(
      /not found \(HTTP 404\)/,
    )
  })

  it('any 2xx gives the body: JSON, null for empty, text otherwise', () => {
    expect(interpretResponse(response(200, { a: 1 }))).toEqual({ a: 1 })
    expect(interpretResponse(response(201, [1]))).toEqual([1])
    expect(interpretResponse(response(204, null))).toBeNull()
    expect(interpretResponse(response(201, 'uploaded'))).toBe('uploaded')
  })

  it('HEAD gives X-totalItems as a number, 0 when absent', () => {
    expect(
      interpretResponse(response(200, null, { method: 'HEAD', headers: { 'x-totalitems': '17' } })),
    ).toBe(17)
    expect(interpretResponse(response(200, null, { method: 'HEAD' }))).toBe(0)
  })

  it('404 with a MAX JSON body means the resource does not exist: null', () => {
    const body = { objectType: 'error', error: 'ObjectNotFound', error_description: 'not found' }
    expect(interpretResponse(response(404, body))).toBeNull()
  })

  it('404 with a non-JSON body: the endpoint does not accept the method', () => {
    const error = thrown(() =>
      interpretResponse(
        response(404, '<html>Not Found</html>', { method: 'PUT', url: 'http://max.test/people' }),
      ),
    )
    expect(error.status).toBe(404)
    expect(error.method).toBe('PUT')
    expect(error.message).toContain('does not accept PUT')
    expect(error.message).toContain('http://max.test/people')
  })

  it("404 with pyramid's JSON not-found page is not a missing resource", () => {
    const body = { code: '404 Not Found', title: 'Not Found', message: 'The resource could not be found.' }
    expect(thrown(() => interpretResponse(response(404, body))).message).toContain('does not accept GET')
  })

  it('404 saying "restricted permissions to = ROLE" names the role', () => {
    const error = thrown(() => interpretResponse(response(404, 'Sorry, restricted permissions to = Manager')))
    expect(error.message).toContain('restricted to the Manager role')
    expect(error.status).toBe(404)
  })

  it('502 asks whether MAX is running at the URL', () => {
    const error = thrown(() => interpretResponse(response(502, '<html>Bad Gateway</html>')))
    expect(error.status).toBe(502)
    expect(error.message).toContain('is the MAX server running at http://max.test')
  })

  it('other statuses carry the MAX error name and description', () => {
    const body = { objectType: 'error', error: 'Forbidden', error_description: 'User "x" has no permission' }
    const error = thrown(() => interpretResponse(response(403, body, { method: 'DELETE' })))
    expect(error).toMatchObject({
      status: 403,
      error: 'Forbidden',
      description: 'User "x" has no permission',
    })
    expect(error.message).toBe(
      'Forbidden: User "x" has no permission (HTTP 403 from DELETE http://max.test/people/x)',
    )
  })

  it('other statuses without a MAX body give a generic message with the status', () => {
    const error = thrown(() => interpretResponse(response(500, 'Internal Server Error')))
    expect(error.message).toBe('GET http://max.test/people/x failed with HTTP 500')
    expect(error.error).toBeUndefined()
  })

  it('never puts secret query parameters in messages', () => {
    const error = thrown(() =>
      interpretResponse(response(500, '', { url: 'http://max.test/x?t=SECRET-TOKEN&u=bob&password=pw' })),
    )
    expect(error.message).not.toContain('SECRET-TOKEN')
    expect(error.message).not.toContain('=pw')
    expect(error.url).not.toContain('SECRET-TOKEN')
  })
})

describe('countOf', () => {
  it('reads X-totalItems, 0 when absent, and rejects garbage', () => {
    expect(countOf(response(200, null, { headers: { 'x-totalitems': '3' } }))).toBe(3)
    expect(countOf(response(200, null))).toBe(0)
    expect(() => countOf(response(200, null, { headers: { 'x-totalitems': 'many' } }))).toThrow(
      /whole number/,
    )
  })
})

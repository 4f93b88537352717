import { describe, expect, it } from 'vitest'
import {
  AuthRequiredError,
  BadCredentialsError,
  MaxError,
  RequestError,
  TimeoutError,
  UsageError,
} from '../src/index.js'

describe('error classes', () => {
  it('form one hierarchy with readable names', () => {
    const timeout = new TimeoutError('GET', 'http://max.test/x', 50)
    expect(timeout).toBeInstanceOf(TimeoutError)
    expect(timeout).toBeInstanceOf(RequestError)
    expect(timeout).toBeInstanceOf(MaxError)
    expect(timeout).toBeInstanceOf(Error)
    expect(timeout).not.toBeInstanceOf(UsageError)
    expect(timeout.status).toBe(0)
    expect(timeout.name).toBe('TimeoutError')
    expect(timeout.message).toBe('GET http://max.test/x timed out after 50 ms')
    const auth = new AuthRequiredError('no token')
    expect(auth).toBeInstanceOf(UsageError)
    expect(auth).not.toBeInstanceOf(RequestError)
    expect(auth.name).toBe('AuthRequiredError')
    expect(String(auth)).toBe('AuthRequiredError: no token')
  })

  it('instanceof recognises instances of another copy of the package (ESM next to CJS)', () => {
    // A second copy has other classes but the same global Symbol.for markers on its prototypes.
    const foreignProto = Object.create(Error.prototype, {
      [Symbol.for('@maxclient/core/MaxError')]: { value: true },
      [Symbol.for('@maxclient/core/RequestError')]: { value: true },
    })
    const foreign = Object.create(foreignProto)
    expect(foreign).toBeInstanceOf(RequestError)
    expect(foreign).toBeInstanceOf(MaxError)
    expect(foreign).not.toBeInstanceOf(TimeoutError)
    expect(new Error('x')).not.toBeInstanceOf(MaxError)
    expect((null as unknown as object) instanceof MaxError).toBe(false)
  })

  it('subclasses made by users keep the ordinary instanceof check', () => {
    class NotFound extends RequestError {}
    const plain = new RequestError('x', { status: 404, method: 'GET', url: 'u' })
    const own = new NotFound('x', { status: 404, method: 'GET', url: 'u' })
    expect(plain).not.toBeInstanceOf(NotFound)
    expect(own).toBeInstanceOf(NotFound)
    expect(own).toBeInstanceOf(RequestError)
    expect(own.name).toBe('NotFound')
  })

  it('RequestError keeps status, MAX error, description, method and URL, and the cause', () => {
    const cause = new Error('socket hang up')
    const error = new RequestError('failed', {
      status: 400,
      method: 'POST',
      url: 'http://max.test/a',
      error: 'ValidationError',
      description: 'bad',
      cause,
    })
    expect(error).toMatchObject({
      status: 400,
      method: 'POST',
      url: 'http://max.test/a',
      error: 'ValidationError',
    })
    expect(error.description).toBe('bad')
    expect(error.cause).toBe(cause)
  })

  it('BadCredentialsError names both servers and the user', () => {
    const error = new BadCredentialsError({
      username: 'alice',
      oauthServer: 'https://oauth.test',
      maxServer: 'https://max.test',
      status: 401,
      error: 'invalid_grant',
    })
    expect(error.message).toContain('https://oauth.test')
    expect(error.message).toContain('https://max.test')
    expect(error.message).toContain('alice')
    expect(error.message).toContain('invalid_grant')
    expect(error).toBeInstanceOf(MaxError)
  })
})

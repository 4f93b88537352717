import { describe, expect, it } from 'vitest'
import { parseTarget, planApiCall, resolvePath } from './api.js'

const files: Record<string, string> = { 'body.json': '{"displayName":"X"}', 'bad.json': '{' }
const readFile = (path: string) => {
  if (path in files) return files[path]!
  throw new Error('ENOENT')
}
const readBytes = (path: string) => {
  if (path === 'me.png') return new Uint8Array([1, 2, 3])
  throw new Error('ENOENT')
}

describe('api planning', () => {
  it('takes an optional method before the path', () => {
    expect(parseTarget('/people', undefined)).toEqual({ path: '/people' })
    expect(parseTarget('delete', '/people/x')).toEqual({ method: 'DELETE', path: '/people/x' })
    expect(() => parseTarget('FETCH', '/people')).toThrow(/Unknown method "FETCH"/)
  })

  it('matches the catalog, decodes variables and reads a query in the path', () => {
    const { route, params, query } = resolvePath(
      '/contexts/https%3A%2F%2Fx.org%2Fa/activities?limit=5&tags=a&tags=b',
    )
    expect(route.pattern).toBe('/contexts/{hash}/activities')
    expect(params).toEqual({ hash: 'https://x.org/a' })
    expect(query).toEqual({ limit: '5', tags: ['a', 'b'] })
    expect(resolvePath('http://max.example.com/people/bob').params).toEqual({ username: 'bob' })
    expect(resolvePath('/contexts/public').route.pattern).toBe('/contexts/public')
  })

  it('suggests near paths for unknown ones', () => {
    expect(() => resolvePath('/peple/bob')).toThrow(/Did you mean:\n {2}\/people\/bob/)
    expect(() => resolvePath('people')).toThrow(/must start with "\/"/)
  })

  it('defaults to GET, or POST once a body is given', () => {
    expect(planApiCall('/people/:me', undefined, {}).call.method).toBe('GET')
    const post = planApiCall(
      '/people/:me/activities',
      undefined,
      { rawField: ['object[content]=hi'] },
      readFile,
    )
    expect(post.call).toEqual({
      method: 'POST',
      pattern: '/people/{username}/activities',
      params: { username: ':me' },
      input: { object: { content: 'hi' } },
    })
  })

  it('builds query, data and upload inputs', () => {
    expect(planApiCall('/people', undefined, { query: ['username=a'] }).call.input).toEqual({
      qs: { username: 'a' },
    })
    expect(planApiCall('/contexts', undefined, { data: '@body.json' }, readFile).call.input).toEqual({
      data: { displayName: 'X' },
    })
    expect(() => planApiCall('/contexts', undefined, { data: '@bad.json' }, readFile)).toThrow(
      /--data must be JSON/,
    )
    expect(() => planApiCall('/contexts', undefined, { data: 'inline' }, readFile)).toThrow(/@file or -/)
    expect(() =>
      planApiCall('/contexts', undefined, { data: '@body.json', rawField: ['a=b'] }, readFile),
    ).toThrow(/without -f\/-F/)
    const upload = planApiCall('POST', '/people/:me/avatar', { upload: ['me.png'] }, readFile, readBytes)
    expect(upload.call.input).toEqual({ upload_file: { data: new Uint8Array([1, 2, 3]), name: 'me.png' } })
    expect(() =>
      planApiCall('POST', '/people/:me/avatar', { upload: ['nope.png'] }, readFile, readBytes),
    ).toThrow(/Cannot read upload nope.png/)
  })

  it('checks --count and --paginate against the catalog', () => {
    expect(planApiCall('/people/:me/activities', undefined, { count: true }).call.method).toBe('HEAD')
    expect(() => planApiCall('POST', '/people/:me/activities', { count: true })).toThrow(/--count sends HEAD/)
    expect(() => planApiCall('/people/:me', undefined, { paginate: true })).toThrow(/--paginate works on GET/)
    expect(planApiCall('/people/:me/timeline', undefined, { paginate: true }).call.method).toBe('GET')
  })

  it('notes deprecated request forms', () => {
    const planned = planApiCall('POST', '/people/bob', { rawField: ['displayName=Bob'] })
    expect(planned.deprecated).toMatch(/deprecated: the server rewrites it to POST \/people/)
  })
})

describe('api paths with raw context URLs', () => {
  it('explains that a context URL in a path must be percent-encoded', () => {
    expect(() => resolvePath('/contexts/https://x.org/team/activities')).toThrow(/must be percent-encoded/)
  })

  it('sends -f/-F as the query of an explicit GET, and refuses a body there', () => {
    expect(
      planApiCall('GET', '/people', { rawField: ['username=ali'], field: ['limit=5'] }).call,
    ).toMatchObject({
      method: 'GET',
      input: { qs: { username: 'ali', limit: 5 } },
    })
    expect(() => planApiCall('GET', '/people', { data: '@body.json' }, readFile)).toThrow(/GET sends no body/)
  })

  it('makes an unreadable --data file a usage error', () => {
    expect(() => planApiCall('POST', '/contexts', { data: '@missing.json' }, readFile)).toThrow(
      expect.objectContaining({
        exitCode: 2,
        message: expect.stringContaining('Cannot read --data @missing.json'),
      }),
    )
  })
})

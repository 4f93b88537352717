import { UsageError } from '@maxclient/core'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { buildRequest, findRoute } from '../src/index.js'
import { fillPattern } from '../src/params.js'

// The real fillPattern, counted: filling a path checks, encodes and may hash every parameter.
vi.mock('../src/params.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../src/params.js')>()
  return { ...original, fillPattern: vi.fn(original.fillPattern) }
})

const activities = findRoute('/people/{username}/activities')!
const context = findRoute('/contexts/{hash}')!

describe('buildRequest fills a path once', () => {
  beforeEach(() => {
    vi.mocked(fillPattern).mockClear()
  })

  it('when a POST of a new field shape leaves the planned path for the general one', () => {
    const request = buildRequest({
      route: activities,
      method: 'POST',
      params: { username: 'messi' },
      fields: { object_content: 'first of its shape', generator: 'fill-once-test' },
      actor: 'messi',
    })
    expect(request.path).toBe('/people/messi/activities')
    expect(request.body).toEqual({
      object: { objectType: 'note', content: 'first of its shape' },
      generator: 'fill-once-test',
    })
    expect(fillPattern).toHaveBeenCalledTimes(1)
  })

  it('when a body cannot be planned (an array value)', () => {
    buildRequest({
      route: context,
      method: 'PUT',
      params: { hash: 'http://example.com/fill-once' },
      fields: { tags: ['a', 'b'] },
    })
    expect(fillPattern).toHaveBeenCalledTimes(1)
  })

  it('when a GET given body fields is refused by the general path', () => {
    expect(() =>
      buildRequest({
        route: context,
        method: 'GET',
        params: { hash: 'http://example.com/x' },
        fields: { a: 1 },
      }),
    ).toThrow(UsageError)
    expect(fillPattern).toHaveBeenCalledTimes(1)
  })

  it('and a planned call fills it once too', () => {
    const args = {
      route: activities,
      method: 'POST',
      params: { username: 'messi' },
      fields: { object_content: 'planned' },
      actor: 'messi',
    } as const
    buildRequest(args)
    vi.mocked(fillPattern).mockClear()
    expect(buildRequest(args).body).toEqual({ object: { objectType: 'note', content: 'planned' } })
    expect(fillPattern).toHaveBeenCalledTimes(1)
  })
})

import { routePairs } from '@maxclient/resources'
import { describe, expect, it } from 'vitest'
import { handlers } from '../src/handlers/index.js'

describe('catalog coverage', () => {
  const pairs = routePairs().map(({ route, method }) => `${method} ${route.pattern}`)

  it('has one handler for every route–method pair of the catalog', () => {
    const missing = pairs.filter((key) => !handlers.has(key))
    expect(missing).toEqual([])
  })

  it('has no handler outside the catalog (nothing can drift from it)', () => {
    const extra = [...handlers.keys()].filter((key) => !pairs.includes(key))
    expect(extra).toEqual([])
  })

  it('serves the 99 pairs of MAX 5.3', () => {
    expect(pairs).toHaveLength(99)
  })
})

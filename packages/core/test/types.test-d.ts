import { describe, expectTypeOf, it } from 'vitest'
import {
  collect,
  type MaxClientOptions,
  MaxCore,
  type MaxResponse,
  paginate,
  type RequestError,
  type Transport,
} from '../src/index.node.js'

describe('public types', () => {
  it('fromHubDomain returns the subclass it is called on', () => {
    class RestLike extends MaxCore {
      readonly kind = 'rest'
    }
    expectTypeOf(RestLike.fromHubDomain('upc', { hub: 'https://hub' })).toEqualTypeOf<Promise<RestLike>>()
    expectTypeOf(MaxCore.fromHubDomain('upc', { hub: 'https://hub' })).toEqualTypeOf<Promise<MaxCore>>()
  })

  it('request is generic, send answers a MaxResponse', () => {
    const max = new MaxCore('https://max')
    expectTypeOf(max.request<{ id: string }>({ method: 'GET', path: '/x' })).toEqualTypeOf<
      Promise<{ id: string }>
    >()
    expectTypeOf(max.send({ method: 'GET', path: '/x' })).toEqualTypeOf<Promise<MaxResponse>>()
    // @ts-expect-error methods are upper case
    max.send({ method: 'get', path: '/x' })
  })

  it('paginate yields the item type and collect gathers it', () => {
    const max = new MaxCore('https://max')
    const items = paginate<{ id: string }>(max, { method: 'GET', path: '/people' })
    expectTypeOf(collect(items)).toEqualTypeOf<Promise<{ id: string }[]>>()
  })

  it('hooks accept a function or a list, and errors expose their fields', () => {
    const options: MaxClientOptions = {
      hooks: { beforeRequest: (req) => void req.headers, onError: [(error) => error] },
    }
    expectTypeOf(options.transport).toEqualTypeOf<Transport | undefined>()
    expectTypeOf<RequestError['status']>().toEqualTypeOf<number>()
    expectTypeOf<RequestError['error']>().toEqualTypeOf<string | undefined>()
  })
})

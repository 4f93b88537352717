import { describe, expectTypeOf, it } from 'vitest'
import {
  collect,
  HTTP_METHODS,
  type HttpMethod,
  type MaxClientOptions,
  MaxCore,
  type MaxRequest,
  type MaxResponse,
  paginate,
  type QueryParams,
  type RequestError,
  type RequestOptions,
  type Transport,
  trustRequest,
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

  it('the shared contract: one method type, structured queries, RequestOptions, trustRequest', () => {
    expectTypeOf<HttpMethod>().toEqualTypeOf<'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD'>()
    expectTypeOf(HTTP_METHODS).toEqualTypeOf<readonly ['GET', 'POST', 'PUT', 'DELETE', 'HEAD']>()
    expectTypeOf<MaxRequest>().toExtend<RequestOptions>()
    expectTypeOf<{ limit: number; tags: string[]; public: boolean }>().toExtend<QueryParams>()
    const request = trustRequest({ method: 'GET' as const, path: '/x', query: { limit: 5 } })
    expectTypeOf(request.query).toEqualTypeOf<{ limit: number }>()
    // @ts-expect-error query values are strings, numbers or booleans
    const bad: QueryParams = { nested: { a: 1 } }
    void bad
  })
})

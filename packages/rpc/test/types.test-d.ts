import type { Activity, Context, DeviceTokenListItem, Person, PersonSummary } from '@maxclient/resources'
import { describe, expectTypeOf, it } from 'vitest'
import type { MaxClient, RpcClient, RpcErrorContent, RpcResult } from '../src/index.js'

declare const client: MaxClient

describe('typed results', () => {
  it('types the content of each method from the catalog', () => {
    expectTypeOf(client.getUser()).resolves.toEqualTypeOf<RpcResult<Person>>()
    expectTypeOf(client.getContext('u')).resolves.toEqualTypeOf<RpcResult<Context>>()
    expectTypeOf(client.getUserTimeline()).resolves.toEqualTypeOf<RpcResult<Activity[]>>()
    expectTypeOf(client.getUserTokens()).resolves.toEqualTypeOf<RpcResult<DeviceTokenListItem[]>>()
  })

  it('types counts as numbers, also through the legacy count argument', () => {
    expectTypeOf(client.countActivities()).resolves.toEqualTypeOf<RpcResult<number>>()
    expectTypeOf(client.getActivities(true)).resolves.toEqualTypeOf<RpcResult<number>>()
    expectTypeOf(client.getUserActivities('u', true)).resolves.toEqualTypeOf<RpcResult<number>>()
    expectTypeOf(client.getUserActivities('u')).resolves.toEqualTypeOf<RpcResult<Activity[]>>()
  })

  it('narrows on ok', async () => {
    const result = await client.getUser()
    if (result[0]) expectTypeOf(result[2]).toEqualTypeOf<Person>()
    else expectTypeOf(result[2]).toEqualTypeOf<RpcErrorContent>()
  })

  it('types iterator items', () => {
    expectTypeOf(client.iterateUsers()).toEqualTypeOf<AsyncIterable<PersonSummary>>()
    expectTypeOf(client.iterateContextActivities('u')).toEqualTypeOf<AsyncIterable<Activity>>()
  })

  it('is the same class under both names', () => {
    expectTypeOf<RpcClient>().toEqualTypeOf<MaxClient>()
  })

  it('rejects wrong argument types', () => {
    // @ts-expect-error platform is 'ios' | 'android'
    client.addToken('t', 'windows')
    // @ts-expect-error tags are strings
    client.addTagsToContext('u', [1])
    // @ts-expect-error unknown search parameter
    client.getUsers({ qs: { colour: 'red' } })
  })
})

import type {
  Activity,
  Comment,
  Context,
  ContextSubscriber,
  Message,
  Person,
  PersonSummary,
  SecurityRoles,
} from '@maxclient/resources'
import { describe, expectTypeOf, test } from 'vitest'
import { itemOf, type MaxClient, type ResourceNode, type RootResources } from '../src/index.js'

declare const client: MaxClient
// Tests compile with noUncheckedIndexedAccess, which types every index access as possibly undefined.
declare const me: NonNullable<MaxClient['people'][string]>

describe('good paths compile, with model results', () => {
  test('the seed examples', () => {
    expectTypeOf(
      client.people['user.name']!.post({ displayName: 'User Name' }),
    ).resolves.toEqualTypeOf<Person>()
    expectTypeOf(me.activities.get({ qs: { limit: 1 } })).resolves.toEqualTypeOf<Activity[]>()
    expectTypeOf(
      me.activities.post({ generator: 'Twitter', object_content: 'Hello world' }),
    ).resolves.toEqualTypeOf<Activity>()
    expectTypeOf(me.post({ data: { displayName: 'User Name' } })).resolves.toEqualTypeOf<Person>()
    expectTypeOf(me.activities.defaults('post')).toEqualTypeOf<Record<string, unknown> | undefined>()
    expectTypeOf(me.avatar.post({ upload_file: new Blob([]) })).toBeObject()
    expectTypeOf(me.timeline.head()).resolves.toEqualTypeOf<number>()
  })

  test('other models, at any depth', () => {
    expectTypeOf(client.contexts['http://a.b']!.get()).resolves.toEqualTypeOf<Context | null>()
    expectTypeOf(client.contexts['h']!.subscriptions.get()).resolves.toEqualTypeOf<ContextSubscriber[]>()
    expectTypeOf(client.activities['a']!.comments.get()).resolves.toEqualTypeOf<Comment[]>()
    expectTypeOf(
      client.conversations['c']!.messages.post({ object_content: 'x' }),
    ).resolves.toEqualTypeOf<Message>()
    expectTypeOf(client.admin.security.get()).resolves.toEqualTypeOf<SecurityRoles | null>()
    expectTypeOf(client.contexts['h']!.permissions['u']!['write']!.put).toBeFunction()
  })

  test('a GET of a single resource may be null (missing); lists, counts and writes never are', () => {
    expectTypeOf(me.get()).resolves.toEqualTypeOf<Person | null>()
    expectTypeOf(me.activities.get()).resolves.toEqualTypeOf<Activity[]>()
    expectTypeOf(me.activities.head()).resolves.toEqualTypeOf<number>()
    expectTypeOf(me.put({ displayName: 'x' })).resolves.toEqualTypeOf<Person>()
  })

  test('iterate and all yield list items', () => {
    expectTypeOf(me.timeline.iterate()).toEqualTypeOf<AsyncIterable<Activity>>()
    expectTypeOf(client.people.all(undefined, { max: 5, pageSize: 2 })).resolves.toEqualTypeOf<
      PersonSummary[]
    >()
  })

  test('names that clash with client methods', () => {
    const node = client.contexts['h']!.permissions['u']!.defaults
    expectTypeOf(node.post()).toBeObject()
    expectTypeOf(node.defaults('post')).toEqualTypeOf<Record<string, unknown> | undefined>()
    // A method name that is also a variable value: callable, and walkable as that value.
    expectTypeOf(client.people.get()).resolves.toEqualTypeOf<PersonSummary[]>()
    expectTypeOf(client.people.get.activities.get()).resolves.toEqualTypeOf<Activity[]>()
  })

  test('itemOf and the exported node types', () => {
    expectTypeOf(itemOf(client.people, 'then').get()).resolves.toEqualTypeOf<Person | null>()
    expectTypeOf<RootResources['people']>().toEqualTypeOf<MaxClient['people']>()
    expectTypeOf<ResourceNode<unknown>>().toBeObject()
  })
})

describe('bad paths do not compile', () => {
  test('misspelt segments', () => {
    // @ts-expect-error activitiez is not a child of /people/{username}
    me.activitiez
    // @ts-expect-error no root segment peeple
    client.peeple
    // @ts-expect-error /contexts/public has no variable child
    client.contexts.public['x']
  })

  test('methods the server does not implement', () => {
    // @ts-expect-error PUT /people/{username}/activities does not exist
    me.activities.put
    // @ts-expect-error POST /info does not exist
    client.info.post
    // @ts-expect-error /people/{username}/conversations has no route of its own
    me.conversations.get()
    // @ts-expect-error /people/{username} is not a paged list
    me.iterate
    // @ts-expect-error activities answers get, head and post only
    me.activities.defaults('delete')
  })

  test('bad call shapes', () => {
    // @ts-expect-error a GET takes no body fields, only qs
    me.activities.get({ displayName: 'x' })
    // @ts-expect-error limit is a query parameter, not an option
    me.activities.get({}, { limit: 1 })
    // @ts-expect-error pageSize is an iterate option only
    me.activities.get({}, { pageSize: 1 })
  })
})

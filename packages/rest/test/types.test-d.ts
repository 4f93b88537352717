import { describe, expectTypeOf, test } from 'vitest'
import type { Activity, Context, Person } from '@maxclient/resources'
import { MaxClient } from '../src/index.js'

declare const client: MaxClient

describe('resource tree types', () => {
  test('seed paths type-check with model results', () => {
    expectTypeOf(client.people['user.name']!.activities.get({ qs: { limit: 1 } })).resolves.toEqualTypeOf<Activity[]>()
    expectTypeOf(client.people['x']!.get()).resolves.toEqualTypeOf<Person>()
    expectTypeOf(client.contexts['x']!.get()).resolves.toEqualTypeOf<Context>()
    expectTypeOf(client.people[':me']!.timeline.head()).resolves.toEqualTypeOf<number>()
  })
  test('misspelt segments do not compile', () => {
    // @ts-expect-error activitiez is not a child of /people/{username}
    client.people['x']!.activitiez
  })
})

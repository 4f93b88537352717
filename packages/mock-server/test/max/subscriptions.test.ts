// Port of UPCnet/max max/tests/test_subscriptions.py (MAX 5.3.27): each `it` is the MAX test function of the
// same name, run over plain HTTP against the mock server.
import { describe, it } from 'vitest'
import {
  assertEqual,
  assertIn,
  get,
  len,
  mockers,
  oauth2Header,
  sha1,
  test_manager,
  useMaxTestApp,
} from './max-test-app.js'

describe('test_subscriptions', () => {
  const { app, base } = useMaxTestApp({})

  // test_subscriptions.py FunctionalTests.test_subscribe_user_to_context
  it('test_subscribe_user_to_context', async () => {
    const { create_context } = mockers()
    const { subscribe_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context, {
      read: 'public',
      write: 'restricted',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await app.post(
      `/people/${username}/subscriptions`,
      JSON.stringify(subscribe_context),
      oauth2Header(test_manager),
      { status: 201 },
    )
  })

  // test_subscriptions.py FunctionalTests.test_subscribe_to_context
  it('test_subscribe_to_context', async () => {
    const { subscribe_context } = mockers()
    const { user_status_context } = mockers()
    const { create_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context)
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    const res: any = await base.create_activity(username, user_status_context)
    const result: any = JSON.parse(res.text)
    assertEqual(get(get(result, 'actor', null), 'username', null), 'messi')
    assertEqual(get(get(result, 'object', null), 'objectType', null), 'note')
    assertEqual(get(result, 'contexts', null)[0].url, subscribe_context.object.url)
  })

  // test_subscriptions.py FunctionalTests.test_subscribe_to_context_already_subscribed
  it('test_subscribe_to_context_already_subscribed', async () => {
    const { subscribe_context } = mockers()
    const { user_status_context } = mockers()
    const { create_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context)
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    await base.admin_subscribe_user_to_context(username, subscribe_context, 200)
    const res: any = await base.create_activity(username, user_status_context)
    const result: any = JSON.parse(res.text)
    assertEqual(get(get(result, 'actor', null), 'username', null), 'messi')
    assertEqual(get(get(result, 'object', null), 'objectType', null), 'note')
    assertEqual(get(result, 'contexts', null)[0].url, subscribe_context.object.url)
  })

  // test_subscriptions.py FunctionalTests.test_subscribe_to_inexistent_context
  it('test_subscribe_to_inexistent_context', async () => {
    const { subscribe_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    const res: any = await base.admin_subscribe_user_to_context(username, subscribe_context, 404)
    const result: any = JSON.parse(res.text)
    assertEqual(get(result, 'error', null), 'ObjectNotFound')
  })

  // test_subscriptions.py FunctionalTests.test_get_all_subscribed_contexts_for_user
  it('test_get_all_subscribed_contexts_for_user', async () => {
    const { create_context } = mockers()
    const { subscribe_contextA, create_contextA } = mockers()
    const { subscribe_contextB, create_contextB } = mockers()
    const username: any = 'messi'
    const username_not_me: any = 'xavi'
    await base.create_user(username)
    await base.create_user(username_not_me)
    await base.create_context(create_context, {
      read: 'public',
      write: 'restricted',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.create_context(create_contextA, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.create_context(create_contextB, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username, subscribe_contextA)
    await base.admin_subscribe_user_to_context(username_not_me, subscribe_contextA)
    await base.admin_subscribe_user_to_context(username, subscribe_contextB)
    const res: any = await app.get(`/people/${username}/subscriptions`, '', oauth2Header(username), {
      status: 200,
    })
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 2)
    assertEqual(get(result[0], 'url', null), 'http://atenea.upc.edu/A')
    assertEqual(get(result[1], 'url', null), 'http://atenea.upc.edu/B')
  })

  // test_subscriptions.py FunctionalTests.test_get_all_subscribed_contexts_for_user_by_tag
  it('test_get_all_subscribed_contexts_for_user_by_tag', async () => {
    const { create_context } = mockers()
    const { subscribe_contextA, create_contextA } = mockers()
    const { subscribe_contextB, create_contextB } = mockers()
    const username: any = 'messi'
    const username_not_me: any = 'xavi'
    await base.create_user(username)
    await base.create_user(username_not_me)
    await base.create_context(create_context, {
      read: 'public',
      write: 'restricted',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.create_context(create_contextA, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.create_context(create_contextB, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username, subscribe_contextA)
    await base.admin_subscribe_user_to_context(username_not_me, subscribe_contextA)
    await base.admin_subscribe_user_to_context(username, subscribe_contextB)
    const res: any = await app.get(
      `/people/${username}/subscriptions`,
      { tags: ['Assignatura'] },
      oauth2Header(username),
      { status: 200 },
    )
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 1)
    assertEqual(get(result[0], 'url', null), 'http://atenea.upc.edu/A')
  })

  // test_subscriptions.py FunctionalTests.test_get_all_subscribed_contexts_tagged_for_user
  it('test_get_all_subscribed_contexts_tagged_for_user', async () => {
    const { subscribe_contextA, create_contextA } = mockers()
    const { subscribe_contextB, create_contextB } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_contextA, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.create_context(create_contextB, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username, subscribe_contextA)
    await base.admin_subscribe_user_to_context(username, subscribe_contextB)
    const res: any = await app.get(
      `/people/${username}/subscriptions`,
      { tags: ['Assignatura'] },
      oauth2Header(username),
      { status: 200 },
    )
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 1)
    assertEqual(get(result[0], 'url', null), 'http://atenea.upc.edu/A')
  })

  // test_subscriptions.py FunctionalTests.test_get_subscriptions_from_another_user
  it('test_get_subscriptions_from_another_user', async () => {
    const { create_context } = mockers()
    const { subscribe_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    const username2: any = 'xavi'
    await base.create_user(username2)
    await base.create_context(create_context, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username, subscribe_context, 201)
    await app.get(`/people/${username}/subscriptions`, {}, oauth2Header(username2), { status: 403 })
  })

  // test_subscriptions.py FunctionalTests.test_subcribe_to_restricted_context_as_plain_user
  it('test_subcribe_to_restricted_context_as_plain_user', async () => {
    const { create_context } = mockers()
    const { subscribe_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.user_subscribe_user_to_context(username, subscribe_context, undefined, 403)
  })

  // test_subscriptions.py FunctionalTests.test_subscribe_to_public_context_as_plain_user
  it('test_subscribe_to_public_context_as_plain_user', async () => {
    const { create_context } = mockers()
    const { subscribe_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'public',
      invite: 'restricted',
    })
    let res: any = await app.post(
      `/people/${username}/subscriptions`,
      JSON.stringify(subscribe_context),
      oauth2Header(username),
      { status: 201 },
    )
    res = await app.get(`/people/${username}/subscriptions`, '', oauth2Header(username), { status: 200 })
    const result: any = JSON.parse(res.text)
    assertIn('unsubscribe', result[0].permissions)
  })

  // test_subscriptions.py FunctionalTests.test_subscribe_to_public_context_as_plain_user_already_subscribed
  it('test_subscribe_to_public_context_as_plain_user_already_subscribed', async () => {
    const { create_context } = mockers()
    const { subscribe_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'public',
      invite: 'restricted',
    })
    await base.user_subscribe_user_to_context(username, subscribe_context, undefined, 201)
    await base.user_subscribe_user_to_context(username, subscribe_context, undefined, 200)
  })

  // test_subscriptions.py FunctionalTests.test_list_all_public_subcribable_contexts
  it('test_list_all_public_subcribable_contexts', async () => {
    const { create_context, create_contextA } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'public',
      invite: 'restricted',
    })
    await base.create_context(create_contextA, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    const res: any = await app.get('/contexts/public', {}, oauth2Header(username), { status: 200 })
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 1)
  })

  // test_subscriptions.py FunctionalTests.test_unsubscribe_from_inexistent_subscription_as_plain_user
  it('test_unsubscribe_from_inexistent_subscription_as_plain_user', async () => {
    const { create_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'public',
      invite: 'restricted',
    })
    const url_hash: any = sha1(create_context.url)
    await app.delete(`/people/${username}/subscriptions/${url_hash}`, {}, oauth2Header(username), {
      status: 403,
    })
  })

  // test_subscriptions.py FunctionalTests.test_unsubscribe_from_inexistent_subscription_as_admin
  it('test_unsubscribe_from_inexistent_subscription_as_admin', async () => {
    const { create_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'public',
      invite: 'restricted',
    })
    const url_hash: any = sha1(create_context.url)
    await app.delete(`/people/${username}/subscriptions/${url_hash}`, {}, oauth2Header(test_manager), {
      status: 404,
    })
  })

  // test_subscriptions.py FunctionalTests.test_unsubscribe_from_restricted_context_as_plain_user
  it('test_unsubscribe_from_restricted_context_as_plain_user', async () => {
    const { create_context } = mockers()
    const { subscribe_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username, subscribe_context, 201)
    const url_hash: any = sha1(create_context.url)
    await app.delete(`/people/${username}/subscriptions/${url_hash}`, {}, oauth2Header(username), {
      status: 403,
    })
  })

  // test_subscriptions.py FunctionalTests.test_unsubscribe_from_restricted_context_as_admin
  it('test_unsubscribe_from_restricted_context_as_admin', async () => {
    const { create_context } = mockers()
    const { subscribe_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username, subscribe_context, 201)
    const url_hash: any = sha1(create_context.url)
    await app.delete(`/people/${username}/subscriptions/${url_hash}`, {}, oauth2Header(test_manager), {
      status: 204,
    })
    const res: any = await app.get(`/people/${username}/subscriptions`, {}, oauth2Header(username), {
      status: 200,
    })
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 0)
  })

  // test_subscriptions.py FunctionalTests.test_unsubscribe_from_public_context_as_plain_user
  it('test_unsubscribe_from_public_context_as_plain_user', async () => {
    const { create_context } = mockers()
    const { subscribe_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'public',
      invite: 'restricted',
    })
    await base.user_subscribe_user_to_context(username, subscribe_context, undefined, 201)
    const url_hash: any = sha1(create_context.url)
    await base.user_unsubscribe_user_from_context(username, url_hash, undefined, 204)
    const res: any = await app.get(`/people/${username}/subscriptions`, {}, oauth2Header(username), {
      status: 200,
    })
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 0)
  })

  // test_subscriptions.py FunctionalTests.test_unsubscribe_from_public_context_as_admin
  it('test_unsubscribe_from_public_context_as_admin', async () => {
    const { create_context } = mockers()
    const { subscribe_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'public',
      invite: 'restricted',
    })
    await base.user_subscribe_user_to_context(username, subscribe_context, undefined, 201)
    const url_hash: any = sha1(create_context.url)
    await base.admin_unsubscribe_user_from_context(username, url_hash, 204)
    const res: any = await app.get(`/people/${username}/subscriptions`, {}, oauth2Header(username), {
      status: 200,
    })
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 0)
  })

  // test_subscriptions.py FunctionalTests.test_change_context_with_same_permissions
  it('test_change_context_with_same_permissions', async () => {
    const { create_context } = mockers()
    const { subscribe_context } = mockers()
    const url_hash: any = sha1(create_context.url)
    const username: any = 'messi'
    await base.create_user(username)
    const permissions: any = {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'public',
      invite: 'restricted',
    }
    await base.create_context(create_context, permissions)
    await base.user_subscribe_user_to_context(username, subscribe_context, undefined, 201)
    const data: any = JSON.stringify({ permissions: permissions })
    const res: any = await app.put(`/contexts/${url_hash}`, data, oauth2Header(test_manager), { status: 200 })
    assertEqual(res.json.permissions.read, 'subscribed')
    assertEqual(res.json.permissions.write, 'subscribed')
    assertEqual(res.json.permissions.subscribe, 'public')
    assertEqual(res.json.permissions.invite, 'restricted')
  })

  // test_subscriptions.py FunctionalTests.test_change_public_context_to_restricted
  it('test_change_public_context_to_restricted', async () => {
    const { create_context } = mockers()
    const { subscribe_context } = mockers()
    const { user_status_context } = mockers()
    const url_hash: any = sha1(create_context.url)
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'public',
      invite: 'restricted',
    })
    await base.user_subscribe_user_to_context(username, subscribe_context, undefined, 201)
    const data: any = JSON.stringify({ permissions: { write: 'restricted' } })
    let res: any = await app.put(`/contexts/${url_hash}`, data, oauth2Header(test_manager), { status: 200 })
    assertEqual(res.json.permissions.read, 'subscribed')
    assertEqual(res.json.permissions.write, 'restricted')
    res = await base.create_activity(username, user_status_context, undefined, 403)
  })

  // test_subscriptions.py FunctionalTests.test_change_public_context_to_restricted_preserve_granted_write_permission
  it('test_change_public_context_to_restricted_preserve_granted_write_permission', async () => {
    const { create_context } = mockers()
    const { subscribe_context } = mockers()
    const { user_status_context } = mockers()
    const url_hash: any = sha1(create_context.url)
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'public',
      invite: 'restricted',
    })
    await base.user_subscribe_user_to_context(username, subscribe_context, undefined, 201)
    const permission: any = 'write'
    let res: any = await app.put(
      `/contexts/${url_hash}/permissions/${username}/${permission}?permanent=1`,
      '',
      oauth2Header(test_manager),
      { status: 201 },
    )
    const data: any = JSON.stringify({ permissions: { write: 'restricted' } })
    res = await app.put(`/contexts/${url_hash}`, data, oauth2Header(test_manager), { status: 200 })
    assertEqual(res.json.permissions.read, 'subscribed')
    assertEqual(res.json.permissions.write, 'restricted')
    res = await base.create_activity(username, user_status_context, undefined, 201)
  })

  // test_subscriptions.py FunctionalTests.test_change_restricted_context_to_susbcribed
  it('test_change_restricted_context_to_susbcribed', async () => {
    const { create_context } = mockers()
    const { subscribe_context } = mockers()
    const { user_status_context } = mockers()
    const url_hash: any = sha1(create_context.url)
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context, {
      read: 'subscribed',
      write: 'restricted',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username, subscribe_context, 201)
    const data: any = JSON.stringify({ permissions: { write: 'subscribed' } })
    let res: any = await app.put(`/contexts/${url_hash}`, data, oauth2Header(test_manager), { status: 200 })
    assertEqual(res.json.permissions.read, 'subscribed')
    assertEqual(res.json.permissions.write, 'subscribed')
    res = await base.create_activity(username, user_status_context, undefined, 201)
  })

  // test_subscriptions.py FunctionalTests.test_change_restricted_context_to_susbcribed_maintain_write_veto
  it('test_change_restricted_context_to_susbcribed_maintain_write_veto', async () => {
    const { create_context } = mockers()
    const { subscribe_context } = mockers()
    const { user_status_context } = mockers()
    const url_hash: any = sha1(create_context.url)
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context, {
      read: 'subscribed',
      write: 'restricted',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username, subscribe_context, 201)
    const permission: any = 'write'
    let res: any = await app.delete(
      `/contexts/${url_hash}/permissions/${username}/${permission}?permanent=1`,
      '',
      oauth2Header(test_manager),
      { status: 201 },
    )
    const data: any = JSON.stringify({ permissions: { write: 'subscribed' } })
    res = await app.put(`/contexts/${url_hash}`, data, oauth2Header(test_manager), { status: 200 })
    assertEqual(res.json.permissions.read, 'subscribed')
    assertEqual(res.json.permissions.write, 'subscribed')
    res = await base.create_activity(username, user_status_context, undefined, 403)
  })
})

// Port of UPCnet/max max/tests/test_admin.py (MAX 5.3.27): each `it` is the MAX test function of the
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

describe('test_admin', () => {
  const { app, base } = useMaxTestApp({})

  // test_admin.py FunctionalTests.test_get_all_users_admin
  it('test_get_all_users_admin', async () => {
    const username: any = 'messi'
    await base.create_user(username)
    const res: any = await app.get('/people', '', oauth2Header(test_manager))
    assertEqual(len(res.json), 2)
    assertEqual(get(res.json[0], 'username', null), 'test_manager')
    assertEqual(get(res.json[1], 'username', null), 'messi')
  })

  // test_admin.py FunctionalTests.test_admin_post_activity_without_context
  it('test_admin_post_activity_without_context', async () => {
    const { user_status } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    const res: any = await app.post(
      `/people/${username}/activities`,
      JSON.stringify(user_status),
      oauth2Header(test_manager),
    )
    const result: any = JSON.parse(res.text)
    assertEqual(get(get(result, 'actor', null), 'username', null), 'messi')
    assertEqual(get(get(result, 'object', null), 'objectType', null), 'note')
    assertEqual(get(result, 'contexts', null), null)
  })

  // test_admin.py FunctionalTests.test_admin_post_activity_with_context
  it('test_admin_post_activity_with_context', async () => {
    const { subscribe_context } = mockers()
    const { user_status_context } = mockers()
    const { create_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context)
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    const res: any = await app.post(
      `/people/${username}/activities`,
      JSON.stringify(user_status_context),
      oauth2Header(test_manager),
    )
    const result: any = JSON.parse(res.text)
    assertEqual(get(get(result, 'actor', null), 'username', null), 'messi')
    assertEqual(get(get(result, 'object', null), 'objectType', null), 'note')
    assertEqual(get(result, 'contexts', null)[0].url, subscribe_context.object.url)
  })

  // test_admin.py FunctionalTests.test_admin_post_activity_with_context_as_actor
  it('test_admin_post_activity_with_context_as_actor', async () => {
    const { subscribe_context } = mockers()
    const { user_status_as_context } = mockers()
    const { create_context } = mockers()
    await base.create_context(create_context)
    const url_hash: any = sha1(create_context.url)
    const res: any = await app.post(
      `/contexts/${url_hash}/activities`,
      JSON.stringify(user_status_as_context),
      oauth2Header(test_manager),
      { status: 201 },
    )
    const result: any = JSON.parse(res.text)
    assertEqual(get(get(result, 'actor', null), 'hash', null), url_hash)
    assertEqual(get(get(result, 'object', null), 'objectType', null), 'note')
    assertEqual(get(result, 'contexts', null)[0].url, subscribe_context.object.url)
  })

  // test_admin.py FunctionalTests.test_get_other_activities
  it('test_get_other_activities', async () => {
    const { user_status_context } = mockers()
    const { subscribe_context, create_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context)
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    await base.create_activity(username, user_status_context)
    await app.get(`/people/${username}/activities`, '', oauth2Header(test_manager), { status: 200 })
  })

  // test_admin.py FunctionalTests.test_delete_user
  it('test_delete_user', async () => {
    const username: any = 'messi'
    await base.create_user(username)
    await app.delete(`/people/${username}`, '', oauth2Header(test_manager), { status: 204 })
  })

  // test_admin.py FunctionalTests.test_delete_all_conversations
  it('test_delete_all_conversations', async () => {
    const { group_message: message } = mockers()
    const sender: any = 'messi'
    const recipient: any = 'xavi'
    const recipient2: any = 'shakira'
    await base.create_user(sender)
    await base.create_user(recipient)
    await base.create_user(recipient2)
    await app.post('/conversations', JSON.stringify(message), oauth2Header(sender), { status: 201 })
    await app.post('/conversations', JSON.stringify(message), oauth2Header(sender), { status: 201 })
    await app.post('/conversations', JSON.stringify(message), oauth2Header(sender), { status: 201 })
    await app.delete('/conversations', '', oauth2Header(test_manager), { status: 204 })
    const conversations: any = await app.get('/conversations', '', oauth2Header(sender), { status: 200 })
    assertEqual(len(conversations.json), 0)
    const user_data: any = await app.get(`/people/${sender}`, '', oauth2Header(sender), { status: 200 })
    assertEqual(len(user_data.json.talkingIn), 0)
  })

  // test_admin.py FunctionalTests.test_delete_inexistent_user
  it('test_delete_inexistent_user', async () => {
    const username: any = 'messi'
    const username2: any = 'xavi'
    await base.create_user(username)
    await app.delete(`/people/${username2}`, '', oauth2Header(test_manager), { status: 400 })
  })

  // test_admin.py FunctionalTests.test_admin_delete_inexistent_activity
  it('test_admin_delete_inexistent_activity', async () => {
    const fake_id: any = '519200000000000000000000'
    await app.delete(`/activities/${fake_id}`, '', oauth2Header(test_manager), { status: 404 })
  })

  // test_admin.py FunctionalTests.test_admin_get_people_activities_by_context
  it('test_admin_get_people_activities_by_context', async () => {
    const { user_status } = mockers()
    const { context_query } = mockers()
    const { create_context } = mockers()
    const { subscribe_context, user_status_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    await base.create_activity(username, user_status_context)
    await base.create_activity(username, user_status)
    const res: any = await app.get(
      `/people/${username}/activities`,
      context_query,
      oauth2Header(test_manager),
      { status: 200 },
    )
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 1)
  })

  // test_admin.py FunctionalTests.test_admin_get_all_activities_by_context
  it('test_admin_get_all_activities_by_context', async () => {
    const { user_status } = mockers()
    const { subscribe_context, subscribe_contextA } = mockers()
    const { create_context, create_contextA } = mockers()
    const { user_status_context, user_status_contextA } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    const url_hash: any = sha1(create_context.url)
    await base.create_context(create_contextA, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username, subscribe_contextA)
    const url_hashA: any = sha1(create_contextA.url)
    await base.create_activity(username, user_status_context)
    await base.create_activity(username, user_status_contextA)
    await base.create_activity(username, user_status)
    let res: any = await app.get(`/contexts/${url_hash}/activities`, {}, oauth2Header(test_manager), {
      status: 200,
    })
    let result: any = JSON.parse(res.text)
    assertEqual(len(result), 2)
    res = await app.get(`/contexts/${url_hashA}/activities`, {}, oauth2Header(test_manager), { status: 200 })
    result = JSON.parse(res.text)
    assertEqual(len(result), 1)
  })

  // test_admin.py FunctionalTests.test_get_users_twitter_enabled
  it('test_get_users_twitter_enabled', async () => {
    const username: any = 'messi'
    const username2: any = 'xavi'
    await base.create_user(username)
    await base.create_user(username2)
    await base.modify_user(username, { twitterUsername: 'messipowah' })
    const res: any = await app.get('/people', { twitter_enabled: true }, oauth2Header(test_manager), {
      status: 200,
    })
    assertEqual(len(res.json), 1)
    assertIn('twitterUsername', res.json[0])
  })

  // test_admin.py FunctionalTests.test_get_context_twitter_enabled
  it('test_get_context_twitter_enabled', async () => {
    const { create_context, create_contextA } = mockers()
    await base.create_context(create_context)
    await base.create_context(create_contextA)
    await base.modify_context(create_context.url, {
      twitterHashtag: 'assignatura1',
      twitterUsername: 'maxupcnet',
    })
    const res: any = await app.get('/contexts', { twitter_enabled: true }, oauth2Header(test_manager), {
      status: 200,
    })
    assertEqual(len(res.json), 1)
  })

  // test_admin.py FunctionalTests.test_rename_context_url
  it('test_rename_context_url', async () => {
    const { create_context, subscribe_context, user_status_context } = mockers()
    const username = 'messi'
    await base.create_user(username)
    await base.create_context(create_context, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    const activity = await base.create_activity(username, user_status_context)
    const url_hash = sha1(create_context.url)
    await app.put(
      `/contexts/${url_hash}`,
      JSON.stringify({ url: 'http://new.url' }),
      oauth2Header(test_manager),
      { status: 200 },
    )
    const new_url_hash = sha1('http://new.url')
    let res = await app.get(`/contexts/${new_url_hash}`, '', oauth2Header(test_manager), { status: 200 })
    assertEqual(res.json.url, 'http://new.url')
    assertEqual(res.json.hash, new_url_hash)
    res = await app.get(`/people/${username}`, '', oauth2Header(test_manager), { status: 200 })
    assertEqual(res.json.subscribedTo[0].url, 'http://new.url')
    assertEqual(res.json.subscribedTo[0].hash, new_url_hash)
    // MAX also reads the stored subscribe activity straight from MongoDB; no route lists it, so that
    // check has no HTTP equivalent. The post's context is checked below.
    res = await app.get(`/activities/${activity.json.id}`, '', oauth2Header(test_manager), { status: 200 })
    assertEqual(res.json.contexts[0].url, 'http://new.url')
    assertEqual(res.json.contexts[0].hash, new_url_hash)
  })
})

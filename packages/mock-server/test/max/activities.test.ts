// Port of UPCnet/max max/tests/test_activities.py (MAX 5.3.27): each `it` is the MAX test function of the
// same name, run over plain HTTP against the mock server.
import { describe, it } from 'vitest'
import {
  assertEqual,
  assertIn,
  assertNotIn,
  deepcopy,
  get,
  len,
  mockers,
  oauth2Header,
  sha1,
  test_manager,
  useMaxTestApp,
} from './max-test-app.js'

describe('test_activities', () => {
  const { app, base } = useMaxTestApp({})

  // test_activities.py FunctionalTests.test_create_activity_with_published_date
  it('test_create_activity_with_published_date', async () => {
    const { user_status: activity } = mockers()
    const old_activity: any = deepcopy(activity)
    old_activity.published = '2010-01-01T00:01:30.000Z'
    const username: any = 'messi'
    await base.create_user(username)
    const res: any = await app.post(
      `/people/${username}/activities`,
      JSON.stringify(old_activity),
      oauth2Header(username),
      { status: 201 },
    )
    assertEqual(res.json.published, '2010-01-01T00:01:30Z')
  })

  // test_activities.py FunctionalTests.test_create_activity_with_invalid_json
  it('test_create_activity_with_invalid_json', async () => {
    const { user_status: activity } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await app.post(
      `/people/${username}/activities`,
      JSON.stringify(activity).slice(0, -10),
      oauth2Header(username),
      { status: 400 },
    )
  })

  // test_activities.py FunctionalTests.test_create_activity_check_ownership
  it('test_create_activity_check_ownership', async () => {
    const { user_status: activity } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    const res: any = await app.post(
      `/people/${username}/activities`,
      JSON.stringify(activity),
      oauth2Header(username),
      { status: 201 },
    )
    assertEqual(res.json.actor.username, res.json.creator)
    assertEqual(res.json.owner, res.json.creator)
  })

  // test_activities.py FunctionalTests.test_get_deletable_mark_for_own_activity
  it('test_get_deletable_mark_for_own_activity', async () => {
    const { user_status: activity } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    let res: any = await app.post(
      `/people/${username}/activities`,
      JSON.stringify(activity),
      oauth2Header(username),
      { status: 201 },
    )
    res = await app.get(`/activities/${res.json.id}`, '', oauth2Header(username), { status: 200 })
    assertEqual(res.json.deletable, true)
  })

  // test_activities.py FunctionalTests.test_get_deletable_mark_for_own_activity_in_context
  it('test_get_deletable_mark_for_own_activity_in_context', async () => {
    const { user_status_context } = mockers()
    const { subscribe_context, create_context } = mockers()
    const username: any = 'messi'
    const username_not_me: any = 'xavi'
    await base.create_user(username)
    await base.create_user(username_not_me)
    await base.create_context(create_context)
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    await base.admin_subscribe_user_to_context(username_not_me, subscribe_context)
    let res: any = await base.create_activity(username, user_status_context)
    res = await app.get(`/activities/${res.json.id}`, '', oauth2Header(username), { status: 200 })
    assertEqual(res.json.deletable, true)
  })

  // test_activities.py FunctionalTests.test_get_deletable_mark_for_others_activity_in_context
  it('test_get_deletable_mark_for_others_activity_in_context', async () => {
    const { user_status_context } = mockers()
    const { subscribe_context, create_context } = mockers()
    const username: any = 'messi'
    const username_not_me: any = 'xavi'
    await base.create_user(username)
    await base.create_user(username_not_me)
    await base.create_context(create_context)
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    await base.admin_subscribe_user_to_context(username_not_me, subscribe_context)
    let res: any = await base.create_activity(username, user_status_context)
    res = await app.get(`/activities/${res.json.id}`, '', oauth2Header(username_not_me), { status: 200 })
    assertEqual(res.json.deletable, false)
  })

  // test_activities.py FunctionalTests.test_get_deletable_mark_for_others_activity_in_context_with_deletable_permission
  it('test_get_deletable_mark_for_others_activity_in_context_with_deletable_permission', async () => {
    const { user_status_context } = mockers()
    const { subscribe_context, create_context_deletable_activities } = mockers()
    const username: any = 'messi'
    const username_not_me: any = 'xavi'
    await base.create_user(username)
    await base.create_user(username_not_me)
    await base.create_context(create_context_deletable_activities)
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    await base.admin_subscribe_user_to_context(username_not_me, subscribe_context)
    let res: any = await base.create_activity(username, user_status_context)
    res = await app.get(`/activities/${res.json.id}`, '', oauth2Header(username_not_me), { status: 200 })
    assertEqual(res.json.deletable, true)
  })

  // test_activities.py FunctionalTests.test_get_deletable_mark_for_others_activity
  it('test_get_deletable_mark_for_others_activity', async () => {
    const { user_status: activity } = mockers()
    const username: any = 'messi'
    const username2: any = 'xavi'
    await base.create_user(username)
    await base.create_user(username2)
    let res: any = await app.post(
      `/people/${username}/activities`,
      JSON.stringify(activity),
      oauth2Header(username),
      { status: 201 },
    )
    res = await app.get(`/activities/${res.json.id}`, '', oauth2Header(username2), { status: 200 })
    assertEqual(res.json.deletable, false)
  })

  // test_activities.py FunctionalTests.test_delete_inexistent_activity
  it('test_delete_inexistent_activity', async () => {
    const username: any = 'messi'
    await base.create_user(username)
    await app.delete(`/activities/${'000000000000000000000000'}`, '', oauth2Header(username), { status: 404 })
  })

  // test_activities.py FunctionalTests.test_delete_activity_invalid_id
  it('test_delete_activity_invalid_id', async () => {
    const username: any = 'messi'
    await base.create_user(username)
    await app.delete(`/activities/${'invalidid'}`, '', oauth2Header(username), { status: 400 })
  })

  // test_activities.py FunctionalTests.test_create_activity_check_impersonated_ownership
  it('test_create_activity_check_impersonated_ownership', async () => {
    const { user_status: activity } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    const res: any = await app.post(
      `/people/${username}/activities`,
      JSON.stringify(activity),
      oauth2Header(test_manager),
      { status: 201 },
    )
    assertEqual(res.json.actor.username, username)
    assertEqual(res.json.creator, test_manager)
    assertEqual(res.json.owner, username)
  })

  // test_activities.py FunctionalTests.test_create_activity_check_not_duplicate_activity
  it('test_create_activity_check_not_duplicate_activity', async () => {
    const { user_status: activity } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await app.post(`/people/${username}/activities`, JSON.stringify(activity), oauth2Header(test_manager), {
      status: 201,
    })
    await app.post(`/people/${username}/activities`, JSON.stringify(activity), oauth2Header(test_manager), {
      status: 200,
    })
  })

  // test_activities.py FunctionalTests.test_create_activity_on_context_check_duplicate_activity
  it('test_create_activity_on_context_check_duplicate_activity', async () => {
    const { subscribe_contextA, create_contextA, user_status_contextA } = mockers()
    const { subscribe_contextB, create_contextB, user_status_contextB } = mockers()
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
    await app.post(
      `/people/${username}/activities`,
      JSON.stringify(user_status_contextA),
      oauth2Header(test_manager),
      { status: 201 },
    )
    await app.post(
      `/people/${username}/activities`,
      JSON.stringify(user_status_contextB),
      oauth2Header(test_manager),
      { status: 201 },
    )
  })

  // test_activities.py FunctionalTests.test_create_activity_as_context_check_not_duplicated_activity
  it('test_create_activity_as_context_check_not_duplicated_activity', async () => {
    const { user_status_as_context } = mockers()
    const { create_context } = mockers()
    await base.create_context(create_context)
    const url_hash: any = sha1(create_context.url)
    await app.post(
      `/contexts/${url_hash}/activities`,
      JSON.stringify(user_status_as_context),
      oauth2Header(test_manager),
      { status: 201 },
    )
    await app.post(
      `/contexts/${url_hash}/activities`,
      JSON.stringify(user_status_as_context),
      oauth2Header(test_manager),
      { status: 200 },
    )
  })

  // test_activities.py FunctionalTests.test_create_activity_as_context_check_ownership
  it('test_create_activity_as_context_check_ownership', async () => {
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
    assertEqual(res.json.actor.hash, url_hash)
    assertEqual(res.json.creator, test_manager)
    assertEqual(res.json.owner, test_manager)
  })

  // test_activities.py FunctionalTests.test_create_activity_default_fields
  it('test_create_activity_default_fields', async () => {
    const { user_status: activity } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    const res: any = await app.post(
      `/people/${username}/activities`,
      JSON.stringify(activity),
      oauth2Header(username),
      { status: 201 },
    )
    assertIn('replies', res.json)
    assertIn('generator', res.json)
    assertIn('objectType', res.json)
    assertEqual(res.json.objectType, 'activity')
  })

  // test_activities.py FunctionalTests.test_post_activity_without_context
  it('test_post_activity_without_context', async () => {
    const { user_status } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    const res: any = await base.create_activity(username, user_status)
    const result: any = JSON.parse(res.text)
    assertEqual(get(get(result, 'actor', null), 'username', null), 'messi')
    assertEqual(get(get(result, 'object', null), 'objectType', null), 'note')
    assertEqual(get(result, 'contexts', null), null)
  })

  // test_activities.py FunctionalTests.test_post_activity_with_unauthorized_context
  it('test_post_activity_with_unauthorized_context', async () => {
    const { create_contextA } = mockers()
    const { user_status_contextA } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_contextA)
    await base.create_activity(username, user_status_contextA, undefined, 403)
  })

  // test_activities.py FunctionalTests.test_post_activity_not_me
  it('test_post_activity_not_me', async () => {
    const { user_status } = mockers()
    const username: any = 'messi'
    const username_not_me: any = 'xavi'
    await base.create_user(username)
    await base.create_user(username_not_me)
    await base.create_activity(username_not_me, user_status, username, 403)
  })

  // test_activities.py FunctionalTests.test_post_activity_non_existent_user
  it('test_post_activity_non_existent_user', async () => {
    const { user_status } = mockers()
    const username: any = 'messi'
    const res: any = await base.create_activity(username, user_status, undefined, 400)
    const result: any = JSON.parse(res.text)
    assertEqual(get(result, 'error', null), 'UnknownUserError')
  })

  // test_activities.py FunctionalTests.test_get_activity
  it('test_get_activity', async () => {
    const { user_status } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_activity(username, user_status)
    const res: any = await app.get(`/people/${username}/activities`, '', oauth2Header(username), {
      status: 200,
    })
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 1)
    assertEqual(get(get(result[0], 'actor', null), 'username', null), 'messi')
    assertEqual(get(get(result[0], 'object', null), 'objectType', null), 'note')
  })

  // test_activities.py FunctionalTests.test_get_activities
  it('test_get_activities', async () => {
    const { context_query } = mockers()
    const { user_status_context } = mockers()
    const { subscribe_context, create_context } = mockers()
    const username: any = 'messi'
    const username_not_me: any = 'xavi'
    await base.create_user(username)
    await base.create_user(username_not_me)
    await base.create_context(create_context)
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    await base.admin_subscribe_user_to_context(username_not_me, subscribe_context)
    await base.create_activity(username, user_status_context)
    await base.create_activity(username_not_me, user_status_context)
    const res: any = await app.get(
      `/contexts/${context_query.context}/activities`,
      '',
      oauth2Header(username),
      { status: 200 },
    )
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 2)
    assertEqual(get(get(result[0], 'actor', null), 'username', null), 'xavi')
    assertEqual(get(get(result[0], 'object', null), 'objectType', null), 'note')
    assertEqual(get(result[0], 'contexts', null)[0].url, subscribe_context.object.url)
    assertEqual(get(get(result[1], 'actor', null), 'username', null), 'messi')
    assertEqual(get(get(result[1], 'object', null), 'objectType', null), 'note')
    assertEqual(get(result[1], 'contexts', null)[0].url, subscribe_context.object.url)
  })

  // test_activities.py FunctionalTests.test_get_activities_does_not_show_private_fields
  it('test_get_activities_does_not_show_private_fields', async () => {
    const { context_query } = mockers()
    const { user_status_context } = mockers()
    const { subscribe_context, create_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context)
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    await base.create_activity(username, user_status_context)
    const res: any = await app.get(
      `/contexts/${context_query.context}/activities`,
      '',
      oauth2Header(username),
      { status: 200 },
    )
    assertEqual(len(res.json), 1)
    assertNotIn('_keywords', res.json[0].object)
  })

  // test_activities.py FunctionalTests.test_get_activities_from_inexistent_context
  it('test_get_activities_from_inexistent_context', async () => {
    const username: any = 'messi'
    await base.create_user(username)
    await app.get(`/contexts/%s/activities`, '', oauth2Header(username), { status: 404 })
  })

  // test_activities.py FunctionalTests.test_get_activities_from_recursive_contexts
  it('test_get_activities_from_recursive_contexts', async () => {
    const { context_query } = mockers()
    const { create_context } = mockers()
    const { subscribe_contextA, create_contextA, user_status_contextA } = mockers()
    const { subscribe_contextB, create_contextB, user_status_contextB } = mockers()
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
    await base.admin_subscribe_user_to_context(username_not_me, subscribe_contextB)
    await base.create_activity(username, user_status_contextA)
    await base.create_activity(username_not_me, user_status_contextA)
    await base.create_activity(username_not_me, user_status_contextB)
    let res: any = await app.get(
      `/contexts/${context_query.context}/activities`,
      '',
      oauth2Header(username),
      { status: 200 },
    )
    let result: any = JSON.parse(res.text)
    assertEqual(len(result), 2)
    assertEqual(get(get(result[0], 'actor', null), 'username', null), 'xavi')
    assertEqual(get(get(result[0], 'object', null), 'objectType', null), 'note')
    assertEqual(get(result[0], 'contexts', null)[0].url, subscribe_contextA.object.url)
    assertEqual(get(get(result[1], 'actor', null), 'username', null), 'messi')
    assertEqual(get(get(result[1], 'object', null), 'objectType', null), 'note')
    assertEqual(get(result[1], 'contexts', null)[0].url, subscribe_contextA.object.url)
    res = await app.get(`/contexts/${context_query.context}/activities`, '', oauth2Header(username_not_me), {
      status: 200,
    })
    result = JSON.parse(res.text)
    assertEqual(len(result), 3)
    assertEqual(get(get(result[0], 'actor', null), 'username', null), 'xavi')
    assertEqual(get(get(result[0], 'object', null), 'objectType', null), 'note')
    assertEqual(get(result[0], 'contexts', null)[0].url, subscribe_contextB.object.url)
    assertEqual(get(get(result[1], 'actor', null), 'username', null), 'xavi')
    assertEqual(get(get(result[1], 'object', null), 'objectType', null), 'note')
    assertEqual(get(result[1], 'contexts', null)[0].url, subscribe_contextA.object.url)
    assertEqual(get(get(result[2], 'actor', null), 'username', null), 'messi')
    assertEqual(get(get(result[2], 'object', null), 'objectType', null), 'note')
    assertEqual(get(result[2], 'contexts', null)[0].url, subscribe_contextA.object.url)
  })

  // test_activities.py FunctionalTests.test_get_activities_from_recursive_public_contexts
  it('test_get_activities_from_recursive_public_contexts', async () => {
    const { context_query } = mockers()
    const { create_context } = mockers()
    const { subscribe_contextA, create_contextA, user_status_contextA } = mockers()
    const { subscribe_contextB, create_contextB, user_status_contextB } = mockers()
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
      read: 'public',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.create_context(create_contextB, {
      read: 'public',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username_not_me, subscribe_contextA)
    await base.admin_subscribe_user_to_context(username_not_me, subscribe_contextB)
    await base.create_activity(username_not_me, user_status_contextA)
    await base.create_activity(username_not_me, user_status_contextB)
    const res: any = await app.get(
      `/contexts/${context_query.context}/activities`,
      '',
      oauth2Header(username),
      { status: 200 },
    )
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 2)
  })

  // test_activities.py FunctionalTests.test_get_activities_from_recursive_public_contexts_filtered_by_tags
  it('test_get_activities_from_recursive_public_contexts_filtered_by_tags', async () => {
    const { context_query } = mockers()
    const { create_context } = mockers()
    const { subscribe_contextA, create_contextA, user_status_contextA } = mockers()
    const { subscribe_contextB, create_contextB, user_status_contextB } = mockers()
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
      read: 'public',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.create_context(create_contextB, {
      read: 'public',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username_not_me, subscribe_contextA)
    await base.admin_subscribe_user_to_context(username_not_me, subscribe_contextB)
    await base.create_activity(username_not_me, user_status_contextA)
    await base.create_activity(username_not_me, user_status_contextB)
    const res: any = await app.get(
      `/contexts/${context_query.context}/activities`,
      { context_tags: ['Assignatura', ''] },
      oauth2Header(username),
      { status: 200 },
    )
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 1)
  })

  // test_activities.py FunctionalTests.test_get_activities_from_recursive_subscribed_contexts
  it('test_get_activities_from_recursive_subscribed_contexts', async () => {
    const { context_query } = mockers()
    const { create_context } = mockers()
    const { subscribe_contextA, create_contextA, user_status_contextA } = mockers()
    const { subscribe_contextB, create_contextB, user_status_contextB } = mockers()
    const username: any = 'messi'
    const username_not_me: any = 'xavi'
    await base.create_user(username)
    await base.create_user(username_not_me)
    await base.create_context(create_context, {
      read: 'subscribed',
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
    await base.admin_subscribe_user_to_context(username_not_me, subscribe_contextA)
    await base.admin_subscribe_user_to_context(username_not_me, subscribe_contextB)
    await base.create_activity(username_not_me, user_status_contextA)
    await base.create_activity(username_not_me, user_status_contextB)
    await app.get(`/contexts/${context_query.context}/activities`, '', oauth2Header(username), {
      status: 403,
    })
  })

  // test_activities.py FunctionalTests.test_post_activity_with_generator
  it('test_post_activity_with_generator', async () => {
    const { subscribe_context, create_context } = mockers()
    const { user_status_context_generator } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context)
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    const res: any = await base.create_activity(username, user_status_context_generator)
    const result: any = JSON.parse(res.text)
    assertEqual(get(get(result, 'actor', null), 'username', null), 'messi')
    assertEqual(get(get(result, 'object', null), 'objectType', null), 'note')
    assertEqual(get(result, 'contexts', null)[0].url, subscribe_context.object.url)
    assertEqual(get(result, 'generator', null), user_status_context_generator.generator)
  })

  // test_activities.py FunctionalTests.test_get_timeline_no_activities
  it('test_get_timeline_no_activities', async () => {
    const username: any = 'messi'
    await base.create_user(username)
    const res: any = await app.get(`/people/${username}/timeline`, '', oauth2Header(username), {
      status: 200,
    })
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 0)
  })

  // test_activities.py FunctionalTests.test_get_timeline
  it('test_get_timeline', async () => {
    const { user_status, user_status_context, user_status_contextA } = mockers()
    const { subscribe_context, subscribe_contextA } = mockers()
    const { create_context, create_contextA } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context)
    await base.create_context(create_contextA)
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    await base.admin_subscribe_user_to_context(username, subscribe_contextA)
    await base.create_activity(username, user_status)
    await base.create_activity(username, user_status_context)
    await base.create_activity(username, user_status_contextA)
    const res: any = await app.get(`/people/${username}/timeline`, '', oauth2Header(username), {
      status: 200,
    })
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 3)
    assertEqual(get(get(result[0], 'actor', null), 'username', null), 'messi')
    assertEqual(get(get(result[0], 'object', null), 'objectType', null), 'note')
    assertEqual(get(result[0], 'contexts', null)[0].url, subscribe_contextA.object.url)
    assertEqual(get(get(result[1], 'actor', null), 'username', null), 'messi')
    assertEqual(get(get(result[1], 'object', null), 'objectType', null), 'note')
    assertEqual(get(result[1], 'contexts', null)[0].url, subscribe_context.object.url)
  })

  // test_activities.py FunctionalTests.test_get_timeline_does_not_show_private_fields
  it('test_get_timeline_does_not_show_private_fields', async () => {
    const { user_status } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_activity(username, user_status)
    const res: any = await app.get(`/people/${username}/timeline`, '', oauth2Header(username), {
      status: 200,
    })
    assertEqual(len(res.json), 1)
    assertNotIn('_keywords', res.json[0].object)
  })

  // test_activities.py FunctionalTests.test_get_generated_activities_from_another_user
  it('test_get_generated_activities_from_another_user', async () => {
    const { user_status, user_status_context, user_status_contextA, user_status_contextB } = mockers()
    const { subscribe_context, subscribe_contextA, subscribe_contextB } = mockers()
    const { create_context, create_contextA, create_contextB } = mockers()
    const username1: any = 'sheldon'
    const username2: any = 'penny'
    const username3: any = 'leonard'
    const context_permissions: any = { write: 'subscribed', read: 'subscribed' }
    await base.create_user(username1)
    await base.create_user(username2)
    await base.create_user(username3)
    await base.create_context(create_context, context_permissions)
    await base.create_context(create_contextA, context_permissions)
    await base.create_context(create_contextB)
    await base.admin_subscribe_user_to_context(username1, subscribe_context)
    await base.admin_subscribe_user_to_context(username2, subscribe_context)
    await base.admin_subscribe_user_to_context(username3, subscribe_context)
    await base.admin_subscribe_user_to_context(username1, subscribe_contextA)
    await base.admin_subscribe_user_to_context(username1, subscribe_contextB)
    await base.create_activity(username1, user_status)
    await base.create_activity(username1, user_status_context)
    await base.create_activity(username1, user_status_contextA)
    await base.create_activity(username1, user_status_contextB)
    await base.create_activity(username3, user_status)
    await base.create_activity(username3, user_status_context)
    const res: any = await app.get(`/people/${username1}/activities`, '', oauth2Header(username2), {
      status: 200,
    })
    assertEqual(res.json[0].contexts[0].url, create_contextB.url)
    assertEqual(res.json[1].contexts[0].url, create_context.url)
    assertEqual(get(res.json[2], 'contexts', null), null)
    assertEqual(len(res.json), 3)
  })
})

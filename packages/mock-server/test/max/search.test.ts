// Port of UPCnet/max max/tests/test_search.py (MAX 5.3.27): each `it` is the MAX test function of the
// same name, run over plain HTTP against the mock server.
import { describe, it } from 'vitest'
import {
  assertEqual,
  assertListEqual,
  assertNotIn,
  get,
  iter,
  len,
  mockers,
  oauth2Header,
  range,
  test_manager,
  useMaxTestApp,
} from './max-test-app.js'

describe('test_search', () => {
  const { app, base } = useMaxTestApp({})

  // test_search.py FunctionalTests.test_has_remaining_items
  it('test_has_remaining_items', async () => {
    for (const i of iter(range(10))) {
      await base.create_user(`user-${i}`)
    }
    const res: any = await app.get('/people', undefined, oauth2Header(test_manager), { status: 200 })
    assertEqual(len(res.json), 10)
    assertEqual(res.headers['X-Has-Remaining-Items'], '1')
  })

  // test_search.py FunctionalTests.test_not_has_remaining_items_wihout_limit
  it('test_not_has_remaining_items_wihout_limit', async () => {
    for (const i of iter(range(10))) {
      await base.create_user(`user-${i}`)
    }
    const res: any = await app.get('/people?limit=0', undefined, oauth2Header(test_manager), { status: 200 })
    assertEqual(len(res.json), 11)
    assertNotIn('X-Has-Remaining-Items', res.headers)
  })

  // test_search.py FunctionalTests.test_not_has_remaining_items
  it('test_not_has_remaining_items', async () => {
    for (const i of iter(range(9))) {
      await base.create_user(`user-${i}`)
    }
    const res: any = await app.get('/people', undefined, oauth2Header(test_manager), { status: 200 })
    assertEqual(len(res.json), 10)
    assertNotIn('X-Has-Remaining-Items', res.headers)
  })

  // test_search.py FunctionalTests.test_activities_keyword_generation
  it('test_activities_keyword_generation', async () => {
    const { create_context } = mockers()
    const { subscribe_context, user_status_context, user_comment } = mockers()
    const username: any = 'messi'
    const username2: any = 'xavi'
    await base.create_user(username, undefined, undefined, undefined, { displayName: 'Lionel Messi' })
    await base.create_user(username2, undefined, undefined, undefined, { displayName: 'Xavi Hernandez' })
    await base.create_context(create_context, {
      read: 'public',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    await base.admin_subscribe_user_to_context(username2, subscribe_context)
    const activity: any = (await base.create_activity(username, user_status_context)).json
    let res: any = await app.post(
      `/activities/${String(activity.id)}/comments`,
      JSON.stringify(user_comment),
      oauth2Header(username2),
      { status: 201 },
    )
    res = await app.get(`/activities/${String(activity.id)}`, JSON.stringify({}), oauth2Header(username), {
      status: 200,
    })
    const expected_keywords: any = [
      'activitat',
      'canvi',
      'comentari',
      'creació',
      'estatus',
      'hernandez',
      'lionel',
      'messi',
      'nou',
      'testejant',
      'una',
      'xavi',
    ]
    const response_keywords: any = res.json.keywords
    response_keywords.sort()
    assertListEqual(response_keywords, expected_keywords)
  })

  // test_search.py FunctionalTests.test_activities_keyword_generation_after_comment_delete
  it('test_activities_keyword_generation_after_comment_delete', async () => {
    const { create_context } = mockers()
    const { subscribe_context, user_status_context, user_comment } = mockers()
    const username: any = 'messi'
    const username2: any = 'xavi'
    await base.create_user(username, undefined, undefined, undefined, { displayName: 'Lionel Messi' })
    await base.create_user(username2, undefined, undefined, undefined, { displayName: 'Xavi Hernandez' })
    await base.create_context(create_context, {
      read: 'public',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    await base.admin_subscribe_user_to_context(username2, subscribe_context)
    const activity: any = (await base.create_activity(username, user_status_context)).json
    let res: any = await app.post(
      `/activities/${String(activity.id)}/comments`,
      JSON.stringify(user_comment),
      oauth2Header(username2),
      { status: 201 },
    )
    const comment_id: any = res.json.id
    res = await app.delete(
      `/activities/${String(activity.id)}/comments/${comment_id}`,
      '',
      oauth2Header(username2),
      { status: 204 },
    )
    res = await app.get(`/activities/${String(activity.id)}`, JSON.stringify({}), oauth2Header(username), {
      status: 200,
    })
    const expected_keywords: any = ['canvi', 'creació', 'estatus', 'lionel', 'messi', 'testejant']
    const response_keywords: any = res.json.keywords
    response_keywords.sort()
    assertListEqual(response_keywords, expected_keywords)
  })

  // test_search.py FunctionalTests.test_activities_hashtag_generation
  it('test_activities_hashtag_generation', async () => {
    const { create_context } = mockers()
    const { subscribe_context, user_status_context_with_hashtag, user_comment_with_hashtag } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context, {
      read: 'public',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    let res: any = await base.create_activity(username, user_status_context_with_hashtag)
    const activity: any = JSON.parse(res.text)
    res = await app.post(
      `/activities/${String(get(activity, 'id', null))}/comments`,
      JSON.stringify(user_comment_with_hashtag),
      oauth2Header(username),
      { status: 201 },
    )
    res = await app.get(
      `/activities/${String(get(activity, 'id', null))}`,
      JSON.stringify({}),
      oauth2Header(username),
      { status: 200 },
    )
    const result: any = JSON.parse(res.text)
    const expected_hashtags: any = ['canvi', 'comentari', 'nou']
    assertListEqual(result.object.hashtags, expected_hashtags)
  })

  // test_search.py FunctionalTests.test_context_activities_hashtag_search
  it('test_context_activities_hashtag_search', async () => {
    const { context_query } = mockers()
    const { create_context } = mockers()
    const { subscribe_context, user_status_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context, {
      read: 'public',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    await base.create_activity(username, user_status_context)
    await base.create_activity(username, user_status_context, undefined, undefined, 'text with hashtag #test')
    const res: any = await app.get(
      `/contexts/${context_query.context}/activities?hashtag=test`,
      '',
      oauth2Header(username),
      { status: 200 },
    )
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 1)
  })

  // test_search.py FunctionalTests.test_context_activities_keyword_search
  it('test_context_activities_keyword_search', async () => {
    const { context_query } = mockers()
    const { context_query_kw_search } = mockers()
    const { create_context } = mockers()
    const { subscribe_context, user_status_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context, {
      read: 'public',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    await base.create_activity(username, user_status_context)
    const res: any = await app.get(
      `/contexts/${context_query.context}/activities`,
      context_query_kw_search,
      oauth2Header(username),
      { status: 200 },
    )
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 1)
  })

  // test_search.py FunctionalTests.test_context_comments_keyword_search
  it('test_context_comments_keyword_search', async () => {
    const { create_context } = mockers()
    const { subscribe_context, user_status_context } = mockers()
    const { user_comment } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context, {
      read: 'public',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    await base.create_activity(username, user_status_context)
    const activity_1_id: any = (
      await base.create_activity(username, user_status_context, undefined, undefined, 'Second activity')
    ).json.id
    let res: any = await app.post(
      `/activities/${activity_1_id}/comments`,
      JSON.stringify(user_comment),
      oauth2Header(username),
      { status: 201 },
    )
    res = await app.get('/activities/comments', { keyword: ['comentari'] }, oauth2Header(test_manager), {
      status: 200,
    })
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 1)
    assertEqual(result[0].object.inReplyTo[0].id, activity_1_id)
  })

  // test_search.py FunctionalTests.test_context_activities_actor_search
  it('test_context_activities_actor_search', async () => {
    const { context_query } = mockers()
    const { create_context } = mockers()
    const { subscribe_context, user_status_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    const username2: any = 'xavi'
    await base.create_user(username2)
    await base.create_context(create_context, {
      read: 'public',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    await base.admin_subscribe_user_to_context(username2, subscribe_context)
    await base.create_activity(username, user_status_context)
    await base.create_activity(username, user_status_context, undefined, undefined, 'second')
    await base.create_activity(username2, user_status_context)
    const res: any = await app.get(
      `/contexts/${context_query.context}/activities?actor=${username}`,
      '',
      oauth2Header(username),
      { status: 200 },
    )
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 2)
    assertEqual(get(get(result[0], 'actor', null), 'username', null), 'messi')
    assertEqual(get(get(result[1], 'actor', null), 'username', null), 'messi')
  })

  // test_search.py FunctionalTests.test_timeline_activities_actor_search
  it('test_timeline_activities_actor_search', async () => {
    const { create_context } = mockers()
    const { subscribe_context, user_status_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    const username2: any = 'xavi'
    await base.create_user(username2)
    await base.create_context(create_context, {
      read: 'public',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    await base.admin_subscribe_user_to_context(username2, subscribe_context)
    await base.create_activity(username, user_status_context)
    await base.create_activity(username, user_status_context, undefined, undefined, 'second')
    await base.create_activity(username2, user_status_context)
    await base.create_activity(username2, user_status_context, undefined, undefined, 'second')
    const res: any = await app.get(
      `/people/${username}/timeline?actor=${username}`,
      '',
      oauth2Header(username),
      { status: 200 },
    )
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 2)
    assertEqual(get(get(result[0], 'actor', null), 'username', null), 'messi')
    assertEqual(get(get(result[1], 'actor', null), 'username', null), 'messi')
  })

  // test_search.py FunctionalTests.test_timeline_user_filter_activities_by_other_actor_and_not_permission_in_community
  it('test_timeline_user_filter_activities_by_other_actor_and_not_permission_in_community', async () => {
    const { create_context } = mockers()
    const { subscribe_context, user_status_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    const username2: any = 'xavi'
    await base.create_user(username2)
    await base.create_context(create_context, {
      read: 'public',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    await base.create_activity(username, user_status_context)
    await base.create_activity(username, user_status_context, undefined, undefined, 'second')
    const res: any = await app.get(
      `/people/${username2}/timeline?actor=${username}`,
      '',
      oauth2Header(username2),
      { status: 200 },
    )
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 0)
  })

  // test_search.py FunctionalTests.test_timeline_user_filter_activities_by_other_actor_and_have_permission_community
  it('test_timeline_user_filter_activities_by_other_actor_and_have_permission_community', async () => {
    const { create_context } = mockers()
    const { subscribe_context, user_status_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    const username2: any = 'xavi'
    await base.create_user(username2)
    await base.create_context(create_context, {
      read: 'public',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    await base.admin_subscribe_user_to_context(username2, subscribe_context)
    await base.create_activity(username, user_status_context)
    await base.create_activity(username, user_status_context, undefined, undefined, 'second')
    const res: any = await app.get(
      `/people/${username2}/timeline?actor=${username}`,
      '',
      oauth2Header(username2),
      { status: 200 },
    )
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 2)
    assertEqual(get(get(result[0], 'actor', null), 'username', null), 'messi')
    assertEqual(get(get(result[1], 'actor', null), 'username', null), 'messi')
  })

  // test_search.py FunctionalTests.test_contexts_search
  it('test_contexts_search', async () => {
    const { create_context, create_contextA, create_contextB } = mockers()
    await base.create_context(create_context)
    await base.create_context(create_contextA)
    await base.create_context(create_contextB)
    const res: any = await app.get('/contexts', '', oauth2Header(test_manager), { status: 200 })
    assertEqual(len(res.json), 3)
  })

  // test_search.py FunctionalTests.test_contexts_search_with_tags
  it('test_contexts_search_with_tags', async () => {
    const { create_context, create_contextA, create_contextB } = mockers()
    const { context_search_by_tags } = mockers()
    await base.create_context(create_context)
    await base.create_context(create_contextA)
    await base.create_context(create_contextB)
    const res: any = await app.get('/contexts?tags', context_search_by_tags, oauth2Header(test_manager), {
      status: 200,
    })
    assertEqual(len(res.json), 2)
  })

  // test_search.py FunctionalTests.test_public_contexts_search_with_tags
  it('test_public_contexts_search_with_tags', async () => {
    const { create_context, create_contextA, create_contextB } = mockers()
    const { context_search_by_tags } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context)
    await base.create_context(create_contextA, {
      read: 'subscribed',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'subscribed',
    })
    await base.create_context(create_contextB)
    const res: any = await app.get('/contexts/public?tags', context_search_by_tags, oauth2Header(username), {
      status: 200,
    })
    assertEqual(len(res.json), 1)
  })

  // test_search.py FunctionalTests.test_search_with_invalid_parameters
  it('test_search_with_invalid_parameters', async () => {
    const username: any = 'messi'
    await base.create_user(username)
    const fake_id: any = '519200000000000000000000'
    await app.get('/people?limit=a', '', oauth2Header(username), { status: 400 })
    await app.get('/people?after=0', '', oauth2Header(username), { status: 400 })
    await app.get('/people?before=0', '', oauth2Header(username), { status: 400 })
    await app.get(`/people?before=${fake_id}&after=${fake_id}`, '', oauth2Header(username), { status: 400 })
  })

  // test_search.py FunctionalTests.test_context_timeline_favorites_search
  it('test_context_timeline_favorites_search', async () => {
    const { create_context } = mockers()
    const { subscribe_context, user_status_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    const username2: any = 'xavi'
    await base.create_user(username2)
    await base.create_context(create_context, {
      read: 'public',
      write: 'subscribed',
      subscribe: 'restricted',
      invite: 'restricted',
    })
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    await base.admin_subscribe_user_to_context(username2, subscribe_context)
    let res: any = await base.create_activity(username, user_status_context)
    const activity1_id: any = res.json.id
    await base.create_activity(username, user_status_context, undefined, undefined, 'second')
    res = await base.create_activity(username2, user_status_context)
    const activity3_id: any = res.json.id
    await base.create_activity(username2, user_status_context, undefined, undefined, 'second')
    await base.favorite_activity(username, activity1_id)
    await base.favorite_activity(username, activity3_id)
    res = await app.get(`/people/${username}/timeline?favorites=true`, '', oauth2Header(username), {
      status: 200,
    })
    assertEqual(len(res.json), 2)
    assertEqual(res.json[0].id, activity3_id)
    assertEqual(res.json[1].id, activity1_id)
  })
})

// Port of UPCnet/max max/tests/test_comments.py (MAX 5.3.27): each `it` is the MAX test function of the
// same name, run over plain HTTP against the mock server.
import { describe, it } from 'vitest'
import { assertEqual, get, len, mockers, oauth2Header, useMaxTestApp } from './max-test-app.js'

describe('test_comments', () => {
  const { app, base } = useMaxTestApp({})

  // test_comments.py FunctionalTests.test_get_deletable_mark_for_own_comment
  it('test_get_deletable_mark_for_own_comment', async () => {})

  // test_comments.py FunctionalTests.test_get_deletable_mark_for_others_comment_in_own_activity
  it('test_get_deletable_mark_for_others_comment_in_own_activity', async () => {})

  // test_comments.py FunctionalTests.test_get_deletable_mark_for_others_comment_in_others_activity
  it('test_get_deletable_mark_for_others_comment_in_others_activity', async () => {})

  // test_comments.py FunctionalTests.test_post_comment_timeline
  it('test_post_comment_timeline', async () => {
    const { user_status, user_comment } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    let activity: any = await base.create_activity(username, user_status)
    activity = activity.json
    const res: any = await app.post(
      `/activities/${String(get(activity, 'id', null))}/comments`,
      JSON.stringify(user_comment),
      oauth2Header(username),
      { status: 201 },
    )
    const result: any = res.json
    assertEqual(get(get(result, 'actor', null), 'username', null), 'messi')
    assertEqual(get(get(result, 'object', null), 'objectType', null), 'comment')
    assertEqual(
      get(get(get(result, 'object', null), 'inReplyTo', null)[0], 'id', null),
      String(get(activity, 'id', null)),
    )
  })

  // test_comments.py FunctionalTests.test_post_comment_on_context
  it('test_post_comment_on_context', async () => {
    const { user_status_context, user_comment } = mockers()
    const { subscribe_context, create_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context)
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    let activity: any = await base.create_activity(username, user_status_context)
    activity = activity.json
    const res: any = await app.post(
      `/activities/${String(get(activity, 'id', null))}/comments`,
      JSON.stringify(user_comment),
      oauth2Header(username),
      { status: 201 },
    )
    const result: any = res.json
    assertEqual(get(get(result, 'actor', null), 'username', null), 'messi')
    assertEqual(get(get(result, 'object', null), 'objectType', null), 'comment')
    assertEqual(
      get(get(get(result, 'object', null), 'inReplyTo', null)[0], 'id', null),
      String(get(activity, 'id', null)),
    )
  })

  // test_comments.py FunctionalTests.test_get_comments
  it('test_get_comments', async () => {
    const { user_status, user_comment } = mockers()
    const { subscribe_context, create_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context)
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    let activity: any = await base.create_activity(username, user_status)
    activity = activity.json
    let res: any = await app.post(
      `/activities/${String(get(activity, 'id', null))}/comments`,
      JSON.stringify(user_comment),
      oauth2Header(username),
      { status: 201 },
    )
    res = await app.get(
      `/activities/${String(get(activity, 'id', null))}/comments`,
      '',
      oauth2Header(username),
      { status: 200 },
    )
    const result: any = res.json
    assertEqual(len(result), 1)
    assertEqual(get(get(result[0], 'actor', null), 'username', null), 'messi')
    assertEqual(get(result[0], 'objectType', null), 'comment')
  })

  // test_comments.py FunctionalTests.test_get_comments_for_user
  it('test_get_comments_for_user', async () => {
    const { user_status, user_comment } = mockers()
    const { subscribe_context, create_context, user_status_context } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    await base.create_context(create_context)
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    let activity: any = await base.create_activity(username, user_status)
    activity = activity.json
    let res: any = await app.post(
      `/activities/${String(get(activity, 'id', null))}/comments`,
      JSON.stringify(user_comment),
      oauth2Header(username),
      { status: 201 },
    )
    let activity2: any = await base.create_activity(username, user_status_context)
    activity2 = activity2.json
    res = await app.post(
      `/activities/${String(get(activity2, 'id', null))}/comments`,
      JSON.stringify(user_comment),
      oauth2Header(username),
      { status: 201 },
    )
    res = await app.get(`/people/${username}/comments`, '', oauth2Header(username), { status: 200 })
    const result: any = res.json
    assertEqual(len(result), 2)
    assertEqual(get(get(result[0], 'actor', null), 'username', null), 'messi')
    assertEqual(get(result[0], 'verb', null), 'comment')
    assertEqual(get(get(result[1], 'actor', null), 'username', null), 'messi')
    assertEqual(get(result[1], 'verb', null), 'comment')
  })

  // test_comments.py FunctionalTests.test_delete_own_comment
  it('test_delete_own_comment', async () => {
    const { user_status, user_comment } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    let activity: any = await base.create_activity(username, user_status)
    activity = activity.json
    let res: any = await app.post(
      `/activities/${String(get(activity, 'id', null))}/comments`,
      JSON.stringify(user_comment),
      oauth2Header(username),
      { status: 201 },
    )
    const comment_id: any = res.json.id
    res = await app.delete(
      `/activities/${String(get(activity, 'id', null))}/comments/${comment_id}`,
      '',
      oauth2Header(username),
      { status: 204 },
    )
  })

  // test_comments.py FunctionalTests.test_delete_others_comment_in_own_activity
  it('test_delete_others_comment_in_own_activity', async () => {
    const { user_status, user_comment } = mockers()
    const username: any = 'messi'
    const username_not_me: any = 'xavi'
    await base.create_user(username)
    await base.create_user(username_not_me)
    let activity: any = await base.create_activity(username, user_status)
    activity = activity.json
    let res: any = await app.post(
      `/activities/${String(get(activity, 'id', null))}/comments`,
      JSON.stringify(user_comment),
      oauth2Header(username_not_me),
      { status: 201 },
    )
    const comment_id: any = res.json.id
    res = await app.delete(
      `/activities/${String(get(activity, 'id', null))}/comments/${comment_id}`,
      '',
      oauth2Header(username),
      { status: 204 },
    )
  })

  // test_comments.py FunctionalTests.test_delete_others_comment_in_others_activity
  it('test_delete_others_comment_in_others_activity', async () => {
    const { user_status, user_comment } = mockers()
    const username: any = 'messi'
    const username_not_me: any = 'xavi'
    await base.create_user(username)
    await base.create_user(username_not_me)
    let activity: any = await base.create_activity(username_not_me, user_status)
    activity = activity.json
    let res: any = await app.post(
      `/activities/${String(get(activity, 'id', null))}/comments`,
      JSON.stringify(user_comment),
      oauth2Header(username_not_me),
      { status: 201 },
    )
    const comment_id: any = res.json.id
    res = await app.delete(
      `/activities/${String(get(activity, 'id', null))}/comments/${comment_id}`,
      '',
      oauth2Header(username),
      { status: 403 },
    )
  })
})

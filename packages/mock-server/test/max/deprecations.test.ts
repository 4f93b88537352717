// Port of UPCnet/max max/tests/test_deprecations.py (MAX 5.3.27): each `it` is the MAX test function of the
// same name, run over plain HTTP against the mock server.
import { describe, it } from 'vitest'
import {
  assertEqual,
  assertIn,
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

describe('test_deprecations', () => {
  const { app, base } = useMaxTestApp({})

  // test_deprecations.py DeprecationTests.test_deprecated_request_create_user
  it('test_deprecated_request_create_user', async () => {
    const res: any = await app.post(
      '/people/sheldon',
      JSON.stringify({ displayName: 'Sheldon' }),
      oauth2Header(test_manager),
      { status: 201 },
    )
    // MAX serves it as "/people": that rewrite is internal to the server; the answer shows its effect.
    assertEqual(res.json.username, 'sheldon')
    assertEqual(res.json.displayName, 'Sheldon')
  })

  // test_deprecations.py DeprecationTests.test_deprecated_subscribe_user
  it('test_deprecated_subscribe_user', async () => {
    const { create_context, subscribe_context } = mockers()
    const username: any = 'sheldon'
    await base.create_user(username)
    let res: any = await base.create_context(create_context)
    const _context_hash: any = res.json.hash
    res = await app.post(
      `/people/${username}/subscriptions`,
      JSON.stringify(subscribe_context),
      oauth2Header(test_manager),
      { status: 201 },
    )
    // MAX serves it as `/contexts/${context_hash}/subscriptions`: that rewrite is internal to the server; the answer shows its effect.
    assertEqual(res.json.actor.username, 'sheldon')
    assertEqual(res.json.actor.objectType, 'person')
  })

  // test_deprecations.py DeprecationTests.test_deprecated_unsubscribe_user
  it('test_deprecated_unsubscribe_user', async () => {
    const { create_context, subscribe_context } = mockers()
    const username: any = 'sheldon'
    await base.create_user(username)
    let res: any = await base.create_context(create_context)
    const context_hash: any = res.json.hash
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    res = await app.delete(
      `/people/${username}/subscriptions/${context_hash}`,
      '',
      oauth2Header(test_manager),
      { status: 204 },
    )
    // MAX serves it as `/contexts/${context_hash}/subscriptions/${username}`: that rewrite is internal to the server; the answer shows its effect.
  })

  // test_deprecations.py DeprecationTests.test_deprecated_user_post_activity_to_context
  it('test_deprecated_user_post_activity_to_context', async () => {
    const { create_context, subscribe_context } = mockers()
    const { user_status_context: activity } = mockers()
    const username: any = 'sheldon'
    await base.create_user(username)
    let res: any = await base.create_context(create_context)
    const _context_hash: any = res.json.hash
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    res = await app.post(`/people/${username}/activities`, JSON.stringify(activity), oauth2Header(username), {
      status: 201,
    })
    // MAX serves it as `/contexts/${context_hash}/activities`: that rewrite is internal to the server; the answer shows its effect.
    assertEqual(res.json.actor.username, 'sheldon')
    assertEqual(res.json.actor.objectType, 'person')
    assertIn('object', res.json)
  })

  // test_deprecations.py DeprecationTests.test_deprecated_user_post_activity_to_context_without_context
  it('test_deprecated_user_post_activity_to_context_without_context', async () => {
    const { create_context, subscribe_context } = mockers()
    const { user_status: activity } = mockers()
    const username: any = 'sheldon'
    await base.create_user(username)
    let res: any = await base.create_context(create_context)
    const _context_hash: any = res.json.hash
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    res = await app.post('/people/sheldon/activities', JSON.stringify(activity), oauth2Header(username), {
      status: 201,
    })
    // MAX serves it as `/people/sheldon/activities`: that rewrite is internal to the server; the answer shows its effect.
    assertNotIn('contexts', res.json)
  })

  // test_deprecations.py DeprecationTests.test_deprecated_join_conversation
  it('test_deprecated_join_conversation', async () => {
    const { group_message: message } = mockers()
    const sender: any = 'messi'
    const recipient: any = 'xavi'
    const recipient2: any = 'shakira'
    const recipient3: any = 'melendi'
    await base.create_user(sender)
    await base.create_user(recipient)
    await base.create_user(recipient2)
    await base.create_user(recipient3)
    let res: any = await app.post('/conversations', JSON.stringify(message), oauth2Header(sender), {
      status: 201,
    })
    const cid: any = String(res.json.contexts[0].id)
    res = await app.post(`/people/${recipient3}/conversations/${cid}`, '', oauth2Header(test_manager), {
      status: 201,
    })
    // MAX serves it as `/conversations/${cid}/participants`: that rewrite is internal to the server; the answer shows its effect.
    assertEqual(res.json.actor.username, recipient3)
    assertEqual(res.json.actor.objectType, 'person')
  })

  // test_deprecations.py DeprecationTests.test_deprecated_leave_conversation
  it('test_deprecated_leave_conversation', async () => {
    const { group_message: message } = mockers()
    const sender: any = 'messi'
    const recipient: any = 'xavi'
    const recipient2: any = 'shakira'
    await base.create_user(sender)
    await base.create_user(recipient)
    await base.create_user(recipient2)
    let res: any = await app.post('/conversations', JSON.stringify(message), oauth2Header(sender), {
      status: 201,
    })
    const cid: any = String(res.json.contexts[0].id)
    res = await app.delete(`/people/${recipient2}/conversations/${cid}`, '', oauth2Header(test_manager), {
      status: 204,
    })
    // MAX serves it as `/conversations/${cid}/participants/${recipient2}`: that rewrite is internal to the server; the answer shows its effect.
  })

  // test_deprecations.py DeprecationTests.test_deprecated_add_token
  it('test_deprecated_add_token', async () => {
    const username: any = 'sheldon'
    await base.create_user(username)
    const token: any = '000000000000000000'
    const platform: any = 'ios'
    const res: any = await app.post(
      `/people/${username}/device/${platform}/${token}`,
      '',
      oauth2Header(username),
      { status: 201 },
    )
    // MAX serves it as "/tokens": that rewrite is internal to the server; the answer shows its effect.
    assertEqual(res.json.username, username)
    assertEqual(res.json.objectType, 'person')
  })

  // test_deprecations.py DeprecationTests.test_deprecated_delete_token
  it('test_deprecated_delete_token', async () => {
    const username: any = 'sheldon'
    await base.create_user(username)
    const token: any = '000000000000000000'
    const platform: any = 'ios'
    await app.post(`/people/${username}/device/${platform}/${token}`, '', oauth2Header(username), {
      status: 201,
    })
    const _res: any = await app.delete(
      `/people/${username}/device/${platform}/${token}`,
      '',
      oauth2Header(username),
      { status: 204 },
    )
    // MAX serves it as `/tokens/${token}`: that rewrite is internal to the server; the answer shows its effect.
  })

  // test_deprecations.py DeprecationTests.test_deprecated_sortBy_parameter
  it('test_deprecated_sortBy_parameter', async () => {
    const { user_status, user_comment } = mockers()
    const username: any = 'messi'
    await base.create_user(username)
    const activity_ids: any = []
    for (const i of iter(range(7))) {
      activity_ids.push(
        (await base.create_activity(username, user_status, undefined, undefined, String(i))).json.id,
      )
    }
    let res: any = await app.post(
      `/activities/${String(activity_ids[0])}/comments`,
      JSON.stringify(user_comment),
      oauth2Header(username),
      { status: 201 },
    )
    res = await app.get(`/people/${username}/timeline?sortBy=comments&limit=5`, '', oauth2Header(username), {
      status: 200,
    })
    assertEqual(len(res.json), 5)
    assertEqual(get(res.json[0], 'id', null), activity_ids[0])
    assertEqual(get(res.json[1], 'id', null), activity_ids[6])
    assertEqual(get(res.json[2], 'id', null), activity_ids[5])
    assertEqual(get(res.json[3], 'id', null), activity_ids[4])
    assertEqual(get(res.json[4], 'id', null), activity_ids[3])
    res = await app.get(
      `/people/${username}/timeline?sortBy=comments&limit=5&before=${activity_ids[3]}`,
      '',
      oauth2Header(username),
      { status: 200 },
    )
    assertEqual(len(res.json), 2)
    assertEqual(get(res.json[0], 'id', null), activity_ids[2])
    assertEqual(get(res.json[1], 'id', null), activity_ids[1])
  })
})

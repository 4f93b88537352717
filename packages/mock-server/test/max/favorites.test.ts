// Port of UPCnet/max max/tests/test_favorites.py (MAX 5.3.27): each `it` is the MAX test function of the
// same name, run over plain HTTP against the mock server.
import { describe, it } from 'vitest'
import { assertEqual, mockers, oauth2Header, useMaxTestApp } from './max-test-app.js'

describe('test_favorites', () => {
  const { app, base } = useMaxTestApp({})

  // test_favorites.py FunctionalTests.test_favorite_activity
  it('test_favorite_activity', async () => {
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
    const activity_id: any = res.json.id
    res = await app.post(`/activities/${activity_id}/favorites`, '', oauth2Header(username_not_me), {
      status: 201,
    })
    const activity: any = await app.get(`/activities/${activity_id}`, '', oauth2Header(username), {
      status: 200,
    })
    assertEqual(res.json.object.favorites[0].username, username_not_me)
    assertEqual(res.json.object.favorited, true)
    assertEqual(res.json.object.favoritesCount, 1)
    assertEqual(activity.json.favorites[0].username, username_not_me)
    assertEqual(activity.json.favorited, false)
    assertEqual(activity.json.favoritesCount, 1)
  })

  // test_favorites.py FunctionalTests.test_favorite_already_favorited_activity
  it('test_favorite_already_favorited_activity', async () => {
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
    const activity_id: any = res.json.id
    res = await app.post(`/activities/${activity_id}/favorites`, '', oauth2Header(username_not_me), {
      status: 201,
    })
    res = await app.post(`/activities/${activity_id}/favorites`, '', oauth2Header(username_not_me), {
      status: 200,
    })
    assertEqual(res.json.object.favorites[0].username, username_not_me)
    assertEqual(res.json.object.favorited, true)
    assertEqual(res.json.object.favoritesCount, 1)
  })

  // test_favorites.py FunctionalTests.test_unfavorite_activity
  it('test_unfavorite_activity', async () => {
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
    const activity_id: any = res.json.id
    res = await app.post(`/activities/${activity_id}/favorites`, '', oauth2Header(username_not_me), {
      status: 201,
    })
    res = await app.delete(
      `/activities/${activity_id}/favorites/${username_not_me}`,
      '',
      oauth2Header(username_not_me),
      { status: 200 },
    )
    const activity: any = await app.get(`/activities/${activity_id}`, '', oauth2Header(username), {
      status: 200,
    })
    assertEqual(res.json.object.favorites, [])
    assertEqual(res.json.object.favorited, false)
    assertEqual(res.json.object.favoritesCount, 0)
    assertEqual(activity.json.favorites, [])
    assertEqual(activity.json.favorited, false)
    assertEqual(activity.json.favoritesCount, 0)
  })

  // test_favorites.py FunctionalTests.test_favorite_activity_by_various
  it('test_favorite_activity_by_various', async () => {
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
    const activity_id: any = res.json.id
    res = await app.post(`/activities/${activity_id}/favorites`, '', oauth2Header(username_not_me), {
      status: 201,
    })
    res = await app.post(`/activities/${activity_id}/favorites`, '', oauth2Header(username), { status: 201 })
    assertEqual(res.json.object.favorites[0].username, username_not_me)
    assertEqual(res.json.object.favorites[1].username, username)
    assertEqual(res.json.object.favorited, true)
    assertEqual(res.json.object.favoritesCount, 2)
  })

  // test_favorites.py FunctionalTests.test_unfavorite_activity_get_other_favorites
  it('test_unfavorite_activity_get_other_favorites', async () => {
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
    const activity_id: any = res.json.id
    res = await app.post(`/activities/${activity_id}/favorites`, '', oauth2Header(username_not_me), {
      status: 201,
    })
    res = await app.post(`/activities/${activity_id}/favorites`, '', oauth2Header(username), { status: 201 })
    res = await app.delete(
      `/activities/${activity_id}/favorites/${username_not_me}`,
      '',
      oauth2Header(username_not_me),
      { status: 200 },
    )
    assertEqual(res.json.object.favorites[0].username, username)
    assertEqual(res.json.object.favorited, false)
    assertEqual(res.json.object.favoritesCount, 1)
  })
})

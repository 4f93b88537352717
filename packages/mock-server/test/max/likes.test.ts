// Port of UPCnet/max max/tests/test_likes.py (MAX 5.3.27): each `it` is the MAX test function of the
// same name, run over plain HTTP against the mock server.
import { describe, it } from 'vitest'
import {
  advanceClock,
  assertEqual,
  iter,
  len,
  mockers,
  oauth2Header,
  range,
  useMaxTestApp,
} from './max-test-app.js'

describe('test_likes', () => {
  const { app, base } = useMaxTestApp({})

  // test_likes.py FunctionalTests.test_like_activity
  it('test_like_activity', async () => {
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
    res = await app.post(`/activities/${activity_id}/likes`, '', oauth2Header(username_not_me), {
      status: 201,
    })
    const activity: any = await app.get(`/activities/${activity_id}`, '', oauth2Header(username), {
      status: 200,
    })
    assertEqual(res.json.object.likes[0].username, username_not_me)
    assertEqual(res.json.object.liked, true)
    assertEqual(res.json.object.likesCount, 1)
    assertEqual(activity.json.likes[0].username, username_not_me)
    assertEqual(activity.json.liked, false)
    assertEqual(activity.json.likesCount, 1)
  })

  // test_likes.py FunctionalTests.test_like_already_liked_activity
  it('test_like_already_liked_activity', async () => {
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
    res = await app.post(`/activities/${activity_id}/likes`, '', oauth2Header(username_not_me), {
      status: 201,
    })
    res = await app.post(`/activities/${activity_id}/likes`, '', oauth2Header(username_not_me), {
      status: 200,
    })
    assertEqual(res.json.object.likes[0].username, username_not_me)
    assertEqual(res.json.object.liked, true)
    assertEqual(res.json.object.likesCount, 1)
  })

  // test_likes.py FunctionalTests.test_unlike_activity
  it('test_unlike_activity', async () => {
    const { user_status_context } = mockers()
    const { subscribe_context, create_context } = mockers()
    const username: any = 'messi'
    const username_not_me: any = 'xavi'
    await base.create_user(username)
    await base.create_user(username_not_me)
    await base.create_context(create_context)
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    await base.admin_subscribe_user_to_context(username_not_me, subscribe_context)
    const res: any = await base.create_activity(username, user_status_context)
    const activity_id: any = res.json.id
    await app.post(`/activities/${activity_id}/likes`, '', oauth2Header(username_not_me), { status: 201 })
    await app.delete(
      `/activities/${activity_id}/likes/${username_not_me}`,
      '',
      oauth2Header(username_not_me),
      { status: 204 },
    )
    const activity: any = await app.get(`/activities/${activity_id}`, '', oauth2Header(username), {
      status: 200,
    })
    assertEqual(activity.json.likes, [])
    assertEqual(activity.json.liked, false)
    assertEqual(activity.json.likesCount, 0)
  })

  // test_likes.py FunctionalTests.test_like_activity_by_various
  it('test_like_activity_by_various', async () => {
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
    res = await app.post(`/activities/${activity_id}/likes`, '', oauth2Header(username_not_me), {
      status: 201,
    })
    res = await app.post(`/activities/${activity_id}/likes`, '', oauth2Header(username), { status: 201 })
    assertEqual(res.json.object.likes[0].username, username_not_me)
    assertEqual(res.json.object.likes[1].username, username)
    assertEqual(res.json.object.liked, true)
    assertEqual(res.json.object.likesCount, 2)
  })

  // test_likes.py FunctionalTests.test_unlike_activity_get_other_likes
  it('test_unlike_activity_get_other_likes', async () => {
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
    res = await app.post(`/activities/${activity_id}/likes`, '', oauth2Header(username_not_me), {
      status: 201,
    })
    res = await app.post(`/activities/${activity_id}/likes`, '', oauth2Header(username), { status: 201 })
    res = await app.delete(
      `/activities/${activity_id}/likes/${username_not_me}`,
      '',
      oauth2Header(username_not_me),
      { status: 204 },
    )
    const activity: any = await app.get(`/activities/${activity_id}`, '', oauth2Header(username), {
      status: 200,
    })
    assertEqual(activity.json.likes[0].username, username)
    assertEqual(activity.json.liked, true)
    assertEqual(activity.json.likesCount, 1)
  })

  // test_likes.py FunctionalTests.test_likes_sorting_1
  it('test_likes_sorting_1', async () => {
    const { user_status_context } = mockers()
    const { subscribe_context, create_context } = mockers()
    const page_size: any = 3
    const activities: any = []
    await base.create_context(create_context)
    for (const i of iter(range(1, 7))) {
      const username: any = `user${i}`
      await base.create_user(username)
      await base.admin_subscribe_user_to_context(username, subscribe_context)
      const res: any = await base.create_activity(username, user_status_context)
      activities.push(res.json.id)
    }
    const firstpage: any = await app.get(
      `/people/${'user1'}/timeline?limit=${page_size}&sort=likes`,
      '',
      oauth2Header('user1'),
      { status: 200 },
    )
    assertEqual(len(firstpage.json), 3)
    assertEqual(firstpage.json[0].likesCount, 0)
    assertEqual(firstpage.json[0].id, activities[5])
    assertEqual(firstpage.json[1].likesCount, 0)
    assertEqual(firstpage.json[1].id, activities[4])
    assertEqual(firstpage.json[2].likesCount, 0)
    assertEqual(firstpage.json[2].id, activities[3])
    const secondpage: any = await app.get(
      `/people/${'user1'}/timeline?sort=likes&limit=${page_size}&before=${activities[3]}`,
      '',
      oauth2Header('user1'),
      { status: 200 },
    )
    assertEqual(len(secondpage.json), 3)
    assertEqual(secondpage.json[0].likesCount, 0)
    assertEqual(secondpage.json[0].id, activities[2])
    assertEqual(secondpage.json[1].likesCount, 0)
    assertEqual(secondpage.json[1].id, activities[1])
    assertEqual(secondpage.json[2].likesCount, 0)
    assertEqual(secondpage.json[2].id, activities[0])
  })

  // test_likes.py FunctionalTests.test_likes_sorting_2
  it('test_likes_sorting_2', async () => {
    const { user_status_context } = mockers()
    const { subscribe_context, create_context } = mockers()
    const page_size: any = 3
    const activities: any = []
    await base.create_context(create_context)
    // Python keeps the loop variable after the loop: the likes below are all by the last user.
    let username: any
    for (const i of iter(range(1, 7))) {
      username = `user${i}`
      await base.create_user(username)
      await base.admin_subscribe_user_to_context(username, subscribe_context)
      const res: any = await base.create_activity(username, user_status_context)
      activities.push(res.json.id)
    }
    await base.like_activity(username, activities[0])
    await base.like_activity(username, activities[3])
    await base.like_activity(username, activities[1])
    await base.like_activity(username, activities[5])
    await base.like_activity(username, activities[4])
    await base.like_activity(username, activities[2])
    const firstpage: any = await app.get(
      `/people/${'user1'}/timeline?limit=${page_size}&sort=likes`,
      '',
      oauth2Header('user1'),
      { status: 200 },
    )
    assertEqual(len(firstpage.json), 3)
    assertEqual(firstpage.json[0].likesCount, 1)
    assertEqual(firstpage.json[0].id, activities[2])
    assertEqual(firstpage.json[1].likesCount, 1)
    assertEqual(firstpage.json[1].id, activities[4])
    assertEqual(firstpage.json[2].likesCount, 1)
    assertEqual(firstpage.json[2].id, activities[5])
    const secondpage: any = await app.get(
      `/people/${'user1'}/timeline?sort=likes&limit=${page_size}&before=${activities[5]}`,
      '',
      oauth2Header('user1'),
      { status: 200 },
    )
    assertEqual(len(secondpage.json), 3)
    assertEqual(secondpage.json[0].likesCount, 1)
    assertEqual(secondpage.json[0].id, activities[1])
    assertEqual(secondpage.json[1].likesCount, 1)
    assertEqual(secondpage.json[1].id, activities[3])
    assertEqual(secondpage.json[2].likesCount, 1)
    assertEqual(secondpage.json[2].id, activities[0])
  })

  // test_likes.py FunctionalTests.test_timeline_by_likes_paginated_same_likes_span
  it('test_timeline_by_likes_paginated_same_likes_span', async () => {
    const { user_status_context } = mockers()
    const { subscribe_context, create_context } = mockers()
    const activities: any = []
    await base.create_context(create_context)
    for (const i of iter(range(1, 11))) {
      const username: any = `user${i}`
      await base.create_user(username)
      await base.admin_subscribe_user_to_context(username, subscribe_context)
      const res: any = await base.create_activity(username, user_status_context)
      activities.push(res.json.id)
    }
    await base.like_activity('user1', activities[0])
    await base.like_activity('user2', activities[0])
    await base.like_activity('user3', activities[0])
    await base.like_activity('user4', activities[0])
    await base.like_activity('user5', activities[0])
    await base.like_activity('user1', activities[1])
    await base.like_activity('user2', activities[1])
    await base.like_activity('user3', activities[1])
    await base.like_activity('user4', activities[1])
    advanceClock(1)
    await base.like_activity('user1', activities[2])
    await base.like_activity('user2', activities[2])
    await base.like_activity('user3', activities[2])
    advanceClock(1)
    await base.like_activity('user1', activities[3])
    await base.like_activity('user2', activities[3])
    await base.like_activity('user3', activities[3])
    advanceClock(1)
    await base.like_activity('user1', activities[4])
    await base.like_activity('user2', activities[4])
    await base.like_activity('user3', activities[4])
    advanceClock(1)
    await base.like_activity('user1', activities[5])
    await base.like_activity('user2', activities[5])
    await base.like_activity('user3', activities[5])
    advanceClock(1)
    await base.like_activity('user1', activities[6])
    await base.like_activity('user2', activities[6])
    await base.like_activity('user3', activities[6])
    await base.like_activity('user1', activities[7])
    await base.like_activity('user2', activities[7])
    await base.like_activity('user1', activities[8])
    const firstpage: any = await app.get(
      `/people/${'user1'}/timeline?sort=likes&limit=3`,
      '',
      oauth2Header('user1'),
      { status: 200 },
    )
    assertEqual(len(firstpage.json), 3)
    assertEqual(firstpage.json[0].likesCount, 5)
    assertEqual(firstpage.json[0].id, activities[0])
    assertEqual(firstpage.json[1].likesCount, 4)
    assertEqual(firstpage.json[1].id, activities[1])
    assertEqual(firstpage.json[2].likesCount, 3)
    assertEqual(firstpage.json[2].id, activities[6])
    const secondpage: any = await app.get(
      `/people/${'user1'}/timeline?sort=likes&limit=3&before=${activities[6]}`,
      '',
      oauth2Header('user1'),
      { status: 200 },
    )
    assertEqual(len(secondpage.json), 3)
    assertEqual(secondpage.json[0].likesCount, 3)
    assertEqual(secondpage.json[0].id, activities[5])
    assertEqual(secondpage.json[1].likesCount, 3)
    assertEqual(secondpage.json[1].id, activities[4])
    assertEqual(secondpage.json[2].likesCount, 3)
    assertEqual(secondpage.json[2].id, activities[3])
    const thirdpage: any = await app.get(
      `/people/${'user1'}/timeline?sort=likes&limit=3&before=${activities[3]}`,
      '',
      oauth2Header('user1'),
      { status: 200 },
    )
    assertEqual(len(thirdpage.json), 3)
    assertEqual(thirdpage.json[0].likesCount, 3)
    assertEqual(thirdpage.json[0].id, activities[2])
    assertEqual(thirdpage.json[1].likesCount, 2)
    assertEqual(thirdpage.json[1].id, activities[7])
    assertEqual(thirdpage.json[2].likesCount, 1)
    assertEqual(thirdpage.json[2].id, activities[8])
    const fourthpage: any = await app.get(
      `/people/${'user1'}/timeline?sort=likes&limit=3&before=${activities[8]}`,
      '',
      oauth2Header('user1'),
      { status: 200 },
    )
    assertEqual(len(fourthpage.json), 1)
    assertEqual(fourthpage.json[0].likesCount, 0)
    assertEqual(fourthpage.json[0].id, activities[9])
  })
})

// Port of UPCnet/max max/tests/test_people.py (MAX 5.3.27): each `it` is the MAX test function of the
// same name, run over plain HTTP against the mock server.
import { describe, it } from 'vitest'
import {
  assertEqual,
  assertGreater,
  assertIn,
  get,
  keys,
  len,
  oauth2Header,
  test_manager,
  useMaxTestApp,
} from './max-test-app.js'

describe('test_people', () => {
  const { app, base } = useMaxTestApp({ createManager: false })

  // test_people.py FunctionalTests.test_create_user
  it('test_create_user', async () => {
    const username: any = 'messi'
    await app.post(`/people/${username}`, '', oauth2Header(test_manager), { status: 201 })
  })

  // test_people.py FunctionalTests.test_create_user_missing_username
  it('test_create_user_missing_username', async () => {
    await app.post('/people', JSON.stringify({}), oauth2Header(test_manager), { status: 400 })
  })

  // test_people.py FunctionalTests.test_create_user_creator_is_admin
  it('test_create_user_creator_is_admin', async () => {
    const username: any = 'messi'
    const res: any = await app.post(`/people/${username}`, '', oauth2Header(test_manager), { status: 201 })
    assertEqual(res.json.creator, test_manager)
  })

  // test_people.py FunctionalTests.test_create_user_default_fields
  it('test_create_user_default_fields', async () => {
    const username: any = 'messi'
    const res: any = await app.post(`/people/${username}`, '', oauth2Header(test_manager), { status: 201 })
    assertIn('objectType', res.json)
    assertIn('following', res.json)
    assertIn('subscribedTo', res.json)
    assertEqual(res.json.objectType, 'person')
  })

  // test_people.py FunctionalTests.test_create_user_not_manager
  it('test_create_user_not_manager', async () => {
    const username: any = 'messi'
    await app.post(`/people/${username}`, '', oauth2Header('imnotallowed'), { status: 403 })
  })

  // test_people.py FunctionalTests.test_user_exist
  it('test_user_exist', async () => {
    const username: any = 'messi'
    await base.create_user(username)
    const res: any = await app.post(`/people/${username}`, '', oauth2Header(test_manager), { status: 200 })
    const result: any = JSON.parse(res.text)
    assertEqual(get(result, 'username', null), 'messi')
  })

  // test_people.py FunctionalTests.test_create_same_user_case_insensitive
  it('test_create_same_user_case_insensitive', async () => {
    const username: any = 'messi'
    const username_case: any = 'Messi'
    await base.create_user(username)
    const res: any = await app.post(`/people/${username_case}`, '', oauth2Header(test_manager), {
      status: 200,
    })
    const result: any = JSON.parse(res.text)
    assertEqual(get(result, 'username', null), 'messi')
  })

  // test_people.py FunctionalTests.test_get_user
  it('test_get_user', async () => {
    const username: any = 'messi'
    await base.create_user(username)
    const res: any = await app.get(`/people/${username}`, '', oauth2Header(username), { status: 200 })
    const result: any = JSON.parse(res.text)
    assertEqual(get(result, 'username', null), 'messi')
    assertIn('username', result)
    assertIn('displayName', result)
    assertIn('objectType', result)
    assertGreater(len(keys(result)), 3)
  })

  // test_people.py FunctionalTests.test_get_user_as_someone_else
  it('test_get_user_as_someone_else', async () => {
    const username: any = 'messi'
    const usernamenotme: any = 'xavi'
    await base.create_user(username)
    await base.create_user(usernamenotme)
    const res: any = await app.get(`/people/${username}`, '', oauth2Header(usernamenotme), { status: 200 })
    const result: any = JSON.parse(res.text)
    assertEqual(get(result, 'username', null), 'messi')
    assertIn('username', result)
    assertIn('displayName', result)
    assertIn('objectType', result)
    assertIn('published', result)
    assertEqual(len(keys(result)), 4)
  })

  // test_people.py FunctionalTests.test_get_user_case_insensitive
  it('test_get_user_case_insensitive', async () => {
    const username: any = 'messi'
    await base.create_user(username)
    const res: any = await app.get(`/people/${'MESSI'}`, '', oauth2Header(username))
    const result: any = JSON.parse(res.text)
    assertEqual(get(result, 'username', null), 'messi')
  })

  // test_people.py FunctionalTests.test_get_users_by_query_on_username
  it('test_get_users_by_query_on_username', async () => {
    const username: any = 'messi'
    await base.create_user(username)
    const res: any = await app.get(
      '/people',
      JSON.stringify({ username: username }),
      oauth2Header(username),
      {
        status: 200,
      },
    )
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 1)
    assertEqual(get(result[0], 'username', ''), username)
    assertEqual(len(keys(result[0])), 4)
  })

  // test_people.py FunctionalTests.test_get_users_by_query_on_displayName
  it('test_get_users_by_query_on_displayName', async () => {
    const username: any = 'messi'
    await base.create_user(username, undefined, undefined, undefined, { displayName: 'Lionel Messi' })
    const res: any = await app.get(
      '/people',
      JSON.stringify({ username: 'lionel' }),
      oauth2Header(username),
      {
        status: 200,
      },
    )
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 1)
    assertEqual(get(result[0], 'username', ''), username)
    assertEqual(len(keys(result[0])), 4)
  })

  // test_people.py FunctionalTests.test_get_non_existent_user
  it('test_get_non_existent_user', async () => {
    const username: any = 'messi'
    const res: any = await app.get(`/people/${username}`, '', oauth2Header(username), { status: 400 })
    const result: any = JSON.parse(res.text)
    assertEqual(get(result, 'error', null), 'UnknownUserError')
  })

  // test_people.py FunctionalTests.test_modify_user_one_parameter
  it('test_modify_user_one_parameter', async () => {
    const username: any = 'messi'
    await base.create_user(username)
    const res: any = await app.put(
      `/people/${username}`,
      JSON.stringify({ displayName: 'Lionel Messi' }),
      oauth2Header(username),
    )
    const result: any = JSON.parse(res.text)
    assertEqual(get(result, 'displayName', null), 'Lionel Messi')
  })

  // test_people.py FunctionalTests.test_modify_user_several_parameters
  it('test_modify_user_several_parameters', async () => {
    const username: any = 'messi'
    await base.create_user(username)
    const res: any = await app.put(
      `/people/${username}`,
      JSON.stringify({ displayName: 'Lionel Messi', twitterUsername: 'leomessi' }),
      oauth2Header(username),
    )
    const result: any = JSON.parse(res.text)
    assertEqual(get(result, 'displayName', null), 'Lionel Messi')
    assertEqual(get(result, 'twitterUsername', null), 'leomessi')
  })

  // test_people.py FunctionalTests.test_modify_user_several_parameters_twice
  it('test_modify_user_several_parameters_twice', async () => {
    const username: any = 'messi'
    await base.create_user(username)
    await base.modify_user(username, { displayName: 'Lionel Messi' })
    const res: any = await app.put(
      `/people/${username}`,
      JSON.stringify({ twitterUsername: 'leomessi' }),
      oauth2Header(username),
    )
    const result: any = JSON.parse(res.text)
    assertEqual(get(result, 'displayName', null), 'Lionel Messi')
    assertEqual(get(result, 'twitterUsername', null), 'leomessi')
  })

  // test_people.py FunctionalTests.test_modify_non_existent_user
  it('test_modify_non_existent_user', async () => {
    const username: any = 'messi'
    const res: any = await app.put(
      `/people/${username}`,
      JSON.stringify({ displayName: 'Lionel Messi' }),
      oauth2Header(username),
      { status: 400 },
    )
    const result: any = JSON.parse(res.text)
    assertEqual(get(result, 'error', null), 'UnknownUserError')
  })

  // test_people.py FunctionalTests.test_get_all_users_with_regex
  it('test_get_all_users_with_regex', async () => {
    const username: any = 'usuarimoltllarg'
    await base.create_user(username)
    let query: any = { username: 'usuarimoltll' }
    let res: any = await app.get('/people', query, oauth2Header(username), { status: 200 })
    let result: any = JSON.parse(res.text)
    assertEqual(get(result[0], 'username', ''), username)
    query = { username: 'usuarimo' }
    res = await app.get('/people', query, oauth2Header(username), { status: 200 })
    result = JSON.parse(res.text)
    assertEqual(get(result[0], 'username', ''), username)
  })

  // test_people.py FunctionalTests.test_search_users_filter_username_full
  it('test_search_users_filter_username_full', async () => {
    const username: any = 'sheldon.cooper'
    await base.create_user(username, undefined, undefined, undefined, { displayName: 'Sheldon Cooper Coupé' })
    const query: any = { username: 'sheldon.cooper' }
    const res: any = await app.get('/people', query, oauth2Header(username), { status: 200 })
    const result: any = JSON.parse(res.text)
    assertEqual(get(result[0], 'username', ''), username)
  })

  // test_people.py FunctionalTests.test_search_users_filter_username_starting
  it('test_search_users_filter_username_starting', async () => {
    const username: any = 'sheldon.cooper'
    await base.create_user(username, undefined, undefined, undefined, { displayName: 'Sheldon Cooper Coupé' })
    const query: any = { username: 'sheldon' }
    const res: any = await app.get('/people', query, oauth2Header(username), { status: 200 })
    const result: any = JSON.parse(res.text)
    assertEqual(get(result[0], 'username', ''), username)
  })

  // test_people.py FunctionalTests.test_search_users_filter_username_ending
  it('test_search_users_filter_username_ending', async () => {
    const username: any = 'sheldon.cooper'
    await base.create_user(username, undefined, undefined, undefined, { displayName: 'Sheldon Cooper Coupé' })
    const query: any = { username: 'cooper' }
    const res: any = await app.get('/people', query, oauth2Header(username), { status: 200 })
    const result: any = JSON.parse(res.text)
    assertEqual(get(result[0], 'username', ''), username)
  })

  // test_people.py FunctionalTests.test_search_users_filter_username_partial
  it('test_search_users_filter_username_partial', async () => {
    const username: any = 'sheldon.cooper'
    await base.create_user(username, undefined, undefined, undefined, { displayName: 'Sheldon Cooper Coupé' })
    const query: any = { username: 'don.coop' }
    const res: any = await app.get('/people', query, oauth2Header(username), { status: 200 })
    const result: any = JSON.parse(res.text)
    assertEqual(get(result[0], 'username', ''), username)
  })

  // test_people.py FunctionalTests.test_search_users_filter_displayName_with_case
  it('test_search_users_filter_displayName_with_case', async () => {
    const username: any = 'sheldon.cooper'
    await base.create_user(username, undefined, undefined, undefined, { displayName: 'Sheldon Cooper Coupé' })
    const query: any = { username: 'Cooper' }
    const res: any = await app.get('/people', query, oauth2Header(username), { status: 200 })
    const result: any = JSON.parse(res.text)
    assertEqual(get(result[0], 'username', ''), username)
  })

  // test_people.py FunctionalTests.test_search_users_filter_displayName_accented
  it('test_search_users_filter_displayName_accented', async () => {
    const username: any = 'sheldon.cooper'
    await base.create_user(username, undefined, undefined, undefined, { displayName: 'Sheldon Cooper Coupé' })
    const query: any = { username: 'Coupé' }
    const res: any = await app.get('/people', query, oauth2Header(username), { status: 200 })
    const result: any = JSON.parse(res.text)
    assertEqual(get(result[0], 'username', ''), username)
  })

  // test_people.py FunctionalTests.test_search_users_filter_displayName_non_accented
  it('test_search_users_filter_displayName_non_accented', async () => {
    const username: any = 'sheldon.cooper'
    await base.create_user(username, undefined, undefined, undefined, { displayName: 'Sheldon Cooper Coupé' })
    const query: any = { username: 'Coupe' }
    const res: any = await app.get('/people', query, oauth2Header(username), { status: 200 })
    const result: any = JSON.parse(res.text)
    assertEqual(len(result), 0)
  })

  // test_people.py FunctionalTests.test_get_all_users_with_regex_weird
  it('test_get_all_users_with_regex_weird', async () => {
    const username1: any = 'victor.fernandez'
    await base.create_user(username1)
    const username2: any = 'victor.fernandez.altable'
    await base.create_user(username2)
    let query: any = { username: username1 }
    let res: any = await app.get('/people', query, oauth2Header(username1), { status: 200 })
    let result: any = JSON.parse(res.text)
    assertEqual(len(result), 2)
    query = { username: username2 }
    res = await app.get('/people', query, oauth2Header(username2), { status: 200 })
    result = JSON.parse(res.text)
    assertEqual(len(result), 1)
  })

  // test_people.py FunctionalTests.test_create_own_user
  it('test_create_own_user', async () => {
    const username: any = 'messi'
    await app.post(`/people/${username}`, '', oauth2Header(username), { status: 201 })
  })
})

// Port of UPCnet/max max/tests/test_security.py (MAX 5.3.27): each `it` is the MAX test function of the
// same name, run over plain HTTP against the mock server.
import { describe, it } from 'vitest'
import {
  assertEqual,
  assertItemsEqual,
  assertListEqual,
  get,
  oauth2Header,
  test_manager,
  useMaxTestApp,
} from './max-test-app.js'

describe('test_security', () => {
  const { app, base } = useMaxTestApp({ managers: [test_manager] })

  // test_security.py FunctionalTests.test_get_security
  it('test_get_security', async () => {
    const res: any = await app.get('/admin/security', '', oauth2Header(test_manager), { status: 200 })
    const result: any = JSON.parse(res.text)
    assertEqual(get(get(result, 'roles', null), 'Manager', null)[0], 'test_manager')
  })

  // test_security.py FunctionalTests.test_security_add_user_to_role
  it('test_security_add_user_to_role', async () => {
    const username: any = 'messi'
    await base.create_user(username)
    const res: any = await app.post(
      `/admin/security/roles/${'Manager'}/users/${username}`,
      '',
      oauth2Header(test_manager),
      { status: 201 },
    )
    assertItemsEqual(['messi', 'test_manager'], res.json)
  })

  // test_security.py FunctionalTests.test_security_add_user_to_non_allowed_role
  it('test_security_add_user_to_non_allowed_role', async () => {
    const username: any = 'messi'
    await base.create_user(username)
    await app.post(`/admin/security/roles/${'WrongRole'}/users/${username}`, '', oauth2Header(test_manager), {
      status: 400,
    })
  })

  // test_security.py FunctionalTests.test_security_remove_user_from_non_allowed_role
  it('test_security_remove_user_from_non_allowed_role', async () => {
    const username: any = 'messi'
    await base.create_user(username)
    await app.delete(
      `/admin/security/roles/${'WrongRole'}/users/${username}`,
      '',
      oauth2Header(test_manager),
      { status: 400 },
    )
  })

  // test_security.py FunctionalTests.test_security_add_user_to_role_already_has_role
  it('test_security_add_user_to_role_already_has_role', async () => {
    const res: any = await app.post(
      `/admin/security/roles/${'Manager'}/users/${'test_manager'}`,
      '',
      oauth2Header(test_manager),
      { status: 200 },
    )
    assertListEqual(['test_manager'], res.json)
  })

  // test_security.py FunctionalTests.test_security_remove_user_from_role
  it('test_security_remove_user_from_role', async () => {
    const username: any = 'messi'
    await base.create_user(username)
    await app.post(`/admin/security/roles/${'Manager'}/users/${username}`, '', oauth2Header(test_manager), {
      status: 201,
    })
    await app.delete(`/admin/security/roles/${'Manager'}/users/${username}`, '', oauth2Header(test_manager), {
      status: 204,
    })
  })

  // test_security.py FunctionalTests.test_security_remove_user_from_role_user_not_in_role
  it('test_security_remove_user_from_role_user_not_in_role', async () => {
    const username: any = 'messi'
    await base.create_user(username)
    await app.delete(`/admin/security/roles/${'Manager'}/users/${username}`, '', oauth2Header(test_manager), {
      status: 404,
    })
  })

  // test_security.py FunctionalTests.test_security_add_user_to_role_check_security_reloaded
  it('test_security_add_user_to_role_check_security_reloaded', async () => {
    const test_manager2: any = 'messi'
    await base.create_user(test_manager2)
    await app.get('/activities', '', oauth2Header(test_manager2), { status: 403 })
    await app.post(
      `/admin/security/roles/${'Manager'}/users/${test_manager2}`,
      '',
      oauth2Header(test_manager),
      { status: 201 },
    )
    await app.get('/activities', '', oauth2Header(test_manager2), { status: 200 })
  })

  // test_security.py FunctionalTests.test_security_remove_user_from_role_check_security_reloaded
  it('test_security_remove_user_from_role_check_security_reloaded', async () => {
    const test_manager2: any = 'messi'
    await base.create_user(test_manager2)
    await app.post(
      `/admin/security/roles/${'Manager'}/users/${test_manager2}`,
      '',
      oauth2Header(test_manager),
      { status: 201 },
    )
    await app.get('/activities', '', oauth2Header(test_manager2), { status: 200 })
    await app.delete(
      `/admin/security/roles/${'Manager'}/users/${test_manager2}`,
      '',
      oauth2Header(test_manager),
      { status: 204 },
    )
    await app.get('/activities', '', oauth2Header(test_manager2), { status: 403 })
  })
})

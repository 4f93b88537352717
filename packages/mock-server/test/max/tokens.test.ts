// Port of UPCnet/max max/tests/test_tokens.py (MAX 5.3.27): each `it` is the MAX test function of the
// same name, run over plain HTTP against the mock server.
import { describe, it } from 'vitest'
import { assertEqual, get, len, mockers, oauth2Header, test_manager, useMaxTestApp } from './max-test-app.js'

describe('test_tokens', () => {
  const { app, base } = useMaxTestApp({})

  // test_tokens.py FunctionalTests.test_add_device_token_ios
  it('test_add_device_token_ios', async () => {
    const username: any = 'messi'
    const token: any = { platform: 'ios', token: '12345678901234567890123456789012' }
    await base.create_user(username)
    const res: any = await app.post('/tokens', JSON.stringify(token), oauth2Header(username), { status: 201 })
    const result: any = JSON.parse(res.text)
    assertEqual(get(result, 'token', ''), token.token)
    assertEqual(get(result, 'platform', ''), token.platform)
  })

  // test_tokens.py FunctionalTests.test_add_device_token_android
  it('test_add_device_token_android', async () => {
    const username: any = 'messi'
    await base.create_user(username)
    const token: any = {
      platform: 'android',
      token: '12345678901234567890123456789012klhsdflajshdfkjashdfoq',
    }
    const res: any = await app.post('/tokens', JSON.stringify(token), oauth2Header(username), { status: 201 })
    const result: any = JSON.parse(res.text)
    assertEqual(get(result, 'token', ''), token.token)
    assertEqual(get(result, 'platform', ''), token.platform)
  })

  // test_tokens.py FunctionalTests.test_add_device_invalid_platform
  it('test_add_device_invalid_platform', async () => {
    const username: any = 'messi'
    const token: any = {
      platform: 'blackberry',
      token: '12345678901234567890123456789012klhsdflajshdfkjashdfoq',
    }
    await base.create_user(username)
    await app.post('/tokens', JSON.stringify(token), oauth2Header(username), { status: 400 })
  })

  // test_tokens.py FunctionalTests.test_delete_device_token
  it('test_delete_device_token', async () => {
    const username: any = 'messi'
    const token: any = { platform: 'ios', token: '12345678901234567890123456789012' }
    await base.create_user(username)
    await app.post('/tokens', JSON.stringify(token), oauth2Header(username), { status: 201 })
    await app.delete(`/tokens/${token.token}`, '', oauth2Header(username), { status: 204 })
  })

  // test_tokens.py FunctionalTests.test_add_duplicated_token
  it('test_add_duplicated_token', async () => {
    const sender: any = 'messi'
    const recipient: any = 'xavi'
    await base.create_user(sender)
    await base.create_user(recipient)
    const token: any = { platform: 'ios', token: '12345678901234567890123456789012' }
    await app.post('/tokens', JSON.stringify(token), oauth2Header(sender), { status: 201 })
    let sender_tokens: any = (
      await app.get(`/people/${sender}/tokens/platforms/${token.platform}`, '', oauth2Header(sender), {
        status: 200,
      })
    ).json
    assertEqual(len(sender_tokens), 1)
    await app.post('/tokens', JSON.stringify(token), oauth2Header(recipient), { status: 201 })
    sender_tokens = (
      await app.get(`/people/${sender}/tokens/platforms/${token.platform}`, '', oauth2Header(sender), {
        status: 200,
      })
    ).json
    const recipient_tokens: any = (
      await app.get(`/people/${recipient}/tokens/platforms/${token.platform}`, '', oauth2Header(recipient), {
        status: 200,
      })
    ).json
    assertEqual(len(sender_tokens), 0)
    assertEqual(len(recipient_tokens), 1)
  })

  // test_tokens.py FunctionalTests.test_get_pushtokens_for_given_conversations
  it('test_get_pushtokens_for_given_conversations', async () => {
    const { message } = mockers()
    const sender: any = 'messi'
    const recipient: any = 'xavi'
    await base.create_user(sender)
    await base.create_user(recipient)
    const platform: any = 'ios'
    const token_sender: any = '12345678901234567890123456789012'
    const token_recipient: any = '12345678901234567890123456789013'
    await app.post(`/people/${sender}/device/${platform}/${token_sender}`, '', oauth2Header(sender), {
      status: 201,
    })
    await app.post(
      `/people/${recipient}/device/${platform}/${token_recipient}`,
      '',
      oauth2Header(recipient),
      { status: 201 },
    )
    let res: any = await app.post('/conversations', JSON.stringify(message), oauth2Header(sender), {
      status: 201,
    })
    const conversation_id: any = res.json.contexts[0].id
    res = await app.get(`/conversations/${conversation_id}/tokens`, '', oauth2Header(test_manager), {
      status: 200,
    })
    assertEqual(res.json[0].platform, 'ios')
    assertEqual(res.json[0].token, '12345678901234567890123456789013')
    assertEqual(res.json[0].username, 'xavi')
    assertEqual(res.json[1].platform, 'ios')
    assertEqual(res.json[1].token, '12345678901234567890123456789012')
    assertEqual(res.json[1].username, 'messi')
    assertEqual(len(res.json), 2)
  })

  // test_tokens.py FunctionalTests.test_get_pushtokens_for_given_context
  it('test_get_pushtokens_for_given_context', async () => {
    const { create_context, subscribe_context } = mockers()
    const username: any = 'messi'
    const username2: any = 'xavi'
    await base.create_user(username)
    await base.create_user(username2)
    const platform: any = 'ios'
    const token_1: any = '12345678901234567890123456789012'
    const token_2: any = '12345678901234567890123456789013'
    await app.post(`/people/${username}/device/${platform}/${token_1}`, '', oauth2Header(username), {
      status: 201,
    })
    await app.post(`/people/${username2}/device/${platform}/${token_2}`, '', oauth2Header(username2), {
      status: 201,
    })
    const url_hash: any = (await base.create_context(create_context)).json.hash
    await base.admin_subscribe_user_to_context(username, subscribe_context)
    const res: any = await app.get(`/contexts/${url_hash}/tokens`, '', oauth2Header(test_manager), {
      status: 200,
    })
    assertEqual(res.json[0].platform, 'ios')
    assertEqual(res.json[0].token, '12345678901234567890123456789012')
    assertEqual(res.json[0].username, 'messi')
    assertEqual(len(res.json), 1)
  })
})

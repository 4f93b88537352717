import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ProfileStore } from '../../src/config.js'
import { describeError, ExitCode, usageError } from '../../src/errors.js'
import { checkServerUrl, openSession, parseTimeout, resolveTarget } from '../../src/session.js'

const store = () => new ProfileStore(mkdtempSync(join(tmpdir(), 'maxcli-session-')))
const open = (profiles: ProfileStore) => async () => profiles

describe('resolveTarget', () => {
  it('uses MAX_TOKEN with MAX_USERNAME over any stored profile', async () => {
    const profiles = store()
    profiles.save('p', { server: 'http://max', username: 'alice', token: 'stored' })
    const { target } = await resolveTarget(
      {},
      { MAX_SERVER: 'http://max', MAX_USERNAME: 'alice', MAX_TOKEN: 'env' },
      open(profiles),
    )
    expect(target).toMatchObject({
      server: 'http://max',
      username: 'alice',
      token: 'env',
      tokenSource: 'MAX_TOKEN',
    })
  })

  it('asks for a username when MAX_TOKEN comes alone', async () => {
    const { reason } = await resolveTarget({ server: 'http://max' }, { MAX_TOKEN: 't' }, open(store()))
    expect(reason).toMatch(/MAX_TOKEN is set but no username/)
  })

  it('finds the stored token by server and username, else the current profile', async () => {
    const profiles = store()
    profiles.save('a', { server: 'http://one', username: 'alice', token: 'ta' })
    profiles.save('b', { server: 'http://two', username: 'bob', token: 'tb' })
    expect((await resolveTarget({ server: 'http://one/' }, {}, open(profiles))).target).toMatchObject({
      token: 'ta',
    })
    expect((await resolveTarget({}, {}, open(profiles))).target).toMatchObject({
      server: 'http://two',
      token: 'tb',
    })
    expect((await resolveTarget({ profile: 'a' }, {}, open(profiles))).target).toMatchObject({
      username: 'alice',
    })
    await expect(resolveTarget({ profile: 'zzz' }, {}, open(profiles))).rejects.toThrow(
      /known profiles: a, b/,
    )
    // another user on a known server has no token
    expect(
      (await resolveTarget({ server: 'http://one', username: 'carol' }, {}, open(profiles))).target?.token,
    ).toBeUndefined()
  })

  it('fails with exit code 3 and the way to log in when there is no token', async () => {
    const error = await openSession({ server: 'http://max', username: 'alice' }, {}, open(store())).catch(
      (e) => e,
    )
    expect(describeError(error)).toEqual({
      code: ExitCode.auth,
      message: 'Not logged in alice on http://max: run "maxcli login" or set MAX_TOKEN and MAX_USERNAME.',
    })
  })

  it('validates URLs and timeouts', () => {
    expect(checkServerUrl('https://max.example.com/', '--server')).toBe('https://max.example.com')
    expect(() => checkServerUrl('max.example.com', '--server')).toThrow(/absolute URL/)
    expect(() => checkServerUrl('ftp://x', '--server')).toThrow(/http or https/)
    expect(parseTimeout('2.5')).toBe(2500)
    expect(() => parseTimeout('0')).toThrow(/positive number of seconds/)
  })
})

describe('describeError', () => {
  const named = (name: string, extra: Record<string, unknown> = {}) =>
    Object.assign(Object.assign(new Error('m'), { name }), extra)
  it('maps errors to the documented exit codes', () => {
    expect(describeError(usageError('x')).code).toBe(2)
    expect(describeError(named('UsageError')).code).toBe(2)
    expect(describeError(named('AuthRequiredError')).code).toBe(3)
    expect(describeError(named('BadCredentialsError')).code).toBe(3)
    expect(describeError(named('RequestError', { status: 401 })).code).toBe(3)
    expect(describeError(named('RequestError', { status: 403 })).code).toBe(1)
    expect(describeError(named('TimeoutError', { status: 0 })).code).toBe(1)
    expect(describeError('weird').code).toBe(1)
  })
})

describe('resolveTarget by username alone', () => {
  it('picks the stored login of that user when no server is given', async () => {
    const profiles = store()
    profiles.save('a', { server: 'http://one', username: 'alice', token: 'ta' })
    profiles.save('b', { server: 'http://two', username: 'bob', token: 'tb' })
    expect((await resolveTarget({ username: 'alice' }, {}, open(profiles))).target).toMatchObject({
      server: 'http://one',
      token: 'ta',
    })
  })
})

import { MaxCore } from '@maxclient/core'
import nock from 'nock'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { callEndpoint } from '../../src/call.js'
import { executeRow, type PlannedTask } from '../../src/commands/bulk.js'
import { planRow } from '../../src/operations.js'

const MAX = 'http://max.test'

function client() {
  const core = new MaxCore(MAX, { retry: false })
  core.setActor('admin')
  core.setToken('secret-token')
  return core
}

function task(values: Record<string, unknown>, unfinishedSince?: Date): PlannedTask {
  const { op, call } = planRow(values)
  const planned: PlannedTask = { line: 7, op, call, values }
  if (unfinishedSince) planned.unfinishedSince = unfinishedSince
  return planned
}

beforeAll(() => {
  nock.disableNetConnect()
})
afterEach(() => {
  expect(nock.isDone()).toBe(true)
  nock.cleanAll()
})

describe('executeRow', () => {
  it('sends a row and reports the MAX error of a failure', async () => {
    nock(MAX)
      .post('/people', { username: 'alice', displayName: 'Alice' })
      .matchHeader('x-oauth-token', 'secret-token')
      .reply(201, { username: 'alice' })
    expect(
      await executeRow(client(), task({ op: 'user.add', username: 'alice', displayName: 'Alice' })),
    ).toEqual({
      ok: true,
      status: 201,
    })
    nock(MAX)
      .post('/admin/security/roles/Manager/users/bob')
      .reply(403, { error: 'Forbidden', error_description: 'no' })
    expect(await executeRow(client(), task({ op: 'role.grant', role: 'Manager', username: 'bob' }))).toEqual({
      ok: false,
      status: 403,
      error: 'Forbidden: no',
    })
  })

  it('does not post again an activity that reached the server before the kill', async () => {
    const since = new Date('2026-01-01T10:00:00Z')
    nock(MAX)
      .get('/people/bob/activities')
      .query(true)
      .reply(200, [
        { id: '2', object: { content: 'other' }, published: '2026-01-01T10:00:05Z' },
        { id: '1', object: { content: 'hello' }, published: '2026-01-01T10:00:01Z' },
      ])
    const outcome = await executeRow(
      client(),
      task({ op: 'activity.post', username: 'bob', content: 'hello' }, since),
    )
    expect(outcome.ok).toBe(true) // and no POST was made: nock would fail on an unexpected request
  })

  it('posts an activity whose earlier attempt never arrived', async () => {
    const since = new Date('2026-01-01T10:00:00Z')
    nock(MAX)
      .get('/people/bob/activities')
      .query(true)
      .reply(200, [{ id: '0', object: { content: 'hello' }, published: '2025-12-01T00:00:00Z' }])
      .post('/people/bob/activities', { object: { objectType: 'note', content: 'hello' } })
      .reply(201, { id: '3' })
    expect(
      await executeRow(client(), task({ op: 'activity.post', username: 'bob', content: 'hello' }, since)),
    ).toEqual({
      ok: true,
      status: 201,
    })
  })

  it('counts a 404 on a re-sent delete as already applied, but not on a first attempt', async () => {
    nock(MAX)
      .delete('/people/gone')
      .twice()
      .reply(404, { error: 'ObjectNotFound', error_description: 'gone' })
    expect((await executeRow(client(), task({ op: 'user.delete', username: 'gone' }, new Date()))).ok).toBe(
      true,
    )
    expect(await executeRow(client(), task({ op: 'user.delete', username: 'gone' }))).toEqual({
      ok: false,
      status: 404,
      error: 'ObjectNotFound: gone',
    })
  })

  it('reports no answer as status 0 without the token', async () => {
    nock(MAX).post('/people').replyWithError({ code: 'ECONNRESET', message: 'socket hang up' })
    const outcome = await executeRow(client(), task({ op: 'user.add', username: 'x' }))
    expect(outcome.ok).toBe(false)
    expect(outcome.status).toBe(0)
    expect(outcome.error).not.toContain('secret-token')
  })
})

describe('callEndpoint', () => {
  it('turns a MAX 404 into an error instead of an empty result, and hashes context URLs', async () => {
    nock(MAX)
      .get('/contexts/4f2fb8bbc53a0e4b36e4bb6bd5f1b2bd1c0a2f5d')
      .reply(404, { error: 'ObjectNotFound', error_description: 'no context' })
    const call = {
      method: 'GET' as const,
      pattern: '/contexts/{hash}',
      params: { hash: '4f2fb8bbc53a0e4b36e4bb6bd5f1b2bd1c0a2f5d' },
    }
    await expect(callEndpoint(client(), call)).rejects.toMatchObject({ status: 404, error: 'ObjectNotFound' })
    nock(MAX).head('/people/bob/activities').reply(200, '', { 'X-totalItems': '12' })
    expect(
      await callEndpoint(client(), {
        method: 'HEAD',
        pattern: '/people/{username}/activities',
        params: { username: 'bob' },
      }),
    ).toBe(12)
  })
})

// The check every measuring process makes before it measures: one GET and one POST whose answers
// must be what the floor gets, so no runner can look cheap by doing less.

import { isDeepStrictEqual } from 'node:util'
import { postBody } from './fixtures.mjs'

/**
 * Sends one of each request and checks the answers, so every runner is known to do the same work.
 * @param {import('./runners/adapter.js').Adapter} adapter
 * @param {string} username
 */
export async function verify(adapter, username) {
  const found = await adapter.getPerson()
  if (found?.username !== username) {
    throw new Error(`GET /people/${username} gave ${JSON.stringify(found)?.slice(0, 200)}`)
  }
  /** @type {Record<string, unknown>} */
  const echo = { ...(await adapter.postActivity()) }
  const expected = postBody()
  if (!isDeepStrictEqual(echo.object, expected.object) || echo.generator !== expected.generator) {
    const { object: sentObject, ...rest } = echo
    throw new Error(
      `POST sent a different body than the floor: expected object.objectType 'note', the 1 KB content and ` +
        `generator '${expected.generator}'; the server echoed ${JSON.stringify(rest)} with object ` +
        `${JSON.stringify(sentObject)?.slice(0, 120)}`,
    )
  }
}

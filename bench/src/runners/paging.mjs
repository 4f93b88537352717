// What the hand-written runners (raw-http, fetch, undici) share: the headers every request carries
// and the `before`-cursor loop over a timeline, so they differ only in how they send a request.

import { BENCH_SCOPE } from '../fixtures.mjs'

/**
 * The authenticated headers of every request.
 * @param {string} username
 * @param {string} token
 */
export function benchHeaders(username, token) {
  return {
    accept: 'application/json',
    'x-oauth-token': token,
    'x-oauth-username': username,
    'x-oauth-scope': BENCH_SCOPE,
  }
}

/**
 * Streams a timeline page by page: `fetchPage(query)` sends `GET …/timeline?<query>` and answers the
 * parsed items and whether `X-Has-Remaining-Items` was sent.
 * @param {string} owner
 * @param {number} pageSize
 * @param {(item: unknown) => void} onItem
 * @param {(path: string) => Promise<{ items: { id: string }[], remaining: boolean }>} fetchPage
 */
export async function iterateByBefore(owner, pageSize, onItem, fetchPage) {
  const path = `/people/${encodeURIComponent(owner)}/timeline?limit=${pageSize}`
  let before = ''
  for (;;) {
    const { items, remaining } = await fetchPage(
      before ? `${path}&before=${encodeURIComponent(before)}` : path,
    )
    for (const item of items) onItem(item)
    const last = items.at(-1)
    if (!remaining || last === undefined || items.length < pageSize) return
    before = last.id
  }
}

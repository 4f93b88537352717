// Node's global fetch (undici) used the way its documentation shows: no client library on top.

import { BENCH_SCOPE, postBody } from '../fixtures.mjs'

/** @type {import('./adapter.js').CreateAdapter} */
export async function createAdapter({ url, username, token }) {
  const headers = {
    accept: 'application/json',
    'x-oauth-token': token,
    'x-oauth-username': username,
    'x-oauth-scope': BENCH_SCOPE,
  }
  const postHeaders = { ...headers, 'content-type': 'application/json' }
  const personUrl = `${url}/people/${encodeURIComponent(username)}`

  /** @param {Response} res */
  const json = async (res) => {
    if (!res.ok) throw new Error(`${res.url} answered ${res.status}`)
    return res.json()
  }

  return {
    getPerson: async () => json(await fetch(personUrl, { headers })),
    postActivity: async () =>
      json(
        await fetch(`${personUrl}/activities`, {
          method: 'POST',
          headers: postHeaders,
          body: JSON.stringify(postBody()),
        }),
      ),
    async iterateTimeline(owner, pageSize, onItem) {
      const pageUrl = `${url}/people/${encodeURIComponent(owner)}/timeline?limit=${pageSize}`
      let before = ''
      for (;;) {
        const res = await fetch(before ? `${pageUrl}&before=${encodeURIComponent(before)}` : pageUrl, {
          headers,
        })
        /** @type {{ id: string }[]} */
        const items = await json(res)
        for (const item of items) onItem(item)
        const last = items.at(-1)
        if (!res.headers.has('x-has-remaining-items') || last === undefined || items.length < pageSize) return
        before = last.id
      }
    },
  }
}

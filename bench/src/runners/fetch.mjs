// Node's global fetch (undici) used the way its documentation shows: no client library on top.

import { postBody } from '../fixtures.mjs'
import { benchHeaders, iterateByBefore } from './paging.mjs'

/** @type {import('./adapter.js').CreateAdapter} */
export async function createAdapter({ url, username, token }) {
  const headers = benchHeaders(username, token)
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
    iterateTimeline: (owner, pageSize, onItem) =>
      iterateByBefore(owner, pageSize, onItem, async (path) => {
        const res = await fetch(`${url}${path}`, { headers })
        return { items: await json(res), remaining: res.headers.has('x-has-remaining-items') }
      }),
  }
}

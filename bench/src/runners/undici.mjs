// npm undici's Pool used directly: the fastest general-purpose HTTP client for Node, for reference.

import { Pool } from 'undici'
import { BENCH_SCOPE, postBody } from '../fixtures.mjs'

/** @type {import('./adapter.js').CreateAdapter} */
export async function createAdapter({ url, username, token }) {
  const pool = new Pool(url)
  const headers = {
    accept: 'application/json',
    'x-oauth-token': token,
    'x-oauth-username': username,
    'x-oauth-scope': BENCH_SCOPE,
  }
  const postHeaders = { ...headers, 'content-type': 'application/json' }
  const personPath = `/people/${encodeURIComponent(username)}`

  /**
   * @param {import('undici').Dispatcher.RequestOptions} options
   * @returns {Promise<{ body: any, remaining: boolean }>}
   */
  const request = async (options) => {
    const res = await pool.request(options)
    if (res.statusCode < 200 || res.statusCode > 299) {
      await res.body.dump()
      throw new Error(`${options.method} ${options.path} answered ${res.statusCode}`)
    }
    return { body: await res.body.json(), remaining: res.headers['x-has-remaining-items'] !== undefined }
  }

  return {
    getPerson: async () => (await request({ method: 'GET', path: personPath, headers })).body,
    postActivity: async () =>
      (
        await request({
          method: 'POST',
          path: `${personPath}/activities`,
          headers: postHeaders,
          body: JSON.stringify(postBody()),
        })
      ).body,
    async iterateTimeline(owner, pageSize, onItem) {
      const path = `/people/${encodeURIComponent(owner)}/timeline?limit=${pageSize}`
      let before = ''
      for (;;) {
        const page = await request({
          method: 'GET',
          path: before ? `${path}&before=${encodeURIComponent(before)}` : path,
          headers,
        })
        /** @type {{ id: string }[]} */
        const items = page.body
        for (const item of items) onItem(item)
        const last = items.at(-1)
        if (!page.remaining || last === undefined || items.length < pageSize) return
        before = last.id
      }
    },
    close: () => pool.close(),
  }
}

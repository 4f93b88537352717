// npm undici's Pool used directly: the fastest general-purpose HTTP client for Node, for reference.

import { Pool } from 'undici'
import { postBody } from '../fixtures.mjs'
import { benchHeaders, iterateByBefore } from './paging.mjs'

/** @type {import('./adapter.js').CreateAdapter} */
export async function createAdapter({ url, username, token }) {
  const pool = new Pool(url)
  const headers = benchHeaders(username, token)
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
    iterateTimeline: (owner, pageSize, onItem) =>
      iterateByBefore(owner, pageSize, onItem, async (path) => {
        const page = await request({ method: 'GET', path, headers })
        return { items: page.body, remaining: page.remaining }
      }),
    close: () => pool.close(),
  }
}

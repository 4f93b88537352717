// The floor: what a careful hand-written caller does with node:http and a keep-alive Agent.

import http from 'node:http'
import { BENCH_SCOPE, postBody } from '../fixtures.mjs'

/** @type {import('./adapter.js').CreateAdapter} */
export async function createAdapter({ url, username, token }) {
  const agent = new http.Agent({ keepAlive: true })
  const base = new URL(url)
  const headers = {
    accept: 'application/json',
    'x-oauth-token': token,
    'x-oauth-username': username,
    'x-oauth-scope': BENCH_SCOPE,
  }
  const personPath = `/people/${encodeURIComponent(username)}`

  /**
   * @param {string} method
   * @param {string} path
   * @param {string} [body]
   * @returns {Promise<{ status: number, remaining: boolean, body: any }>}
   */
  const request = (method, path, body) =>
    new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: base.hostname,
          port: base.port,
          method,
          path,
          headers:
            body === undefined
              ? headers
              : {
                  ...headers,
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(body),
                },
        },
        (res) => {
          /** @type {Buffer[]} */
          const chunks = []
          res.on('data', (chunk) => chunks.push(chunk))
          res.on('error', reject)
          res.on('end', () => {
            const status = res.statusCode ?? 0
            if (status < 200 || status > 299) {
              reject(new Error(`${method} ${path} answered ${status}`))
              return
            }
            resolve({
              status,
              remaining: res.headers['x-has-remaining-items'] !== undefined,
              body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
            })
          })
        },
      )
      req.on('error', reject)
      req.end(body)
    })

  return {
    getPerson: async () => (await request('GET', personPath)).body,
    postActivity: async () =>
      (await request('POST', `${personPath}/activities`, JSON.stringify(postBody()))).body,
    async iterateTimeline(owner, pageSize, onItem) {
      const path = `/people/${encodeURIComponent(owner)}/timeline?limit=${pageSize}`
      let before = ''
      for (;;) {
        const page = await request('GET', before ? `${path}&before=${encodeURIComponent(before)}` : path)
        /** @type {{ id: string }[]} */
        const items = page.body
        for (const item of items) onItem(item)
        const last = items.at(-1)
        if (!page.remaining || last === undefined || items.length < pageSize) return
        before = last.id
      }
    },
    close: () => agent.destroy(),
  }
}

// The floor: what a careful hand-written caller does with node:http and a keep-alive Agent.

import http from 'node:http'
import { postBody } from '../fixtures.mjs'
import { benchHeaders, iterateByBefore } from './paging.mjs'

/** @type {import('./adapter.js').CreateAdapter} */
export async function createAdapter({ url, username, token }) {
  const agent = new http.Agent({ keepAlive: true })
  const base = new URL(url)
  const headers = benchHeaders(username, token)
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
    iterateTimeline: (owner, pageSize, onItem) =>
      iterateByBefore(owner, pageSize, onItem, async (path) => {
        const page = await request('GET', path)
        return { items: page.body, remaining: page.remaining }
      }),
    close: () => agent.destroy(),
  }
}

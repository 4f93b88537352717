// @maxclient/rpc, imported by its package name so the built dist that users install is measured.
// Its methods answer [ok, status, content] instead of throwing, so the adapter checks `ok`.

import { MaxClient } from '@maxclient/rpc'
import { POST_CONTENT } from '../fixtures.mjs'

/**
 * @param {string} call
 * @param {readonly [boolean, number, unknown]} result
 * @returns {any}
 */
function content(call, [ok, status, body]) {
  if (!ok) throw new Error(`${call} answered ${status}: ${JSON.stringify(body).slice(0, 200)}`)
  return body
}

/** @type {import('./adapter.js').CreateAdapter} */
export async function createAdapter({ url, username, token }) {
  const client = new MaxClient(url, { actor: username, token })
  return {
    getPerson: async () => content('getUser', await client.getUser(username)),
    // The Python signature: content, object type, contexts, generator, username.
    postActivity: async () =>
      content(
        'addActivity',
        await client.addActivity(POST_CONTENT, 'note', undefined, 'maxclient-bench', username),
      ),
    async iterateTimeline(owner, pageSize, onItem) {
      for await (const item of client.iterateUserTimeline(owner, { pageSize })) onItem(item)
    },
  }
}

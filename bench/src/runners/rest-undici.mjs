// @maxclient/rest over core's optional undici transport (@maxclient/core/undici), for long-running
// services that choose it; otherwise the same calls as the rest runner.

import { createUndiciTransport } from '@maxclient/core/undici'
import { MaxClient } from '@maxclient/rest'
import { POST_CONTENT } from '../fixtures.mjs'

/** @typedef {NonNullable<MaxClient['people'][string]>} PersonNode */

/** @type {import('./adapter.js').CreateAdapter} */
export async function createAdapter({ url, username, token }) {
  const transport = createUndiciTransport()
  const client = new MaxClient(url, { actor: username, token, transport })
  // The casts only drop `| undefined`, which noUncheckedIndexedAccess adds to every index access, and
  // the `| null` of a missing person (the bench's server always has it).
  return {
    getPerson: () =>
      /** @type {Promise<{ username: string }>} */ (
        /** @type {PersonNode} */ (client.people[username]).get()
      ),
    // The defaults supply object.objectType; `object_content` expands to object.content.
    postActivity: () =>
      /** @type {PersonNode} */ (client.people[username]).activities.post({
        object_content: POST_CONTENT,
        generator: 'maxclient-bench',
      }),
    async iterateTimeline(owner, pageSize, onItem) {
      const timeline = /** @type {PersonNode} */ (client.people[owner]).timeline
      for await (const item of timeline.iterate({}, { pageSize })) onItem(item)
    },
    close: () => transport.close(),
  }
}

// @maxclient/rest, imported by its package name so the built dist that users install is measured.

import { MaxClient } from '@maxclient/rest'
import { POST_CONTENT } from '../fixtures.mjs'

/** @typedef {NonNullable<MaxClient['people'][string]>} PersonNode */

/** @type {import('./adapter.js').CreateAdapter} */
export async function createAdapter({ url, username, token }) {
  return restAdapter(new MaxClient(url, { actor: username, token }), username)
}

/**
 * The runner's calls on a rest client (shared with the rest-undici runner).
 * @param {MaxClient} client
 * @param {string} username
 * @returns {import('./adapter.js').Adapter}
 */
export function restAdapter(client, username) {
  // The casts only drop `| undefined`, which noUncheckedIndexedAccess adds to every index access.
  return {
    // A read that may 404 resolves to null rather than failing: the runner checks for it, as every
    // runner checks its answer (src/runners/adapter.d.ts).
    getPerson: async () => {
      const person = await /** @type {PersonNode} */ (client.people[username]).get()
      if (person === null) throw new Error(`GET /people/${username} answered 404`)
      return person
    },
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
  }
}

// @maxclient/rest, imported by its package name so the built dist that users install is measured.

import { MaxClient } from '@maxclient/rest'
import { POST_CONTENT } from '../fixtures.mjs'

/** @type {import('./adapter.js').CreateAdapter} */
export async function createAdapter({ url, username, token }) {
  const client = new MaxClient(url, { actor: username, token })
  return {
    getPerson: () => client.people[username].get(),
    // The defaults supply object.objectType; `object_content` expands to object.content.
    postActivity: () =>
      client.people[username].activities.post({ object_content: POST_CONTENT, generator: 'maxclient-bench' }),
    async iterateTimeline(owner, pageSize, onItem) {
      for await (const item of client.people[owner].timeline.iterate({}, { pageSize })) onItem(item)
    },
  }
}

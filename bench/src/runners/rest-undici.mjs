// @maxclient/rest over core's optional undici transport (@maxclient/core/undici), for long-running
// services that choose it; otherwise the same calls as the rest runner.

import { createUndiciTransport } from '@maxclient/core/undici'
import { MaxClient } from '@maxclient/rest'
import { restAdapter } from './rest.mjs'

/** @type {import('./adapter.js').CreateAdapter} */
export async function createAdapter({ url, username, token }) {
  const transport = createUndiciTransport()
  const adapter = restAdapter(new MaxClient(url, { actor: username, token, transport }), username)
  return { ...adapter, close: () => transport.close() }
}

import nock from 'nock'
import { afterEach, beforeAll } from 'vitest'
import { MaxClient, type RestClientOptions } from '../../src/index.js'

export const MAX_URL = 'http://max.example.com'
export const OAUTH_URL = 'http://oauth.example.com'
export const TOKEN = 'tok-3f9a1c0e7b'

/** Every test file that mocks HTTP: no real network, and no leftover interceptors between tests. */
export function useNock(): void {
  beforeAll(() => {
    nock.disableNetConnect()
  })
  afterEach(() => {
    const pending = nock.pendingMocks()
    nock.cleanAll()
    if (pending.length > 0) throw new Error(`Interceptors not used: ${pending.join(', ')}`)
  })
}

/** A logged-in client (actor `messi`) with retries off, so each mocked reply is used once. */
export function newClient(options: RestClientOptions = {}): MaxClient {
  return new MaxClient(MAX_URL, {
    oauthServer: OAUTH_URL,
    actor: 'messi',
    token: TOKEN,
    retry: false,
    ...options,
  })
}

/** Walks `steps` down the tree: a string is a fixed segment, `{ value }` a variable one. */
export function walk(client: MaxClient, steps: ReadonlyArray<string | { value: string }>): any {
  let node: any = client
  for (const step of steps) node = typeof step === 'string' ? node[step] : node[step.value]
  return node
}

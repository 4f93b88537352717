import { MaxCore } from '@maxclient/core'
import { ownDefaultsTable } from '@maxclient/resources'
import { tableIterator, tableMethod } from './build.js'
import { clientDefaults } from './call.js'
import * as handWritten from './methods/index.js'
import type { RpcTableMethods } from './surface.generated.js'
import { type RpcMethodName, type RpcMethodSpec, rpcMethods } from './table.js'
import type { RpcClientOptions } from './types.js'

/** The methods written by hand (`methods/`), for those that shape a body beyond the table. */
export type RpcHandWrittenMethods = typeof handWritten

/** The methods of {@link RpcClient}: the table's (generated signatures) and the hand-written ones. */
export interface RpcClient extends RpcTableMethods, RpcHandWrittenMethods {}

/**
 * The RPC-style MAX client: one method per endpoint, each resolving to `[ok, status, content]`.
 * Its methods are installed from the method table (`rpcMethods`) when the module loads.
 *
 * Failures the server answers also resolve (`[false, 404, { error, error_description }]`); bad
 * arguments throw {@link UsageError} and network failures throw `RequestError` (status 0). Auth,
 * discovery, retries, timeouts, hooks and debug come from `MaxCore`.
 *
 * @example
 * ```ts
 * const client = new RpcClient('https://max.example.org', { oauthServer: 'https://oauth.example.org' })
 * await client.login('alice', password)
 * const [ok, status, me] = await client.getUser()
 * ```
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface types the methods installed below
export class RpcClient extends MaxCore {
  /**
   * @param url - MAX server base URL.
   * @param clientOptions - core options plus `defaults` (see {@link RpcClientOptions}).
   * @throws {@link UsageError} when the URL or an option is invalid.
   */
  constructor(url: string, clientOptions: RpcClientOptions = {}) {
    const isObject = typeof clientOptions === 'object' && clientOptions !== null
    const { defaults, ...core } = isObject ? clientOptions : ({} as RpcClientOptions)
    super(url, isObject ? core : clientOptions)
    if (defaults !== undefined) clientDefaults.set(this, ownDefaultsTable(defaults))
  }
}

const prototype = RpcClient.prototype as unknown as Record<string, unknown>
const install = (name: string, method: unknown) =>
  Object.defineProperty(prototype, name, { value: method, writable: true, configurable: true })
for (const name of Object.keys(rpcMethods) as RpcMethodName[]) {
  const spec: RpcMethodSpec = rpcMethods[name]
  const method = (handWritten as Record<string, unknown>)[name] ?? tableMethod(name)
  install(name, method)
  for (const alias of spec.aliases ?? []) install(alias, method)
  if (spec.iterator !== undefined) install(spec.iterator, tableIterator(name))
}

/** The same class under the Python client's name. */
export { RpcClient as MaxClient }

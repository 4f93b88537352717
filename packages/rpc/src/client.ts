import { MaxCore } from '@maxclient/core'
import { ownDefaultsTable } from '@maxclient/resources'
import { clientDefaults } from './call.js'
import * as handWritten from './methods/index.js'
import { rpcMethods } from './methods.generated.js'
import type { RpcClientOptions } from './types.js'

/** The methods written by hand (`methods/`), for those that shape a body beyond the table. */
export type RpcHandWrittenMethods = typeof handWritten

/**
 * What every RPC client is built on: `MaxCore` plus the per-client body defaults. `RpcClient`
 * (generated from the method table) extends it with one method per endpoint.
 */
export class RpcClientBase extends MaxCore {
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

// The hand-written methods and their aliases go on this small prototype, as class methods are
// (writable, configurable, not enumerable): added to the generated class's prototype of some 140
// methods, they cost a slow re-layout of it at every start-up.
// They are plain functions (an async one costs extra promise hops per call); here each becomes a
// method that rejects rather than throws when its arguments are wrong, as every RPC method does.
for (const name in handWritten) {
  const method = (handWritten as Record<string, (this: MaxCore, ...args: unknown[]) => unknown>)[name]!
  const rejecting = {
    [name](this: MaxCore) {
      try {
        // `arguments`, not a rest array: one allocation less per call.
        // biome-ignore lint/complexity/noArguments: see above.
        return method.apply(this, arguments as unknown as unknown[])
      } catch (error) {
        return Promise.reject(error)
      }
    },
  }[name]!
  Object.defineProperty(rejecting, 'length', { value: method.length })
  const aliases = (rpcMethods as Record<string, { aliases?: readonly string[] }>)[name]?.aliases ?? []
  for (const key of [name, ...aliases]) {
    Object.defineProperty(RpcClientBase.prototype, key, {
      value: rejecting,
      writable: true,
      configurable: true,
    })
  }
}

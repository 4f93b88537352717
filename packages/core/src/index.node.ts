/**
 * `@maxclient/core` for Node (the `node` export condition): the same API as the default entry,
 * with `node:http`/`node:https` keep-alive agents as the default transport.
 * @packageDocumentation
 * @mergeModuleWith <project>
 */
import { MaxCore as BaseMaxCore } from './client.js'
import { type HubOptions, resolveHubDomainWith } from './hub.js'
import { createNodeTransport } from './node-transport.js'
import type { Transport } from './transport.js'

export * from './index.js'
export { createNodeTransport, type NodeTransportOptions } from './node-transport.js'

let sharedTransport: Transport | undefined

/** The transport of every Node client created without `transport` or `fetch`: one pool of keep-alive connections. */
export function defaultNodeTransport(): Transport {
  sharedTransport ??= createNodeTransport()
  return sharedTransport
}

/**
 * The MAX client core (see the default entry for the full description). On Node its default
 * transport is {@link defaultNodeTransport}.
 */
export class MaxCore extends BaseMaxCore {
  protected override createDefaultTransport(): Transport {
    return defaultNodeTransport()
  }
}

/**
 * The MAX server URL a hub assigns to `domain`, read from `GET {hub}/info`:
 * `domains[domain].max_server_url`, else `default_maxserver_url + '/' + domain`.
 * @throws {@link MaxError} listing the known domains when neither exists.
 * @throws {@link RequestError} naming the hub URL when `/info` fails.
 */
export function resolveHubDomain(domain: string, options: HubOptions): Promise<string> {
  return resolveHubDomainWith(MaxCore, domain, options)
}

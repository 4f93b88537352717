import type { MaxCore } from './client.js'
import { MaxError, UsageError } from './errors.js'
import { checkUrl } from './options.js'
import type { MaxClientOptions } from './types.js'
import { isPlainObject, preview } from './values.js'

/** Options of {@link resolveHubDomain}: the hub URL plus how to reach it. */
export interface HubOptions
  extends Pick<
    MaxClientOptions,
    'transport' | 'fetch' | 'timeout' | 'retry' | 'debug' | 'hooks' | 'maxResponseSize'
  > {
  /** Hub base URL, e.g. `https://hub.example.org`. */
  hub: string
}

/** A client constructor, used to reach the hub with the caller's own class. @internal */
export type ClientClass = new (url: string, options?: MaxClientOptions) => MaxCore

/**
 * Resolves `domain` through `GET {hub}/info`, using a client of class `Client` to reach the hub.
 * @internal
 */
export async function resolveHubDomainWith(
  Client: ClientClass,
  domain: string,
  options: HubOptions,
): Promise<string> {
  if (typeof domain !== 'string' || domain.trim() === '') {
    throw new UsageError(
      `domain must be a non-empty string such as "upc", got ${preview(JSON.stringify(domain) ?? String(domain))}`,
    )
  }
  if (!isPlainObject(options) || options.hub === undefined) {
    throw new UsageError('hub discovery needs the hub URL: { hub: "https://hub.example.org" }')
  }
  const hub = checkUrl(options.hub, 'hub')
  const reach: MaxClientOptions = {}
  for (const key of [
    'transport',
    'fetch',
    'timeout',
    'retry',
    'debug',
    'hooks',
    'maxResponseSize',
  ] as const) {
    if (options[key] !== undefined) (reach as Record<string, unknown>)[key] = options[key]
  }
  // A client pointed at the hub: its `/info` is the hub's document.
  const info = await new Client(hub, reach).serverInfo()
  const domains = info.domains
  const known = isPlainObject(domains) ? domains : {}
  // Own properties only: a domain named "constructor" must not reach Object.prototype.
  const entry = Object.hasOwn(known, domain) ? known[domain] : undefined
  if (isPlainObject(entry)) {
    const url = entry.max_server_url
    if (typeof url === 'string' && url !== '')
      return checkUrl(url, `max_server_url of domain "${domain}" in ${hub}/info`)
  }
  const fallback = info.default_maxserver_url
  if (typeof fallback === 'string' && fallback !== '') {
    return `${checkUrl(fallback, `default_maxserver_url in ${hub}/info`)}/${encodeURIComponent(domain)}`
  }
  const names = Object.keys(known)
  throw new MaxError(
    `The hub ${hub} knows no MAX server for domain "${preview(domain)}" and has no default_maxserver_url; ` +
      (names.length === 0
        ? 'it lists no domains'
        : `known domains: ${preview(names.sort().join(', '), 500)}`),
  )
}

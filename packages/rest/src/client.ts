import { type MaxClientOptions, MaxCore, UsageError } from '@maxclient/core'
import { catalog, type DefaultsTable, ownDefaultsTable, type RouteSpec } from '@maxclient/resources'
import { createRootNode, type TreeContext } from './resource-node.js'
import { buildRouteTrie } from './route-trie.js'
import type { RootResources } from './types.js'

/** Options of a {@link MaxClient}: every core option plus how request bodies are built. */
export interface RestClientOptions extends MaxClientOptions {
  /**
   * Per-client endpoint defaults, keyed `'METHOD /pattern'` (e.g. `'POST /contexts'`). An entry
   * replaces the built-in default body of that endpoint; the caller's fields are deep-merged over it.
   */
  defaults?: DefaultsTable
  /** Expand `object_content` into `{ object: { content } }` (default `true`); a call can override it. */
  expandUnderscores?: boolean
}

const trie = buildRouteTrie(catalog as readonly RouteSpec[])
const ROOT = Symbol('maxclient.rest.root')

/**
 * The MAX client with the lazy resource tree: fixed URL segments are properties, variable segments
 * are index access, and `get`/`post`/`put`/`delete`/`head` exist where the server implements them.
 *
 * @example
 * ```ts
 * const client = new MaxClient('https://max.example.com', { actor: 'alice', token })
 * const [latest] = await client.people[':me'].timeline.get({ qs: { limit: 1 } })
 * ```
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the root getters are defined on the prototype below
export class MaxClient extends MaxCore {
  /** Root of the resource tree; the root segments (`people`, `contexts`, ...) are getters over it. */
  private readonly [ROOT]: Record<string, unknown>

  constructor(url: string, options: RestClientOptions = {}) {
    const { defaults, expandUnderscores, ...coreOptions } = options
    super(url, coreOptions)
    if (expandUnderscores !== undefined && typeof expandUnderscores !== 'boolean') {
      throw new UsageError(
        `The expandUnderscores option must be true or false, got ${typeof expandUnderscores}.`,
      )
    }
    const context: TreeContext = {
      client: this,
      defaults: defaults === undefined ? undefined : ownDefaultsTable(defaults),
      expandUnderscores,
    }
    this[ROOT] = createRootNode(context, trie) as Record<string, unknown>
  }
}

// The interface adds the typed root segments that the prototype getters below provide.
export interface MaxClient extends RootResources {}

for (const segment of trie.fixed.keys()) {
  // Never shadow a client member; a clash is a compile error through the interface above.
  if (segment in MaxClient.prototype) continue
  Object.defineProperty(MaxClient.prototype, segment, {
    configurable: true,
    enumerable: false,
    get(this: MaxClient) {
      return this[ROOT][segment]
    },
  })
}

/** The same class under the name the original's REST module used. */
export { MaxClient as RestClient }

/** Checks the table, then keeps a private deep copy so later changes by the caller bypass nothing. */

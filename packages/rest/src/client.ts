import { type MaxClientOptions, MaxCore, UsageError } from '@maxclient/core'
import { type DefaultsTable, ownDefaultsTable, routeTree } from '@maxclient/resources'
import { createRootNode, describeChildren, type TreeContext } from './resource-node.js'
import type { RootResources } from './types.js'

/** Options of a {@link RestClient}: every core option plus how request bodies are built. */
export interface RestClientOptions extends MaxClientOptions {
  /**
   * Per-client endpoint defaults, keyed `'METHOD /pattern'` (e.g. `'POST /contexts'`). An entry
   * replaces the built-in default body of that endpoint; the caller's fields are deep-merged over it.
   */
  defaults?: DefaultsTable
  /** Expand `object_content` into `{ object: { content } }` (default `true`); a call can override it. */
  expandUnderscores?: boolean
}

const ROOT = Symbol('maxclient.rest.root')

/**
 * The MAX client with the lazy resource tree: fixed URL segments are properties, variable segments
 * are index access, and `get`/`post`/`put`/`delete`/`head` exist where the server implements them.
 *
 * @example
 * ```ts
 * const client = new RestClient('https://max.example.com', { actor: 'alice', token })
 * const [latest] = await client.people[':me'].timeline.get({ qs: { limit: 1 } })
 * ```
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the root getters are defined on the prototype below
export class RestClient extends MaxCore {
  /** Root of the resource tree; the root segments (`people`, `contexts`, ...) are getters over it. */
  private readonly [ROOT]: Record<string, unknown>

  constructor(url: string, options: RestClientOptions = {}) {
    const { defaults, expandUnderscores, ...coreOptions } = options ?? {}
    super(url, options === null ? (null as never) : coreOptions)
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
    this[ROOT] = createRootNode(context, routeTree) as Record<string, unknown>
  }
}

// The interface adds the typed root segments that the prototype getters below provide.
export interface RestClient extends RootResources {}

for (const segment of routeTree.fixed.keys()) {
  // Never shadow a client member; a clash is a compile error through the interface above.
  if (segment in RestClient.prototype) continue
  Object.defineProperty(RestClient.prototype, segment, {
    configurable: true,
    enumerable: false,
    get(this: RestClient) {
      return this[ROOT][segment]
    },
  })
}

/** A name shaped like a root segment: lower-case letters, digits, `_`, `-` and `.`. */
const SEGMENT_LIKE = /^[a-z][a-z0-9_.-]*$/
/** Looked up by promise resolution and by tools that probe objects; never a segment. */
const PROBED = new Set(['then', 'inspect'])

// Core's members are defined on the client's own prototype too (nearest definition wins, as in the
// chain), so member look-ups on the hot path stop there and never reach the guard below.
for (let proto = MaxCore.prototype; proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
  for (const key of Reflect.ownKeys(proto)) {
    if (key === 'constructor' || Object.hasOwn(RestClient.prototype, key)) continue
    Object.defineProperty(RestClient.prototype, key, Object.getOwnPropertyDescriptor(proto, key)!)
  }
}

// A misspelt root (`client.peeple`) fails at access, as deeper segments do. The guard sits between
// the client's prototype and core's, so it sees only names no member answers: root getters, core's
// members and instance fields never reach it.
const guard = new Proxy(MaxCore.prototype, {
  get(target, key, receiver) {
    if (typeof key === 'symbol' || key in target || !SEGMENT_LIKE.test(key) || PROBED.has(key)) {
      return Reflect.get(target, key, receiver)
    }
    throw new UsageError(
      `Unknown segment "${key}" at the client root: valid roots are ${describeChildren(routeTree)}.`,
    )
  },
})
Object.setPrototypeOf(RestClient.prototype, guard)

/** The same class under the Python original's name. */
export { RestClient as MaxClient }

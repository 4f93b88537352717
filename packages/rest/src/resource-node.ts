import {
  collect,
  type MaxCore,
  type MaxRequest,
  type PaginateOptions,
  paginate,
  UsageError,
} from '@maxclient/core'
import {
  buildRequest,
  type DefaultsTable,
  defaultsFor,
  paginationFor,
  type RouteSpec,
} from '@maxclient/resources'
import { describeChildren, type TrieMethod, type TrieNode } from './route-trie.js'

/** What every node of one client shares: the client that sends, and its request-building settings. */
export interface TreeContext {
  readonly client: MaxCore
  readonly defaults: DefaultsTable | undefined
  readonly expandUnderscores: boolean | undefined
}

interface NodeState {
  readonly context: TreeContext
  readonly trie: TrieNode
  /** Values of the variable segments from the root down to this node, as the caller gave them. */
  readonly values: readonly string[]
  /** Readable path, e.g. `/people/alice/activities`, for messages and inspection. */
  readonly path: string
  /** Resolved properties (children and bound methods); bounded, since variable values are open-ended. */
  readonly cache: Map<string, unknown>
  /** Set on a child whose name is also a method of its parent: calling the child runs that method. */
  readonly invoke: ((...args: unknown[]) => unknown) | undefined
}

const STATE = Symbol('maxclient.rest.node')
/** Node's util.inspect hook, by its registered name so browsers need no node:util. */
const INSPECT = Symbol.for('nodejs.util.inspect.custom')
const CACHE_LIMIT = 128

/** Names that must never become URL segments: promise detection, JSON and class introspection. */
const PASS_THROUGH = new Set(['then', 'toJSON', 'constructor'])

const CALL_OPTIONS = new Set(['signal', 'timeout', 'retry', 'expandUnderscores'])
const ITERATE_OPTIONS = new Set([...CALL_OPTIONS, 'pageSize', 'max'])

const NODE_PROTOTYPE = {
  toJSON(this: { [STATE]: NodeState }): string {
    return this[STATE].path
  },
  [Symbol.toPrimitive](this: { [STATE]: NodeState }): string {
    return this[STATE].path
  },
  [INSPECT](this: { [STATE]: NodeState }): string {
    const state = this[STATE]
    const methods = [...state.trie.methods.keys()].join(' ')
    return `[MaxResource ${state.path || '/'}${methods ? ` ${methods}` : ''}]`
  },
}

const handler: ProxyHandler<{ [STATE]: NodeState }> = {
  get(target, key) {
    if (typeof key === 'symbol' || PASS_THROUGH.has(key)) return Reflect.get(target, key)
    const state = target[STATE]
    const cached = state.cache.get(key)
    if (cached !== undefined) return cached
    const resolved = resolveProperty(state, key)
    if (state.cache.size >= CACHE_LIMIT) state.cache.clear()
    state.cache.set(key, resolved)
    return resolved
  },
  has(target, key) {
    if (typeof key === 'symbol' || PASS_THROUGH.has(key)) return Reflect.has(target, key)
    const { trie } = target[STATE]
    return trie.variable !== undefined || trie.fixed.has(key) || methodNames(trie).includes(key)
  },
  set(target, key) {
    throw new UsageError(
      `Cannot set ${String(key)} on the resource ${target[STATE].path}: resource nodes are read-only.`,
    )
  },
  defineProperty(target, key) {
    throw new UsageError(
      `Cannot define ${String(key)} on the resource ${target[STATE].path}: resource nodes are read-only.`,
    )
  },
  deleteProperty(target, key) {
    throw new UsageError(
      `Cannot delete ${String(key)} from the resource ${target[STATE].path}: resource nodes are read-only.`,
    )
  },
  apply(target, _thisArg, args) {
    const { invoke, path } = target[STATE]
    if (!invoke) throw new UsageError(`The resource ${path} is not callable.`)
    return invoke(...args)
  },
}

/** Creates the node at the root of the tree for one client. */
export function createRootNode(context: TreeContext, trie: TrieNode): unknown {
  return createNode({ context, trie, values: [], path: '', cache: new Map(), invoke: undefined })
}

function createNode(state: NodeState): unknown {
  // A callable node needs a function target; plain nodes stay plain objects (typeof 'object').
  const target = (state.invoke ? () => undefined : {}) as { [STATE]: NodeState }
  Object.setPrototypeOf(target, NODE_PROTOTYPE)
  Object.defineProperty(target, STATE, { value: state })
  return new Proxy(target, handler)
}

/**
 * The item of a collection node for a variable value, including values that property access cannot
 * reach: `then`, `toJSON`, `constructor`, or the name of a fixed sibling.
 *
 * @example
 * ```ts
 * itemOf(client.people, 'then')         // the user named "then"
 * itemOf(client.contexts, 'public')      // the context whose URL is 'public' (hashed), not /contexts/public
 * ```
 */
export function itemOf<T extends { readonly [value: string]: unknown }>(node: T, value: string): T[string] {
  const state = stateOf(node)
  if (!state.trie.variable) {
    throw new UsageError(
      `The resource ${state.path || '/'} has no variable child; valid children: ${describeChildren(state.trie)}.`,
    )
  }
  if (typeof value !== 'string') {
    throw new UsageError(
      `itemOf(node, value) takes the ${state.trie.variable.param} as a string, got ${typeof value}.`,
    )
  }
  return childNode(state, state.trie.variable, value, undefined) as T[string]
}

/**
 * What a resource node stands for: its catalog pattern (`/people/{username}`), its readable path
 * (`/people/alice`) and the methods it offers. Throws a `UsageError` for anything that is not a node.
 */
export function describeResource(node: unknown): { pattern: string; path: string; methods: string[] } {
  const state = stateOf(node)
  return { pattern: state.trie.pattern || '/', path: state.path || '/', methods: methodNames(state.trie) }
}

function stateOf(node: unknown): NodeState {
  const state =
    (typeof node === 'object' || typeof node === 'function') && node !== null
      ? (node as { [STATE]?: NodeState })[STATE]
      : undefined
  if (!state) throw new UsageError(`Expected a resource node such as client.people, got ${typeof node}.`)
  return state
}

function methodNames(trie: TrieNode): string[] {
  if (trie.methods.size === 0) return []
  const names = [...trie.methods.keys(), 'defaults']
  if (trie.methods.get('get')?.spec.paginated) names.push('iterate', 'all')
  return names
}

function resolveProperty(state: NodeState, key: string): unknown {
  const method = boundMethod(state, key)
  const fixed = state.trie.fixed.get(key)
  if (fixed) return childNode(state, fixed, undefined, method)
  if (state.trie.variable) return childNode(state, state.trie.variable, key, method)
  if (method) return method
  const methods = methodNames(state.trie)
  throw new UsageError(
    `Unknown segment "${key}" after ${state.path || 'the client root'}: valid children are ${describeChildren(state.trie)}` +
      (methods.length > 0 ? `; methods here: ${methods.join(', ')}.` : '.'),
  )
}

function childNode(
  state: NodeState,
  trie: TrieNode,
  value: string | undefined,
  invoke: NodeState['invoke'],
): unknown {
  if (value === undefined) {
    const name = trie.pattern.slice(trie.pattern.lastIndexOf('/') + 1)
    return createNode({
      context: state.context,
      trie,
      values: state.values,
      path: `${state.path}/${name}`,
      cache: new Map(),
      invoke,
    })
  }
  if (value === '') {
    throw new UsageError(
      `Empty value for {${trie.param}} after ${state.path}: give a non-empty ${trie.param}.`,
    )
  }
  return createNode({
    context: state.context,
    trie,
    values: [...state.values, value],
    path: `${state.path}/${value}`,
    cache: new Map(),
    invoke,
  })
}

function boundMethod(state: NodeState, key: string): NodeState['invoke'] {
  const { trie } = state
  if (trie.methods.size === 0) return undefined
  if (key === 'defaults') return (method?: unknown) => effectiveDefaults(state, method)
  const paginated = trie.methods.get('get')
  if (paginated?.spec.paginated) {
    if (key === 'iterate')
      return (fields?: unknown, options?: unknown) => iterate(state, paginated, fields, options)
    if (key === 'all') return (fields?: unknown, options?: unknown) => all(state, paginated, fields, options)
  }
  const entry = trie.methods.get(key)
  if (!entry) return undefined
  return (fields?: unknown, options?: unknown) => call(state, entry, fields, options)
}

function paramsFor(route: RouteSpec, values: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {}
  for (let i = 0; i < route.params.length; i++) params[route.params[i]!] = values[i]!
  return params
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function checkFields(state: NodeState, name: string, fields: unknown): Record<string, unknown> | undefined {
  if (fields === undefined || isPlainObject(fields)) return fields
  throw new UsageError(
    `${state.path}.${name}() takes an object of fields as its first argument (e.g. { qs: { limit: 5 } } or { data: ... }), got ${Array.isArray(fields) ? 'an array' : typeof fields}.`,
  )
}

const NO_OPTIONS: CheckedOptions = Object.freeze({})

/** Like checkFields, and points out paging options passed in the fields by mistake. */
function checkListFields(
  state: NodeState,
  name: string,
  fields: unknown,
): Record<string, unknown> | undefined {
  const checked = checkFields(state, name, fields)
  for (const key of ['pageSize', 'max']) {
    if (checked && Object.hasOwn(checked, key)) {
      throw new UsageError(
        `${key} is an option of ${state.path}.${name}(), not a field: call ${name}({ qs: { ... } }, { ${key}: ... }).`,
      )
    }
  }
  return checked
}

interface CheckedOptions {
  signal?: AbortSignal
  timeout?: number
  retry?: MaxRequest['retry']
  expandUnderscores?: boolean
  pageSize?: number
  max?: number
}

function checkOptions(
  state: NodeState,
  name: string,
  options: unknown,
  allowed: Set<string>,
): CheckedOptions {
  if (options === undefined) return {}
  if (!isPlainObject(options)) {
    throw new UsageError(
      `${state.path}.${name}() takes an options object as its second argument, got ${typeof options}.`,
    )
  }
  for (const key of Object.keys(options)) {
    if (!allowed.has(key)) {
      throw new UsageError(
        `Unknown option "${key}" for ${state.path}.${name}(); valid options: ${[...allowed].join(', ')}. ` +
          'Request fields go in the first argument.',
      )
    }
  }
  return options as CheckedOptions
}

function buildFor(state: NodeState, entry: TrieMethod, fields: unknown, options: CheckedOptions): MaxRequest {
  const { context } = state
  const built = buildRequest({
    pattern: entry.route.pattern,
    method: entry.method,
    params: paramsFor(entry.route, state.values),
    input: fields as Record<string, unknown> | undefined,
    actor: context.client.actor,
    defaults: context.defaults,
    expandUnderscores: options.expandUnderscores ?? context.expandUnderscores,
  })
  // The built request already has the MaxRequest shape; per-call options are added only when given.
  const request: MaxRequest = built
  if (options.signal !== undefined) request.signal = options.signal
  if (options.timeout !== undefined) request.timeout = options.timeout
  if (options.retry !== undefined) request.retry = options.retry
  return request
}

// Not async: one promise less per call on the hot path; argument errors still reject.
function call(state: NodeState, entry: TrieMethod, fields: unknown, options: unknown): Promise<unknown> {
  let request: MaxRequest
  try {
    const name = entry.callName
    const checked = options === undefined ? NO_OPTIONS : checkOptions(state, name, options, CALL_OPTIONS)
    request = buildFor(state, entry, checkFields(state, name, fields), checked)
  } catch (error) {
    return Promise.reject(error)
  }
  return state.context.client.request(request)
}

function iterate(
  state: NodeState,
  entry: TrieMethod,
  fields: unknown,
  options: unknown,
): AsyncIterable<unknown> {
  const checked = checkOptions(state, 'iterate', options, ITERATE_OPTIONS)
  const request = buildFor(state, entry, checkListFields(state, 'iterate', fields), checked)
  return paginate(state.context.client, request, pageOptions(entry, request, checked, checked.max))
}

async function all(
  state: NodeState,
  entry: TrieMethod,
  fields: unknown,
  options: unknown,
): Promise<unknown[]> {
  const checked = checkOptions(state, 'all', options, ITERATE_OPTIONS)
  const request = buildFor(state, entry, checkListFields(state, 'all', fields), checked)
  return collect(
    paginate(state.context.client, request, pageOptions(entry, request, checked, undefined)),
    checked.max,
  )
}

/** Page size and cap from the caller; cursor field and direction from the catalog (resources). */
function pageOptions(
  entry: TrieMethod,
  request: MaxRequest,
  options: CheckedOptions,
  max: number | undefined,
): PaginateOptions<unknown> {
  return { pageSize: options.pageSize, max, ...paginationFor(entry.route.pattern, 'GET', request.query) }
}

function effectiveDefaults(state: NodeState, method: unknown): Record<string, unknown> | undefined {
  const entry = typeof method === 'string' ? state.trie.methods.get(method.toLowerCase()) : undefined
  if (!entry) {
    throw new UsageError(
      `${state.path}.defaults() takes one of the methods of this resource (${[...state.trie.methods.keys()].join(', ')}), got ${JSON.stringify(method) ?? String(method)}.`,
    )
  }
  return defaultsFor(entry.route.pattern, entry.method, state.context.defaults)
}

import {
  collect,
  interpretResponse,
  type MaxCore,
  type PaginateOptions,
  paginate,
  RequestError,
  UsageError,
} from '@maxclient/core'
import {
  type BuiltRequest,
  buildRequest,
  type CallOptions,
  type DefaultsTable,
  defaultsFor,
  type HttpMethod,
  type MethodSpec,
  paginationFor,
  type RouteNode,
  type RouteSpec,
} from '@maxclient/resources'

/** What every node of one client shares: the client that sends, and its request-building settings. */
export interface TreeContext {
  readonly client: MaxCore
  readonly defaults: DefaultsTable | undefined
  readonly expandUnderscores: boolean | undefined
}

/** One method a node answers, with the route it belongs to. */
interface NodeMethod {
  readonly method: HttpMethod
  /** Lower-case name of the node method that sends it (`get`, `head`, ...). */
  readonly callName: string
  readonly route: RouteSpec
  readonly spec: MethodSpec
  /**
   * Only a GET of a single resource resolves to null for a missing one; a count (HEAD) or a list
   * that MAX answers with 404 is an error, as their types promise.
   */
  readonly never404: boolean
}

const methodTables = new WeakMap<RouteNode, ReadonlyMap<string, NodeMethod>>()
const NO_METHODS: ReadonlyMap<string, NodeMethod> = new Map()

/**
 * The methods of a node of resources' route tree by call name: the catalog's (deprecated forms
 * included: older servers accept them) and `head` beside every `get`, as the server answers it.
 */
function methodsOf(node: RouteNode): ReadonlyMap<string, NodeMethod> {
  const route = node.route
  if (!route) return NO_METHODS
  let table = methodTables.get(node)
  if (!table) {
    const methods = new Map<string, NodeMethod>()
    for (const [method, spec] of Object.entries(route.methods) as [HttpMethod, MethodSpec][]) {
      const never404 = method === 'GET' && spec.list === true
      methods.set(method.toLowerCase(), { method, callName: method.toLowerCase(), route, spec, never404 })
      if (method === 'GET') {
        methods.set('head', { method: 'HEAD', callName: 'head', route, spec, never404: true })
      }
    }
    table = methods
    methodTables.set(node, table)
  }
  return table
}

/** Names a node accepts as a property: its fixed children, then `[variable]` when it has one. */
export function describeChildren(node: RouteNode): string {
  const names = [...node.fixed.keys()].sort()
  if (node.variable) names.push(`[${node.variable.param}]`)
  return names.length === 0 ? 'none' : names.join(', ')
}

interface NodeState {
  readonly context: TreeContext
  readonly trie: RouteNode
  /** The methods of `trie`, by call name. */
  readonly methods: ReadonlyMap<string, NodeMethod>
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

/** Options `iterate()` and `all()` take besides the call options. */
const PAGING_OPTIONS: readonly string[] = ['pageSize', 'max']

const NODE_PROTOTYPE = {
  toJSON(this: { [STATE]: NodeState }): string {
    return this[STATE].path
  },
  [Symbol.toPrimitive](this: { [STATE]: NodeState }): string {
    return this[STATE].path
  },
  [INSPECT](this: { [STATE]: NodeState }): string {
    const state = this[STATE]
    const methods = [...state.methods.keys()].join(' ')
    return `[MaxResource ${state.path || '/'}${methods ? ` ${methods}` : ''}]`
  },
}

const handler: ProxyHandler<{ [STATE]: NodeState }> = {
  get(target, key) {
    const state = target[STATE]
    // The cache first: it never holds symbols or pass-through names, and nearly every access hits it.
    const cached = state.cache.get(key as string)
    if (cached !== undefined) return cached
    if (typeof key === 'symbol' || PASS_THROUGH.has(key)) return Reflect.get(target, key)
    const resolved = resolveProperty(state, key)
    if (state.cache.size >= CACHE_LIMIT) state.cache.clear()
    state.cache.set(key, resolved)
    return resolved
  },
  has(target, key) {
    if (typeof key === 'symbol' || PASS_THROUGH.has(key)) return Reflect.has(target, key)
    const state = target[STATE]
    return state.trie.variable !== undefined || state.trie.fixed.has(key) || methodNames(state).includes(key)
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
export function createRootNode(context: TreeContext, trie: RouteNode): unknown {
  return createNode({
    context,
    trie,
    methods: methodsOf(trie),
    values: [],
    path: '',
    cache: new Map(),
    invoke: undefined,
  })
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
  return { pattern: state.trie.pattern || '/', path: state.path || '/', methods: methodNames(state) }
}

function stateOf(node: unknown): NodeState {
  const state =
    (typeof node === 'object' || typeof node === 'function') && node !== null
      ? (node as { [STATE]?: NodeState })[STATE]
      : undefined
  if (!state) throw new UsageError(`Expected a resource node such as client.people, got ${typeof node}.`)
  return state
}

function methodNames(state: NodeState): string[] {
  const { methods } = state
  if (methods.size === 0) return []
  const names = [...methods.keys(), 'defaults']
  if (methods.get('get')?.spec.paginated) names.push('iterate', 'all')
  return names
}

function resolveProperty(state: NodeState, key: string): unknown {
  const method = boundMethod(state, key)
  const fixed = state.trie.fixed.get(key)
  if (fixed) return childNode(state, fixed, undefined, method)
  if (state.trie.variable) return childNode(state, state.trie.variable, key, method)
  if (method) return method
  const methods = methodNames(state)
  throw new UsageError(
    `Unknown segment "${key}" after ${state.path || 'the client root'}: valid children are ${describeChildren(state.trie)}` +
      (methods.length > 0 ? `; methods here: ${methods.join(', ')}.` : '.'),
  )
}

function childNode(
  state: NodeState,
  trie: RouteNode,
  value: string | undefined,
  invoke: NodeState['invoke'],
): unknown {
  if (value === undefined) {
    const name = trie.pattern.slice(trie.pattern.lastIndexOf('/') + 1)
    return createNode({
      context: state.context,
      trie,
      methods: methodsOf(trie),
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
    methods: methodsOf(trie),
    values: [...state.values, value],
    path: `${state.path}/${value}`,
    cache: new Map(),
    invoke,
  })
}

function boundMethod(state: NodeState, key: string): NodeState['invoke'] {
  const { methods } = state
  if (methods.size === 0) return undefined
  if (key === 'defaults') return (method?: unknown) => effectiveDefaults(state, method)
  const paginated = methods.get('get')
  if (paginated?.spec.paginated) {
    if (key === 'iterate')
      return (fields?: unknown, options?: unknown) => iterate(state, paginated, fields, options)
    if (key === 'all') return (fields?: unknown, options?: unknown) => all(state, paginated, fields, options)
  }
  const entry = methods.get(key)
  if (!entry) return undefined
  // How messages name this call; made once, since bound methods are cached per node.
  const caller = `${state.path}.${entry.callName}()`
  if (entry.method !== 'GET' && entry.method !== 'HEAD') {
    return (fields?: unknown, options?: unknown) => call(state, entry, caller, fields, options)
  }
  // A read without arguments sends the same request every time (for the same actor, which `:me`
  // and defaults may depend on): it is built once and reused; core never changes a request.
  let built: { actor: string | undefined; request: BuiltRequest } | undefined
  return (fields?: unknown, options?: unknown) => {
    if (fields !== undefined || options !== undefined) return call(state, entry, caller, fields, options)
    const actor = state.context.client.actor
    if (built === undefined || built.actor !== actor) {
      try {
        built = { actor, request: buildFor(state, entry, caller, undefined, undefined) }
      } catch (error) {
        return Promise.reject(error)
      }
    }
    return call(state, entry, caller, undefined, undefined, built.request)
  }
}

function paramsFor(route: RouteSpec, values: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {}
  for (let i = 0; i < route.params.length; i++) params[route.params[i]!] = values[i]!
  return params
}

/** Points out paging options passed in the fields by mistake (resources checks everything else). */
function checkListFields(state: NodeState, name: string, fields: unknown): void {
  if (typeof fields !== 'object' || fields === null) return
  for (const key of PAGING_OPTIONS) {
    if (Object.hasOwn(fields, key)) {
      throw new UsageError(
        `${key} is an option of ${state.path}.${name}(), not a field: call ${name}({ qs: { ... } }, { ${key}: ... }).`,
      )
    }
  }
}

/** Options of `iterate()` and `all()`, as resources checked them. */
interface PagingOptions extends CallOptions {
  pageSize?: number
  max?: number
}

// One call of resources' buildRequest: the route is the node's (no look-up), and input, options,
// method and plain-object rules are checked there once.
function buildFor(
  state: NodeState,
  entry: NodeMethod,
  caller: string,
  fields: unknown,
  options: unknown,
  callerOptions?: readonly string[],
): BuiltRequest {
  const { context } = state
  return buildRequest({
    route: entry.route,
    method: entry.method,
    params: paramsFor(entry.route, state.values),
    input: fields as Record<string, unknown> | undefined,
    actor: context.client.actor,
    defaults: context.defaults,
    expandUnderscores: context.expandUnderscores,
    options: options as CallOptions | undefined,
    callerOptions,
    caller,
  })
}

// Not async: one promise less per call on the hot path; argument errors still reject. Builds (unless
// given the request a read built once) and sends in one function: it runs once per call.
function call(
  state: NodeState,
  entry: NodeMethod,
  caller: string,
  fields: unknown,
  options: unknown,
  built?: BuiltRequest,
): Promise<unknown> {
  let request = built
  if (request === undefined) {
    try {
      request = buildFor(state, entry, caller, fields, options)
    } catch (error) {
      return Promise.reject(error)
    }
  }
  const { client } = state.context
  const sent = client.request(request)
  if (!entry.never404) return sent
  const answered = request
  return sent.then((value) => (value === null ? notFound(client, answered) : value))
}

/** The MAX 404 behind a `null` from core, as a RequestError with MAX's error name when known. */
function notFound(client: MaxCore, request: BuiltRequest): never {
  const last = client.lastResponse
  const url = `${client.url}${request.path}`
  if (last?.status === 404 && (last.url === url || last.url.startsWith(`${url}?`))) {
    interpretResponse({ ...last, method: request.method }, { notFound: 'throw' })
  }
  throw new RequestError(`${request.method} ${url}: not found (HTTP 404)`, {
    status: 404,
    method: request.method,
    url,
  })
}

function iterate(
  state: NodeState,
  entry: NodeMethod,
  fields: unknown,
  options: unknown,
): AsyncIterable<unknown> {
  checkListFields(state, 'iterate', fields)
  const request = buildFor(state, entry, `${state.path}.iterate()`, fields, options, PAGING_OPTIONS)
  const paging = (options ?? {}) as PagingOptions
  return paginate(state.context.client, request, pageOptions(entry, request, paging, paging.max))
}

async function all(
  state: NodeState,
  entry: NodeMethod,
  fields: unknown,
  options: unknown,
): Promise<unknown[]> {
  checkListFields(state, 'all', fields)
  const request = buildFor(state, entry, `${state.path}.all()`, fields, options, PAGING_OPTIONS)
  const paging = (options ?? {}) as PagingOptions
  return collect(
    paginate(state.context.client, request, pageOptions(entry, request, paging, undefined)),
    paging.max,
  )
}

/** Page size and cap from the caller; cursor field and direction from the catalog (resources). */
function pageOptions(
  entry: NodeMethod,
  request: BuiltRequest,
  options: PagingOptions,
  max: number | undefined,
): PaginateOptions<unknown> {
  return { pageSize: options.pageSize, max, ...paginationFor(entry.route, 'GET', request.query) }
}

function effectiveDefaults(state: NodeState, method: unknown): Record<string, unknown> | undefined {
  const entry = typeof method === 'string' ? state.methods.get(method.toLowerCase()) : undefined
  if (!entry) {
    throw new UsageError(
      `${state.path}.defaults() takes one of the methods of this resource (${[...state.methods.keys()].join(', ')}), got ${JSON.stringify(method) ?? String(method)}.`,
    )
  }
  return defaultsFor(entry.route.pattern, entry.method, state.context.defaults)
}

import { type MaxCore, type MaxRequest, sendThen } from '@maxclient/core'
import { fields, flag, OPTION_KEYS, options, withFields } from './arguments.js'
import { type Call, iterate, toRequest } from './call.js'
import { rpcMethods } from './methods.generated.js'
import { type RpcItem, type RpcReturn, toResult } from './result.js'
import { type Draft, RULES, type Rule } from './rules.js'
import type { RpcMethodName, RpcMethodSpec } from './table.js'
import type { BodyOptions, IterateOptions, ListOptions, PermissionOptions } from './types.js'

/** One positional argument of a table method. */
export interface Arg {
  readonly name: string
  readonly optional: boolean
  readonly rule: Rule
  /** The value an optional argument takes when left out. */
  readonly default?: string
}

/** Reads the table's `name?:rule` parameters once, when the client class is built. */
export function parseArgs(specs: readonly string[]): Arg[] {
  return specs.map((spec) => {
    const [, head = '', ruleName, fallback] = /^([^:=]*)(?::([^=]*))?(?:=(.*))?$/.exec(spec) ?? []
    const optional = head.endsWith('?')
    const name = optional ? head.slice(0, -1) : head
    const rule = RULES[ruleName ?? name]
    if (!rule) throw new Error(`rpc method table: no rule '${ruleName ?? name}' for argument '${spec}'`)
    return fallback === undefined ? { name, optional, rule } : { name, optional, rule, default: fallback }
  })
}

function fill(
  client: MaxCore,
  method: string,
  args: readonly Arg[],
  values: ArrayLike<unknown>,
  qs: unknown,
): Draft {
  // Every field set up front: one object shape for every call.
  const draft: Draft = {
    params: {},
    qs: qs as Record<string, unknown> | undefined,
    body: undefined,
    data: undefined,
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    const value = values[i] === undefined ? arg.default : values[i]
    arg.rule.feed(draft, method, arg.name, value, client, arg.optional)
  }
  return draft
}

/** A table method's arguments, read from the table on its first call. */
interface Compiled {
  readonly args: readonly Arg[]
  readonly countAt: number
  /** The arguments of the iterator form: all but `count`. */
  readonly iterated: readonly Arg[]
  /** The keys its options object accepts. */
  readonly allowed: readonly string[]
  /** GET or HEAD: the same arguments send the same request (see `reads`). */
  readonly read: boolean
}

const compiled = new Map<string, Compiled>()

function compile(name: RpcMethodName): Compiled {
  let found = compiled.get(name)
  if (found === undefined) {
    const spec: RpcMethodSpec = rpcMethods[name]
    const args = parseArgs(spec.rules)
    const countAt = args.findIndex((arg) => arg.rule === RULES.count)
    const iterated = args.filter((arg) => arg.rule !== RULES.count)
    found = {
      args,
      countAt,
      iterated,
      allowed: OPTION_KEYS[spec.options ?? 'call'],
      read: spec.method === 'GET' || spec.method === 'HEAD',
    }
    compiled.set(name, found)
  }
  return found
}

/**
 * Runs the table method `name` with the arguments it was called with: checks the options object and
 * each positional argument (a bad one is a `UsageError`), then sends the call. A `count` argument
 * set to `true` hands the call to the method's `count*` twin.
 */
export function run<N extends RpcMethodName>(
  client: MaxCore,
  name: N,
  values: ArrayLike<unknown>,
): RpcReturn<N> {
  // Not async: one promise less per call. Bad arguments still reject rather than throw.
  try {
    return start(client, name, values)
  } catch (error) {
    return Promise.reject(error)
  }
}

/**
 * Built reads, for calls with text arguments only and no options: such a call sends the same
 * request every time for the same actor (core never changes a request), so it is checked and
 * built once. A tree of Maps, by method, actor, then each argument in turn (`undefined` for one
 * left out): looking a call up hashes the strings it was given, and builds no key. Bounded, since
 * argument values are open-ended.
 */
const reads = new Map<string, Map<unknown, unknown>>()
let readCount = 0
const MAX_READS = 256

/** True when the call's request can be cached in {@link reads}. */
function isCacheableRead(compiled: Compiled, values: ArrayLike<unknown>): boolean {
  if (!compiled.read || compiled.countAt >= 0 || values.length > compiled.args.length) return false
  for (let i = 0; i < values.length; i++) {
    const value = values[i]
    if (value !== undefined && typeof value !== 'string') return false
  }
  return true
}

function findRead(name: string, actor: string | undefined, compiled: Compiled, values: ArrayLike<unknown>) {
  let node = reads.get(name)?.get(actor)
  for (let i = 0; i < compiled.args.length && node !== undefined; i++) {
    node = (node as Map<unknown, unknown>).get(values[i])
  }
  return node as MaxRequest | undefined
}

function storeRead(
  name: string,
  actor: string | undefined,
  compiled: Compiled,
  values: ArrayLike<unknown>,
  request: MaxRequest,
): void {
  if (readCount >= MAX_READS) {
    reads.clear()
    readCount = 0
  }
  let node = reads.get(name)
  if (node === undefined) {
    node = new Map()
    reads.set(name, node)
  }
  let key: unknown = actor
  for (let i = 0; i < compiled.args.length; i++) {
    let next = node.get(key) as Map<unknown, unknown> | undefined
    if (next === undefined) {
      next = new Map()
      node.set(key, next)
    }
    node = next
    key = values[i]
  }
  node.set(key, request)
  readCount++
}

/** Sends a call: a read built before as it is, anything else checked and built (and kept when it is a read). */
function start<N extends RpcMethodName>(client: MaxCore, name: N, values: ArrayLike<unknown>): RpcReturn<N> {
  const compiled = compile(name)
  const cacheable = isCacheableRead(compiled, values)
  if (cacheable) {
    const built = findRead(name, client.actor, compiled, values)
    if (built !== undefined) return sendThen(client, built, toResult) as RpcReturn<N>
  }
  const { args, countAt, allowed } = compiled
  if (countAt >= 0 && flag(name, 'count', values[countAt])) {
    const rest = Array.prototype.slice.call(values)
    rest.splice(countAt, 1)
    const twin = name.replace(/^get/, 'count')
    return (client as unknown as Record<string, (...values: unknown[]) => RpcReturn<N>>)[twin]!(...rest)
  }
  const o = options<ListOptions & BodyOptions & PermissionOptions>(
    name,
    values[args.length] as never,
    allowed,
  )
  const draft = fill(client, name, args, values, o.qs)
  if (o.permanent !== undefined) {
    // The server reads any non-empty value as true and an empty one as false.
    draft.qs = { ...draft.qs, permanent: flag(name, 'permanent', o.permanent) ? '1' : '' }
  }
  const call: Call = { params: draft.params, qs: draft.qs, options: o }
  if (draft.body !== undefined) call.body = withFields(name, draft.body, o.fields)
  if (draft.data !== undefined) call.data = draft.data
  const request = toRequest(client, name, call)
  if (cacheable) storeRead(name, client.actor, compiled, values, request)
  return sendThen(client, request, toResult) as RpcReturn<N>
}

/** Runs the async-iterator form of the list method `name`: its arguments without `count`, then page options. */
export function runIterator<N extends RpcMethodName>(
  client: MaxCore,
  name: N,
  values: ArrayLike<unknown>,
): AsyncIterable<RpcItem<N>> {
  const method = (rpcMethods[name] as RpcMethodSpec).iterator!
  const args = compile(name).iterated
  const o = options<IterateOptions>(method, values[args.length] as never, OPTION_KEYS.iterate)
  const qs = o.qs === undefined ? undefined : fields(method, 'options.qs', o.qs)
  const draft = fill(client, method, args, values, qs)
  return iterate(client, name, method, { params: draft.params, qs: draft.qs, options: o })
}

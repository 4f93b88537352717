import type { MaxCore } from '@maxclient/core'
import { fields, flag, OPTION_KEYS, options, withFields } from './arguments.js'
import { type Call, iterate, send } from './call.js'
import { type Draft, RULES, type Rule } from './rules.js'
import { type RpcMethodName, type RpcMethodSpec, rpcMethods } from './table.js'
import type { BodyOptions, IterateOptions, ListOptions, PermissionOptions, RpcResult } from './types.js'

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

function fill(client: MaxCore, method: string, args: readonly Arg[], values: unknown[], qs: unknown): Draft {
  const draft: Draft = { params: {} }
  if (qs !== undefined) draft.qs = qs as Record<string, unknown>
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    const value = values[i] === undefined ? arg.default : values[i]
    arg.rule.feed(draft, method, arg.name, value, client, arg.optional)
  }
  return draft
}

type TableMethod = (this: MaxCore, ...values: unknown[]) => Promise<RpcResult<unknown>>

/**
 * The method `name` as the table describes it: checks the options object and each positional
 * argument (a bad one is a `UsageError`), then sends the call. A `count` argument set to `true`
 * hands the call to the method's `count*` twin.
 */
export function tableMethod(name: RpcMethodName): TableMethod {
  const spec: RpcMethodSpec = rpcMethods[name]
  const args = parseArgs(spec.rules)
  const allowed = OPTION_KEYS[spec.options ?? 'call']
  const countAt = args.findIndex((arg) => arg.rule === RULES.count)
  const twin = name.replace(/^get/, 'count')
  return named(name, async function (this: MaxCore, ...values: unknown[]) {
    if (countAt >= 0 && flag(name, 'count', values[countAt])) {
      values.splice(countAt, 1)
      return (this as unknown as Record<string, TableMethod>)[twin]!.apply(this, values)
    }
    const o = options<ListOptions & BodyOptions & PermissionOptions>(
      name,
      values[args.length] as never,
      allowed,
    )
    const draft = fill(this, name, args, values, o.qs)
    if (o.permanent !== undefined) {
      // The server reads any non-empty value as true and an empty one as false.
      draft.qs = { ...draft.qs, permanent: flag(name, 'permanent', o.permanent) ? '1' : '' }
    }
    const call: Call = { params: draft.params, qs: draft.qs, options: o }
    if (draft.body !== undefined) call.body = withFields(name, draft.body, o.fields)
    if (draft.data !== undefined) call.data = draft.data
    return send(this, name, call)
  })
}

/** The async-iterator form of the list method `name`: its arguments without `count`, then page options. */
export function tableIterator(
  name: RpcMethodName,
): (this: MaxCore, ...values: unknown[]) => AsyncIterable<unknown> {
  const spec: RpcMethodSpec = rpcMethods[name]
  const method = spec.iterator!
  const args = parseArgs(spec.rules).filter((arg) => arg.rule !== RULES.count)
  return named(method, function (this: MaxCore, ...values: unknown[]) {
    const o = options<IterateOptions>(method, values[args.length] as never, OPTION_KEYS.iterate)
    const qs = o.qs === undefined ? undefined : fields(method, 'options.qs', o.qs)
    const draft = fill(this, method, args, values, qs)
    return iterate(this, name, method, { params: draft.params, qs: draft.qs, options: o })
  })
}

/** Gives a built function the method's name (stack traces, `fn.name`). */
export function named<F extends (...args: never[]) => unknown>(name: string, fn: F): F {
  Object.defineProperty(fn, 'name', { value: name })
  return fn
}

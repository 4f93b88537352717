import {
  type HttpMethod,
  isHttpMethod,
  isPlainObject,
  type MaxRequest,
  type QueryParams,
  type RequestOptions,
  trustRequest,
  UsageError,
} from '@maxclient/core'
import { applyPlan, findPlan, rememberPlan } from './body-plan.js'
import { type DefaultsTable, defaultsFor } from './defaults.js'
import { expandFields } from './expand.js'
import { checkJson } from './json.js'
import { assertSafeKey, deepMerge, mergeOwned } from './merge.js'
import { buildMultipart, type UploadInput } from './multipart.js'
import { describe, fillPattern } from './params.js'
import { toQueryParams } from './query.js'
import { findRoute, methodOf } from './routes.js'
import type { RouteSpec } from './spec.js'

/**
 * What a caller passes to one API call: body fields (expanded and merged over the defaults),
 * or `data` as the whole body; `qs` for the query string; `upload_file` (part `file`) and
 * `upload_file_<id>` (part `<id>`) for multipart uploads.
 */
export interface CallInput {
  data?: unknown
  qs?: Record<string, unknown>
  [field: string]: unknown
}

/**
 * The per-call options of every client (rest, rpc, the CLI): core's request options plus how body
 * field names expand. Unknown keys are a {@link @maxclient/core!UsageError | UsageError}.
 */
export interface CallOptions extends RequestOptions {
  /** Expand `object_content` into `{ object: { content } }`; overrides the client's setting. */
  expandUnderscores?: boolean
}

/** The keys of {@link CallOptions}, in the order messages list them. */
export const CALL_OPTIONS: readonly (keyof CallOptions)[] = [
  'signal',
  'timeout',
  'retry',
  'headers',
  'maxResponseSize',
  'expandUnderscores',
]
const CALL_OPTION_SET: ReadonlySet<string> = new Set(CALL_OPTIONS)

/** Arguments of {@link buildRequest}: the route (its catalog spec, or its pattern) and the call. */
export type BuildRequestArgs = BuildRequestBase &
  (
    | {
        /** The catalog route, when the caller already holds it (no look-up). */ route: RouteSpec
        pattern?: string
      }
    | { route?: undefined /** A catalog pattern, looked up once. */; pattern: string }
  )

/** Arguments of {@link buildRequest} besides the route. */
export interface BuildRequestBase {
  method: HttpMethod
  params: Record<string, string>
  input?: CallInput | undefined
  /** The current actor, for `':me'`. */
  actor?: string | undefined
  /** Per-client default bodies; a key here replaces the built-in default of that key. */
  defaults?: DefaultsTable | undefined
  /** Split field names on `_` (default true). */
  expandUnderscores?: boolean | undefined
  /**
   * Body fields given apart from `input`, so no key of theirs is read as `qs`, `data` or an upload
   * (for clients whose bodies come from positional arguments): one set or several. Each set is
   * expanded and checked like the loose fields of `input` (itself one more set); the sets then merge
   * (nested objects combine; a place two sets both set is a conflict) over the defaults.
   */
  fields?: Record<string, unknown> | readonly Record<string, unknown>[] | undefined
  /**
   * Per-call options: `signal`, `timeout`, `retry`, `headers` and `maxResponseSize` are copied into
   * the request; `expandUnderscores` here wins over the argument of that name.
   */
  options?: CallOptions | undefined
  /** Other option names the caller takes itself (e.g. `pageSize`, `max`): accepted and left alone. */
  callerOptions?: readonly string[] | undefined
  /** How messages name the call, e.g. `/people/alice.get()`; default `'METHOD /pattern'`. */
  caller?: string | undefined
}

/**
 * A complete core request, marked with core's `trustRequest` (core does not check it again):
 * structured `query`, the body, `auth`, and the per-call options that were given.
 */
export interface BuiltRequest extends MaxRequest {
  method: HttpMethod
  path: string
  // `query`, when set, is always structured (`QueryParams`): the caller's `qs`, checked and copied;
  // absent when there is nothing to send. Core encodes it once. (Typed as MaxRequest's for callers
  // written when it was a string.)
  body?: unknown
  /** False for public (Anonymous) routes, which must not get credentials. */
  auth: boolean
}
const UPLOAD_PREFIX = 'upload_file_'
const checkedTables = new WeakSet<object>()

/**
 * Checks a per-client defaults table once: keys must be `'METHOD /pattern'` of a catalog route
 * method, values plain objects. A typo would otherwise never apply.
 */
export function checkDefaultsTable(table: DefaultsTable): void {
  if (checkedTables.has(table)) return
  if (!isPlainObject(table)) {
    throw new UsageError(
      "Defaults must be an object keyed by 'METHOD /pattern', e.g. { 'POST /contexts': {...} }",
    )
  }
  for (const key of Object.keys(table)) {
    const space = key.indexOf(' ')
    const method = key.slice(0, space)
    const pattern = key.slice(space + 1)
    const route = space > 0 ? findRoute(pattern) : undefined
    if (!isHttpMethod(method) || !route?.methods[method]) {
      throw new UsageError(
        `Defaults key '${key}' names no route method of the catalog; keys look like 'POST /people/{username}/activities'`,
      )
    }
    if (!isPlainObject(table[key])) {
      throw new UsageError(
        `Defaults for '${key}' must be a plain object of body fields, got ${describe(table[key])}`,
      )
    }
    checkJson(table[key], `defaults['${key}']`)
  }
  checkedTables.add(table)
}

/**
 * A checked, deep copy of a per-client defaults table, for a client to keep: later changes to the
 * caller's object can neither bypass the check nor change the client's requests.
 */
export function ownDefaultsTable(table: DefaultsTable): DefaultsTable {
  checkDefaultsTable(table)
  const owned = deepMerge(undefined, table) as DefaultsTable
  checkedTables.add(owned)
  return owned
}

// Both are fresh expansions we own. A leaf both set is a conflict, as inside one expansion.
function mergeStrict(
  target: Record<string, unknown>,
  source: Record<string, unknown>,
  path: readonly string[],
): Record<string, unknown> {
  for (const key of Object.keys(source)) {
    const here = [...path, key]
    const current = Object.hasOwn(target, key) ? target[key] : undefined
    const value = source[key]
    if (current === undefined) target[key] = value
    else if (isPlainObject(current) && isPlainObject(value)) mergeStrict(current, value, here)
    else {
      throw new UsageError(
        `Fields conflict: '${here.join('.')}' is set twice (by the call and by its extra fields); pass it once`,
      )
    }
  }
  return target
}

function unknownRoute(pattern: unknown): never {
  throw new UsageError(
    `Unknown route pattern ${describe(pattern)}: use a catalog pattern such as '/people/{username}/activities'`,
  )
}

function allowed(route: RouteSpec): string {
  const methods = Object.keys(route.methods)
  if (route.methods.GET) methods.push('HEAD')
  return methods.join(', ')
}

/**
 * Checks per-call options: every key must be a {@link CallOptions} key or one of `callerOptions`.
 * @returns the options as given (or an empty object).
 */
export function checkCallOptions(
  options: unknown,
  caller: string,
  callerOptions: readonly string[] = [],
): CallOptions {
  if (options === undefined) return {}
  if (!isPlainObject(options)) {
    throw new UsageError(
      `${caller} takes an options object as its second argument, got ${describe(options)}.`,
    )
  }
  for (const key of Object.keys(options)) {
    if (!CALL_OPTION_SET.has(key) && !callerOptions.includes(key)) {
      throw new UsageError(
        `Unknown option "${key}" for ${caller}; valid options: ${[...CALL_OPTIONS, ...callerOptions].join(', ')}. ` +
          'Request fields go in the first argument.',
      )
    }
  }
  const expand = options.expandUnderscores
  if (expand !== undefined && typeof expand !== 'boolean') {
    throw new UsageError(
      `The expandUnderscores option of ${caller} must be true or false, got ${describe(expand)}.`,
    )
  }
  return options as CallOptions
}

/**
 * Turns a route, method, path parameters, caller input and per-call options into a complete,
 * trusted core request, once: fills and encodes the path, checks the query (kept structured), builds
 * the body from the endpoint defaults and the caller's expanded fields (or `data`, or a multipart
 * form for uploads), and copies the per-call options in. Every value must survive JSON unchanged
 * (see `checkJson`).
 */
export function buildRequest(args: BuildRequestArgs): BuiltRequest {
  const planned = buildPlanned(args)
  return typeof planned === 'object' ? planned : buildChecked(args, planned)
}

/** Input keys that are not body fields: the query, the whole body, and files. */
function isReservedInput(key: string): boolean {
  return key === 'qs' || key === 'data' || key === 'upload_file' || key.startsWith(UPLOAD_PREFIX)
}

/**
 * The body fields of a planned call's `input`: the input itself when it holds a field, `undefined`
 * when it holds none, and `null` when it is not for the planned path (not a plain object, or a
 * query, whole body or file in it).
 */
function plannedInputFields(input: Record<string, unknown>): Record<string, unknown> | undefined | null {
  if (!isPlainObject(input)) return null
  let set: Record<string, unknown> | undefined
  for (const key in input) {
    if (!Object.hasOwn(input, key) || input[key] === undefined) continue
    if (isReservedInput(key)) return null
    set = input
  }
  return set
}

/**
 * The common call, built without the general machinery: a known route, no per-call options or
 * query, and body fields of a shape already built once (so already checked: see `body-plan.ts`).
 * For anything else, the path when it was filled before the call turned out not to be planned (so
 * the general path does not fill and hash it again), or `undefined`. Kept small on purpose: V8
 * counts a function's size against its tier-up, and this one runs once per call (see
 * bench/README.md, "Instructions per request").
 */
function buildPlanned(args: BuildRequestArgs): BuiltRequest | string | undefined {
  const { route, method, input, fields } = args
  if (route === undefined || args.options !== undefined || !isHttpMethod(method)) return undefined
  const spec = methodOf(route, method)
  if (spec === undefined) return undefined
  // Uploads (`upload_*` keys) take the general path; an upload route without files sends JSON.
  let set = input === undefined ? undefined : plannedInputFields(input)
  if (fields !== undefined) set = set === undefined && isPlainObject(fields) ? fields : null
  if (set === null) return undefined
  // The general path fills the path before it reads any field, so its errors come first here too.
  const path = fillPattern(route.pattern, args.params ?? {}, { actor: args.actor })
  const auth = spec.permission !== 'Anonymous'
  if (method === 'GET' || method === 'HEAD')
    return set === undefined ? trustRequest({ method, path, auth }) : path
  if (set === undefined) return path
  const values: unknown[] = []
  const plan = findPlan(set, args.expandUnderscores ?? true, values)
  if (plan === undefined) return path
  const table = args.defaults
  if (table) checkDefaultsTable(table)
  const body = applyPlan(plan, values, defaultsFor(route.pattern, method, table) ?? {})
  return trustRequest({ method, path, auth, body })
}

/** The general path; `filledPath` is the route's path when `buildPlanned` already filled it. */
function buildChecked(args: BuildRequestArgs, filledPath: string | undefined): BuiltRequest {
  const { method, input } = args
  if (!isHttpMethod(method)) {
    throw new UsageError(`Unknown HTTP method ${describe(method)}: use GET, POST, PUT, DELETE or HEAD`)
  }
  const route = args.route ?? findRoute(args.pattern as string) ?? unknownRoute(args.pattern)
  const pattern = route.pattern
  const spec = methodOf(route, method)
  if (!spec) {
    throw new UsageError(`${pattern} does not answer ${method}; it answers ${allowed(route)}`)
  }
  const caller = args.caller ?? `${method} ${pattern}`
  const options =
    args.options === undefined ? undefined : checkCallOptions(args.options, caller, args.callerOptions)
  const path = filledPath ?? fillPattern(pattern, args.params ?? {}, { actor: args.actor })
  if (input !== undefined && !isPlainObject(input)) {
    throw new UsageError(
      `${caller} takes an object of fields as its first argument (e.g. { qs: { limit: 5 } } or { data: ... }), got ${describe(input)}`,
    )
  }

  let query: QueryParams | undefined
  let data: unknown
  let hasData = false
  let fields: Record<string, unknown> | undefined
  let files: Record<string, UploadInput> | undefined
  if (input) {
    for (const key of Object.keys(input)) {
      const value = input[key]
      if (value === undefined) continue
      if (key === 'qs') {
        query = toQueryParams(value)
      } else if (key === 'data') {
        checkJson(value, 'data')
        data = value
        hasData = true
      } else if (isReservedInput(key)) {
        const id = key === 'upload_file' ? 'file' : key.slice(UPLOAD_PREFIX.length)
        if (id === '')
          throw new UsageError(`'${key}' needs a part name after '${UPLOAD_PREFIX}', e.g. upload_file_image`)
        assertSafeKey(id, 'An upload part')
        files ??= {}
        files[id] = value as UploadInput
      } else {
        fields ??= {}
        fields[key] = value
      }
    }
  }

  // Field sets are expanded one by one, then merged strictly: nested objects combine, and a place
  // two sets both set is a conflict, as within one set.
  const sets: Record<string, unknown>[] = []
  if (fields) sets.push(fields)
  const extra = args.fields === undefined ? [] : Array.isArray(args.fields) ? args.fields : [args.fields]
  for (const set of extra) {
    if (!isPlainObject(set)) {
      throw new UsageError(
        `Body fields must be a plain object of field names to values, got ${describe(set)}`,
      )
    }
    const defined = Object.keys(set).filter((key) => set[key] !== undefined)
    if (defined.length === 0) continue
    sets.push(set)
    fields ??= {}
    for (const key of defined) fields[key] = set[key]
  }

  const request: BuiltRequest = { method, path, auth: spec.permission !== 'Anonymous' }
  if (query !== undefined) request.query = query
  if (options !== undefined) copyOptions(request, options)
  if (method === 'GET' || method === 'HEAD') {
    if (files) throw new UsageError(`${method} requests cannot upload files; uploads go with POST`)
    if (hasData || fields) {
      const names = [...(hasData ? ['data'] : []), ...Object.keys(fields ?? {})]
      throw new UsageError(
        `${method} ${pattern} sends no body, but got ${names.map((n) => `'${n}'`).join(', ')}; pass query parameters as { qs: { ... } }`,
      )
    }
    return trustRequest(request)
  }
  if (hasData && fields) {
    throw new UsageError(
      `'data' is the whole body and cannot be mixed with other fields (${Object.keys(fields)
        .map((n) => `'${n}'`)
        .join(', ')}); put them inside data or drop data`,
    )
  }
  if (files && !spec.upload) {
    throw new UsageError(`${method} ${pattern} does not accept file uploads`)
  }
  const form = spec.uploadForm ?? 'json_data+file'
  if (files && form === 'file') {
    if (hasData || fields) {
      const names = [...(hasData ? ['data'] : []), ...Object.keys(fields ?? {})]
      throw new UsageError(
        `${method} ${pattern} uploads the file alone (the server reads the first form field as the file), so it takes no body fields; got ${names.map((n) => `'${n}'`).join(', ')}`,
      )
    }
    request.body = buildMultipart(undefined, files, form)
    return trustRequest(request)
  }

  let body: unknown
  if (hasData) {
    body = data
  } else {
    const table = args.defaults
    if (table) checkDefaultsTable(table)
    const defaults = defaultsFor(pattern, method, table)
    const underscores = options?.expandUnderscores ?? args.expandUnderscores ?? true
    const single = sets.length === 1 ? sets[0]! : undefined
    const values: unknown[] = []
    const plan = single === undefined ? undefined : findPlan(single, underscores, values)
    if (plan !== undefined) {
      body = applyPlan(plan, values, defaults ?? {})
    } else {
      const expand = { expandUnderscores: underscores }
      let expanded: Record<string, unknown> | undefined
      for (const set of sets) {
        const next = expandFields(set, expand)
        expanded = expanded ? mergeStrict(expanded, next, []) : next
      }
      // Both are fresh copies we own, so they can be merged in place.
      body = defaults ? (expanded ? mergeOwned(defaults, expanded) : defaults) : (expanded ?? {})
      if (single !== undefined) rememberPlan(single, underscores)
    }
  }
  request.body = files ? buildMultipart(body, files, form) : body
  return trustRequest(request)
}

// Only the options given are set, so a request carries no undefined keys.
function copyOptions(request: BuiltRequest, options: CallOptions): void {
  if (options.signal !== undefined) request.signal = options.signal
  if (options.timeout !== undefined) request.timeout = options.timeout
  if (options.retry !== undefined) request.retry = options.retry
  if (options.headers !== undefined) request.headers = options.headers
  if (options.maxResponseSize !== undefined) request.maxResponseSize = options.maxResponseSize
}

import { type MaxCore, type MaxRequest, paginate, sendThen, UsageError } from '@maxclient/core'
import {
  buildRequest,
  type CallInput,
  type DefaultsTable,
  findRoute,
  paginationFor,
  type RouteSpec,
  type UploadInput,
} from '@maxclient/resources'
import { NO_OPTIONS, text } from './arguments.js'
import { rpcMethods } from './methods.generated.js'
import { toResult } from './result.js'
import type { RpcMethodName } from './table.js'
import type { CallOptions, IterateOptions, RpcResult } from './types.js'

/** What one call sends, before it becomes a core request. */
export interface Call {
  params?: Record<string, string>
  /**
   * JSON body fields, expanded, checked and merged over the endpoint defaults by `buildRequest`;
   * several sets (the built body, then `options.fields`) merge strictly.
   */
  body?: Record<string, unknown> | readonly Record<string, unknown>[]
  /** A body that is not an object (the tag list). */
  data?: unknown
  qs?: object | undefined
  file?: UploadInput | undefined
  options?: CallOptions
}

/** The per-call options a request carries (`expandUnderscores` is read when building it). */
const REQUEST_OPTIONS = ['signal', 'timeout', 'retry', 'headers', 'maxResponseSize'] as const

const routes = new Map<string, RouteSpec>()
/** A method's route, looked up once per pattern rather than on every call. */
function routeOf(pattern: string): RouteSpec {
  let route = routes.get(pattern)
  if (route === undefined) {
    route = findRoute(pattern)!
    routes.set(pattern, route)
  }
  return route
}

/** Per-client default bodies, set by the constructor (kept off the instance's own keys). */
export const clientDefaults = new WeakMap<MaxCore, DefaultsTable>()

/**
 * The core request of a call of method `name`: the one place rpc asks resources to build a request,
 * so a change of `buildRequest` touches only this function.
 */
export function toRequest(client: MaxCore, name: RpcMethodName, call: Call): MaxRequest {
  const spec = rpcMethods[name]
  const input: CallInput = {}
  if (call.qs !== undefined) input.qs = call.qs as Record<string, unknown>
  if (call.data !== undefined) input.data = call.data
  if (call.file !== undefined) input.upload_file = call.file
  const given = call.options
  // Only the per-call options go on (rpc's own keys such as qs were read above): none on most calls.
  const options = requestOptions(given)
  // The request comes back complete and trusted: core does not check it again.
  return buildRequest({
    route: routeOf(spec.pattern),
    method: spec.method,
    params: call.params ?? {},
    input,
    // Body fields go apart from `input`, so a caller key is never read as qs, data or upload_file.
    fields: call.body,
    // RPC fields are named as the server spells them unless the caller asks; dotted keys still expand.
    expandUnderscores: given?.expandUnderscores ?? false,
    actor: client.actor,
    defaults: clientDefaults.get(client),
    options,
  })
}

/** Sends a call of method `name` and resolves to its `[ok, status, content]` tuple. */
export function send(client: MaxCore, name: RpcMethodName, call: Call): Promise<RpcResult<unknown>> {
  return sendThen(client, toRequest(client, name, call), toResult)
}

/** The per-call options a request carries, or `undefined` when there are none. */
function requestOptions(given: Call['options']): CallOptions | undefined {
  let options: CallOptions | undefined
  if (given !== undefined && given !== NO_OPTIONS) {
    for (const key of REQUEST_OPTIONS) {
      if (given[key] === undefined) continue
      options ??= {}
      options[key] = given[key] as never
    }
  }
  return options
}

/** Pages through the list method `name`; `method` is the iterator's name, for error messages. */
export function iterate<T>(
  client: MaxCore,
  name: RpcMethodName,
  method: string,
  call: Call & { options: IterateOptions },
): AsyncIterable<T> {
  for (const driven of ['limit', 'before'] as const) {
    if (call.qs && Object.hasOwn(call.qs, driven)) {
      throw new UsageError(
        `${method}(): the iterator drives '${driven}' itself; use pageSize for the page size and max to stop early`,
      )
    }
  }
  const request = toRequest(client, name, call)
  const { pageSize, max } = call.options
  // The catalog knows each list's cursor field and page order (and which queries change them).
  const paging = paginationFor<T>(rpcMethods[name].pattern, 'GET', request.query)
  return paginate<T>(client, request, {
    ...paging,
    ...(pageSize === undefined ? {} : { pageSize }),
    ...(max === undefined ? {} : { max }),
  })
}

/** The username argument, or the actor when it is left out. */
export function userOrActor(client: MaxCore, method: string, username: unknown): string {
  if (username !== undefined) return text(method, 'username', username)
  const actor = client.actor
  if (!actor) {
    throw new UsageError(
      `${method}(): no username given and no actor set; pass a username, or log in / call setActor() first`,
    )
  }
  return actor
}

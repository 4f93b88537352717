import { countOf, interpretResponse, isPlainObject, type MaxResponse, RequestError } from '@maxclient/core'
import type { MethodsOf, Pattern, ResponseOf } from '@maxclient/resources'
import type { RouteOf, RpcMethodName } from './table.js'
import type { RpcErrorContent, RpcResult } from './types.js'

/**
 * The `[ok, status, content]` tuple of a response. A 2xx content follows core's shared response
 * rules (so it equals what the REST client returns); a failure carries the MAX error body, or one
 * built from core's description of the failure when the server sent no JSON error.
 */
export function toResult(response: MaxResponse): RpcResult<unknown> {
  // A 2xx content as core's `interpretResponse` gives it: the count for HEAD, else the body.
  if (response.ok)
    return [true, response.status, response.method === 'HEAD' ? countOf(response) : response.body]
  return [false, response.status, errorContent(response)]
}

function errorContent(response: MaxResponse): RpcErrorContent {
  const body = response.body
  if (isPlainObject(body) && typeof body.error === 'string') {
    return typeof body.error_description === 'string'
      ? (body as RpcErrorContent)
      : { ...body, error: body.error, error_description: '' }
  }
  try {
    interpretResponse(response)
  } catch (error) {
    if (error instanceof RequestError) {
      return { error: error.error ?? 'HTTPError', error_description: error.description ?? error.message }
    }
    throw error
  }
  // Only a 404 with a non-error JSON body gets here.
  return { error: 'HTTPError', error_description: `HTTP ${response.status}` }
}

type ContentOf<P, M> = P extends Pattern ? (M extends MethodsOf<P> ? ResponseOf<P, M> : never) : never

/** The content a successful call of method `N` resolves to: the catalog's response type, or the count. */
export type RpcContent<N extends RpcMethodName> =
  RouteOf<N> extends `${infer M} ${infer P}` ? (M extends 'HEAD' ? number : ContentOf<P, M>) : never

/** What method `N` resolves to. */
export type RpcReturn<N extends RpcMethodName> = Promise<RpcResult<RpcContent<N>>>

/** One item of the list method `N` answers. */
export type RpcItem<N extends RpcMethodName> = RpcContent<N> extends readonly (infer T)[] ? T : never

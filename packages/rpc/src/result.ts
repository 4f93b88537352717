import { interpretResponse, type MaxResponse, RequestError } from '@maxclient/core'
import { isPlainObject } from './arguments.js'
import type { RpcErrorContent, RpcResult } from './types.js'

/**
 * The `[ok, status, content]` tuple of a response. A 2xx content follows core's shared response
 * rules (so it equals what the REST client returns); a failure carries the MAX error body, or one
 * built from core's description of the failure when the server sent no JSON error.
 */
export function toResult(response: MaxResponse): RpcResult<unknown> {
  if (response.ok) return [true, response.status, interpretResponse(response)]
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

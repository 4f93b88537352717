import { interpretResponse, type MaxCore, type MaxRequest, type MaxResponse } from '@maxclient/core'
import { buildRequest, type CallInput } from '@maxclient/resources'
import type { EndpointCall } from './operations.js'

/**
 * The one place maxcli turns an endpoint call into a request: resources' `buildRequest` (defaults,
 * `:me`, context hashes, encoding) gives the complete `MaxRequest` that rest and rpc send too.
 */
export function requestFor(client: MaxCore, call: EndpointCall, signal?: AbortSignal): MaxRequest {
  const request: MaxRequest = buildRequest({
    pattern: call.pattern,
    method: call.method,
    params: call.params,
    input: call.input as CallInput | undefined,
    actor: client.actor,
  })
  if (signal) request.signal = signal
  return request
}

/** Sends an endpoint call and returns the full response, whatever its status. */
export function sendCall(client: MaxCore, call: EndpointCall, signal?: AbortSignal): Promise<MaxResponse> {
  return client.send(requestFor(client, call, signal))
}

/**
 * Core's shared rules, with one difference for a command line: a 404 that core reads as "no such
 * resource" (`null`) is a failure here, so scripts see exit code 1 instead of an empty result.
 */
export function resultOf(response: MaxResponse): unknown {
  return interpretResponse(response, { notFound: 'throw' })
}

/** Sends an endpoint call and returns its body (or the count for HEAD); error statuses throw `RequestError`. */
export async function callEndpoint(client: MaxCore, call: EndpointCall): Promise<unknown> {
  return resultOf(await sendCall(client, call))
}

import { interpretResponse, type MaxCore, type MaxResponse } from '@maxclient/core'
import { buildRequest, type CallInput } from '@maxclient/resources'
import type { EndpointCall } from './operations.js'

/** Builds the request of an endpoint call (defaults, `:me`, context hashes, encoding) for this client. */
export function prepare(client: MaxCore, call: EndpointCall) {
  return buildRequest({
    pattern: call.pattern,
    method: call.method,
    params: call.params,
    input: call.input as CallInput | undefined,
    actor: client.actor,
  })
}

/** Sends an endpoint call and returns the full response, whatever its status. */
export async function sendCall(
  client: MaxCore,
  call: EndpointCall,
  signal?: AbortSignal,
): Promise<MaxResponse> {
  const built = prepare(client, call)
  const request: Parameters<MaxCore['send']>[0] = { method: built.method, path: built.path, auth: built.auth }
  if (built.query) request.query = built.query
  if (built.body !== undefined) request.body = built.body
  if (signal) request.signal = signal
  return client.send(request)
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

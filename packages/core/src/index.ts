/**
 * `@maxclient/core` for browsers, Deno, Bun and workers: the default transport is `fetch`.
 * Node resolves `index.node.ts` instead (the `node` export condition).
 * @packageDocumentation
 */
import { MaxCore } from './client.js'
import { type HubOptions, resolveHubDomainWith } from './hub.js'

export { MaxCore, sendThen } from './client.js'
export {
  AuthRequiredError,
  type BadCredentialsDetails,
  BadCredentialsError,
  MaxError,
  RequestError,
  type RequestErrorDetails,
  ResponseTooLargeError,
  redactUrl,
  TimeoutError,
  UsageError,
} from './errors.js'
export { createFetchTransport, type FetchLike } from './fetch-transport.js'
export type {
  AfterResponseHook,
  BeforeRequestHook,
  BeforeRetryHook,
  ErrorHook,
  HookRequest,
  Hooks,
  HooksOption,
  RetryInfo,
} from './hooks.js'
export type { HubOptions } from './hub.js'
export { MAX_UPLOAD_SIZE } from './limits.js'
export { isMultipartBody, MultipartBody, type MultipartData, type MultipartPart } from './multipart.js'
export { collect, type PaginateOptions, paginate } from './paginate.js'
export { REDACTED, redactText } from './redact.js'
export {
  HTTP_METHODS,
  type HttpMethod,
  isHttpMethod,
  type QueryParams,
  type QueryValue,
  trustRequest,
} from './request.js'
export { countOf, interpretResponse, parseBody } from './response.js'
export { backoffDelay, parseRetryAfter, type RetryOptions } from './retry.js'
export {
  supportsTimeout,
  type Transport,
  type TransportRequest,
  type TransportResponse,
  TransportTimeoutError,
  withTimeoutSupport,
} from './transport.js'
export type { MaxClientOptions, MaxRequest, MaxResponse, RequestOptions } from './types.js'
export { isPlainObject, preview } from './values.js'

/**
 * The MAX server URL a hub assigns to `domain`, read from `GET {hub}/info`:
 * `domains[domain].max_server_url`, else `default_maxserver_url + '/' + domain`.
 * @throws {@link MaxError} listing the known domains when neither exists.
 * @throws {@link RequestError} naming the hub URL when `/info` fails.
 */
export function resolveHubDomain(domain: string, options: HubOptions): Promise<string> {
  return resolveHubDomainWith(MaxCore, domain, options)
}

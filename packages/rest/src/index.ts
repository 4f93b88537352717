/**
 * `@maxclient/rest`: the MAX client as a lazy, typed resource tree,
 * `client.people['alice'].activities.get()`.
 * @packageDocumentation
 */
export {
  AuthRequiredError,
  BadCredentialsError,
  MaxError,
  type MaxRequest,
  type MaxResponse,
  RequestError,
  type RetryOptions,
  TimeoutError,
  UsageError,
} from '@maxclient/core'
export { MaxClient, RestClient, type RestClientOptions } from './client.js'
export { describeResource, itemOf } from './resource-node.js'
export type {
  AllMethod,
  CallFields,
  CallOptions,
  CountMethod,
  DefaultsMethod,
  IterateMethod,
  IterateOptions,
  QueryFields,
  ResourceMethod,
  ResourceNode,
  RootResources,
} from './types.js'

/**
 * `@maxclient/rpc`: one typed method for every MAX endpoint, each resolving to `[ok, status, content]`.
 * @packageDocumentation
 */
export type { MaxRequest, MaxResponse, RequestOptions, RetryOptions } from '@maxclient/core'
// The error classes of every MAX client, re-exported as @maxclient/rest does.
export {
  AuthRequiredError,
  BadCredentialsError,
  MaxError,
  RequestError,
  TimeoutError,
  UsageError,
} from '@maxclient/core'
export { RpcClient, RpcClient as MaxClient } from './client.generated.js'
export { RpcClientBase, type RpcHandWrittenMethods } from './client.js'
export { rpcCategories, rpcMethods } from './methods.generated.js'
export type { RpcContent, RpcItem, RpcReturn } from './result.js'
export type {
  OptionsKind,
  RouteKey,
  RpcCategory,
  RpcMethodName,
  RpcMethodSpec,
  RpcTableEntry,
} from './table.js'
export type {
  AddTokenOptions,
  AddUserOptions,
  BodyOptions,
  CallOptions,
  ConversationOptions,
  ConversationProperties,
  IterateOptions,
  ListOptions,
  MessageOptions,
  PermissionOptions,
  PostOptions,
  QueryParam,
  ReadOptions,
  RpcClientOptions,
  RpcErrorContent,
  RpcFailure,
  RpcResult,
  RpcSuccess,
  SearchQuery,
  TagsOptions,
  UserProperties,
} from './types.js'

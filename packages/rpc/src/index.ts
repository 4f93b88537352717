/**
 * `@maxclient/rpc`: one typed method for every MAX endpoint, each resolving to `[ok, status, content]`.
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
export { MaxClient, RpcClient, type RpcHandWrittenMethods } from './client.js'
export type { RpcContent, RpcItem, RpcReturn } from './result.js'
export type { RpcTableMethods } from './surface.generated.js'
export {
  type OptionsKind,
  type RouteKey,
  type RpcCategory,
  type RpcMethodName,
  type RpcMethodSpec,
  type RpcTableEntry,
  rpcCategories,
  rpcMethods,
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

export { MaxClient, RpcClient, type RpcContent, type RpcItem, type RpcReturn } from './client.js'
export {
  type RpcCategory,
  type RpcMethodName,
  type RpcMethodSpec,
  rpcCategories,
  rpcMethods,
} from './methods.js'
export type {
  AddTokenOptions,
  AddUserOptions,
  BodyOptions,
  CallOptions,
  ConversationOptions,
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
} from './types.js'

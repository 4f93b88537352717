export { generatedCatalog } from './catalog.generated.js'
export { catalog, mergeCatalog } from './catalog.js'
export { catalogOverrides } from './catalog.overrides.js'
export { builtinDefaults, type DefaultsTable, defaultsFor } from './defaults.js'
export { type ExpandOptions, expandFields } from './expand.js'
export {
  catalogFromInfoApi,
  catalogToInfoApi,
  diffCatalogs,
  infoApiByCategory,
  infoApiRoutes,
  renderCatalogModule,
} from './info-api.js'
export { checkJson, MAX_DEPTH } from './json.js'
export { deepMerge, FORBIDDEN_KEYS } from './merge.js'
export type * from './models.js'
export {
  type BlobUploadInput,
  type ByteStream,
  buildMultipart,
  type UploadData,
  type UploadInput,
} from './multipart.js'
export { type ListPaging, paginationFor } from './pagination.js'
export {
  type CompiledPattern,
  compilePattern,
  contextHash,
  encodeSegment,
  fillPattern,
  type ParamContext,
  resolveParam,
} from './params.js'
export { buildQuery, type QueryParams, type QueryValue, toQueryParams } from './query.js'
export {
  type BuildRequestArgs,
  type BuildRequestBase,
  type BuiltRequest,
  buildRequest,
  CALL_OPTIONS,
  type CallInput,
  type CallOptions,
  checkCallOptions,
  checkDefaultsTable,
  ownDefaultsTable,
} from './request.js'
export { findRoute, matchPath, methodOf, type RouteNode, routePairs, routeTree } from './routes.js'
export { sha1Hex } from './sha1.js'
export type {
  CatalogOverrides,
  HttpMethod,
  InfoMethodSpec,
  InfoRouteSpec,
  MethodSpec,
  ModelName,
  PaginationMode,
  PaginationSpec,
  ParamSpec,
  RouteSpec,
  UploadForm,
} from './spec.js'
export type {
  CatalogNode,
  CatalogRoute,
  CatalogTree,
  DeprecatedMethodsOf,
  MethodsOf,
  ParamNames,
  ParamsOf,
  Pattern,
  ResponseOf,
  ResultOf,
  RouteOf,
} from './tree.js'
export * from './vocabulary.js'

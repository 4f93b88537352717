import type {
  CallInput,
  CallOptions,
  CatalogTree,
  HttpMethod,
  MethodsOf,
  Pattern,
  ResponseOf,
  ResultOf,
  RouteOf,
} from '@maxclient/resources'

/** Per-call options, the second argument of every method: resources' one type for every client. */
export type { CallOptions }

/** Options of `iterate()` and `all()`. */
export interface IterateOptions extends CallOptions {
  /** Items per page (`limit`). Default: `qs.limit` when given, else 100. */
  pageSize?: number
  /** Stop after this many items. */
  max?: number
}

/** Fields of one call: body fields, or `data` as the whole body; `qs`; `upload_file`/`upload_file_<id>`. */
export type CallFields = CallInput

/** Fields of a GET, HEAD or list call: only the query string. */
export interface QueryFields {
  qs?: Record<string, unknown>
}

type GetSpecAt<P extends Pattern> = RouteOf<P> extends { methods: { GET: infer G } } ? G : never
/** True when the route's GET is a list paged with `limit` + `before`. */
type PaginatedAt<P extends Pattern> = GetSpecAt<P> extends { paginated: true } ? true : false

type PatternOf<T> = T extends { $pattern: infer P extends Pattern } ? P : never
/** Methods callable at a node: the catalog's, with HEAD beside every GET as the server answers it. */
type NodeMethods<T> = T extends { $methods: infer M extends HttpMethod } ? Exclude<M, 'HEAD'> : never

/** One item of a list response. */
type ItemOf<R> = R extends readonly (infer I)[] ? I : unknown

/** A method of a resource node; the second argument carries per-call options. */
export type ResourceMethod<P extends Pattern, M extends HttpMethod> =
  M extends MethodsOf<P>
    ? M extends 'GET'
      ? (fields?: QueryFields, options?: CallOptions) => Promise<ResultOf<P, M>>
      : (fields?: CallFields, options?: CallOptions) => Promise<ResultOf<P, M>>
    : never

/**
 * `head()`: the `X-totalItems` count of the GET of this route. Routes whose catalog GET has no
 * `count` answer HEAD without that header, which reads as 0. A missing resource is a
 * `RequestError` with status 404 (a count is always a number).
 */
export type CountMethod = (fields?: QueryFields, options?: CallOptions) => Promise<number>

/** `defaults(method)`: the default body of a method of this node (built-in or per-client), if any. */
export type DefaultsMethod<M extends string> = (
  method: M | Uppercase<M>,
) => Record<string, unknown> | undefined

/** `iterate()`: every item of a paged list, one page at a time. */
export type IterateMethod<P extends Pattern> = (
  fields?: QueryFields,
  options?: IterateOptions,
) => AsyncIterable<ItemOf<ResponseOf<P, 'GET' & MethodsOf<P>>>>

/** `all()`: every item of a paged list collected into an array (optionally capped by `max`). */
export type AllMethod<P extends Pattern> = (
  fields?: QueryFields,
  options?: IterateOptions,
) => Promise<ItemOf<ResponseOf<P, 'GET' & MethodsOf<P>>>[]>

type HasGet<T> = 'GET' extends NodeMethods<T> ? true : false

/** The methods offered at a node, by call name. */
export type Verbs<T, P extends Pattern = PatternOf<T>> = {
  readonly [M in NodeMethods<T> as Lowercase<M>]: ResourceMethod<P, M>
} & (HasGet<T> extends true ? { readonly head: CountMethod } : {}) &
  ([NodeMethods<T>] extends [never]
    ? {}
    : {
        readonly defaults: DefaultsMethod<
          Lowercase<NodeMethods<T>> | (HasGet<T> extends true ? 'head' : never)
        >
      }) &
  (HasGet<T> extends true
    ? PaginatedAt<P> extends true
      ? { readonly iterate: IterateMethod<P>; readonly all: AllMethod<P> }
      : {}
    : {})

type FixedKeys<T> = Exclude<keyof T, `$${string}`> & string

/**
 * A node of the resource tree. Fixed children are properties; the variable child (when the node
 * has one) is reached by index access with any other string. A name that is both a child and a
 * method of the node gives a callable child: call it to run the method, or keep walking from it.
 */
export type ResourceNode<T> = T extends { $var: infer V }
  ? { readonly [value: string]: ResourceNode<V> } & {
      readonly [K in FixedKeys<T>]: K extends keyof Verbs<T>
        ? Verbs<T>[K] & ResourceNode<T[K]>
        : ResourceNode<T[K]>
    } & { readonly [K in Exclude<keyof Verbs<T>, FixedKeys<T>>]: Verbs<T>[K] & ResourceNode<V> }
  : {
      readonly [K in FixedKeys<T>]: K extends keyof Verbs<T>
        ? Verbs<T>[K] & ResourceNode<T[K]>
        : ResourceNode<T[K]>
    } & { readonly [K in Exclude<keyof Verbs<T>, FixedKeys<T>>]: Verbs<T>[K] }

/** The root segments of the tree (`people`, `contexts`, `activities`, ...), as client properties. */
export type RootResources = { readonly [K in FixedKeys<CatalogTree>]: ResourceNode<CatalogTree[K]> }

// Types derived from the catalog data, so that a route or method the server lacks cannot type-check.
import type { generatedCatalog } from './catalog.generated.js'
import type { catalogOverrides } from './catalog.overrides.js'
import type { ModelMap } from './models.js'
import type { HttpMethod } from './spec.js'

// The merge of catalog.ts, in types: generated /info/api facts, overridden method by method.
type Generated = (typeof generatedCatalog)[number]
type Overrides = (typeof catalogOverrides)['methods']
type OverrideKey<M, P> = `${M & string} ${P & string}`
/** Methods the overrides add to a pattern (deprecated request forms). */
type AddedMethods<P extends string> = {
  [K in keyof Overrides]: K extends `${infer M} ${P}` ? M : never
}[keyof Overrides]
/** What catalog.ts assumes for a fact no override gives. */
type MethodDefaults<G> = {
  readonly permission: G extends { permissionLabel: 'Anonymous' } ? 'Anonymous' : string
  readonly successStatus: readonly number[]
  readonly paginated: false
  readonly upload: false
  readonly list: false
}
type MergedMethod<G, K> = K extends keyof Overrides
  ? Omit<MethodDefaults<G> & G, keyof Overrides[K]> & Overrides[K]
  : MethodDefaults<G> & G
type Merged<R extends Generated> = Omit<R, 'methods'> & {
  readonly actorNotRequired: readonly HttpMethod[]
  readonly methods: {
    readonly [M in (keyof R['methods'] & string) | AddedMethods<R['pattern']>]: M extends keyof R['methods']
      ? MergedMethod<R['methods'][M], OverrideKey<M, R['pattern']>>
      : Overrides[OverrideKey<M, R['pattern']> & keyof Overrides]
  }
}

/** The type of one route of the merged catalog (generated facts with their overrides). */
export type CatalogRoute =
  | (Generated extends infer R ? (R extends Generated ? Merged<R> : never) : never)
  | (typeof catalogOverrides)['extraRoutes'][number]

type AnyRoute = CatalogRoute

/** Every route pattern of the catalog, e.g. `'/people/{username}/activities'`. */
export type Pattern = AnyRoute['pattern']

/** The catalog entry type of a pattern. */
export type RouteOf<P extends Pattern> = Extract<AnyRoute, { pattern: P }>

type MethodTable<P extends Pattern> = RouteOf<P>['methods']
type CountingGet<P extends Pattern> = MethodTable<P> extends { GET: { count: true } } ? 'HEAD' : never

/**
 * The methods a pattern answers: those the server implements (deprecated forms included) plus
 * `HEAD` where the GET answers a count.
 */
export type MethodsOf<P extends Pattern> = (keyof MethodTable<P> & string) | CountingGet<P>

/** The methods of a pattern that are only deprecated request forms. */
export type DeprecatedMethodsOf<P extends Pattern> = {
  [M in keyof MethodTable<P>]: MethodTable<P>[M] extends { deprecated: object } ? M : never
}[keyof MethodTable<P>] &
  string

/** Pattern variable names, e.g. `'hash' | 'username'`. */
export type ParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | ParamNames<Rest>
  : never

/** The path parameters a pattern needs. */
export type ParamsOf<P extends string> = { [K in ParamNames<P>]: string }

type Model<S> = S extends { model: infer N extends keyof ModelMap; list: infer L }
  ? L extends true
    ? ModelMap[N][]
    : ModelMap[N]
  : unknown

/** The parsed response body of a method (`HEAD` answers the count as a number). */
export type ResponseOf<P extends Pattern, M extends MethodsOf<P>> = M extends 'HEAD'
  ? number
  : M extends keyof MethodTable<P>
    ? Model<MethodTable<P>[M]>
    : never

/**
 * What a client call resolves to: {@link ResponseOf}, plus `null` for a GET of a single resource,
 * which is how a missing one (a MAX 404) is answered. Lists and counts never resolve to `null`: a
 * missing parent is a `RequestError` (404) there.
 */
export type ResultOf<P extends Pattern, M extends MethodsOf<P>> = M extends 'GET'
  ? MethodTable<P>[M & keyof MethodTable<P>] extends { list: false }
    ? ResponseOf<P, M> | null
    : ResponseOf<P, M>
  : ResponseOf<P, M>

// Tree building: the fixed and variable child segments under a pattern prefix.
type ChildSegment<
  Prefix extends string,
  P extends string = Pattern,
> = P extends `${Prefix}/${infer Seg}/${string}` ? Seg : P extends `${Prefix}/${infer Seg}` ? Seg : never
type FixedChild<Prefix extends string> = Exclude<ChildSegment<Prefix>, `{${string}}`>
type VariableChild<Prefix extends string> =
  ChildSegment<Prefix> extends infer S ? (S extends `{${infer Name}}` ? Name : never) : never

/** One node of {@link CatalogTree}: a path prefix, the methods answered there and its children. */
export type CatalogNode<Prefix extends string> = {
  $pattern: Prefix
  $methods: Prefix extends Pattern ? MethodsOf<Prefix> : never
} & { [K in FixedChild<Prefix>]: CatalogNode<`${Prefix}/${K}`> } & ([VariableChild<Prefix>] extends [never]
    ? {}
    : { $var: CatalogNode<`${Prefix}/{${VariableChild<Prefix>}}`> & { $param: VariableChild<Prefix> } })

/**
 * The catalog as a nested tree of path segments: `CatalogTree['people']['$var']['activities']` is
 * the node of `/people/{username}/activities`, with `$pattern`, `$methods`, and `$var`/`$param`
 * for a variable child segment. Nodes without a route of their own have `$methods: never`.
 */
export type CatalogTree = { [K in FixedChild<''>]: CatalogNode<`/${K}`> }

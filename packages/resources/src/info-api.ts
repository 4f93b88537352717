// Conversions between the catalog and a MAX server's `GET /info/api` document, used by the sync
// script (to follow a new MAX release) and by the mock server (to serve /info/api).
import { isPlainObject, UsageError } from '@maxclient/core'
import { mergeCatalog } from './catalog.js'
import { catalogOverrides } from './catalog.overrides.js'
import type { InfoApiCategory, InfoApiDocument, InfoApiMethod, InfoApiRoute } from './models.js'
import { describe } from './params.js'
import type {
  CatalogOverrides,
  HttpMethod,
  InfoMethodSpec,
  InfoRouteSpec,
  MethodSpec,
  ParamSpec,
  RouteSpec,
} from './spec.js'

const METHOD_ORDER: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD']
const SEARCH_MODIFIERS = ['before', 'after', 'limit']
/** The server leaves its own introspection route out of /info/api. */
const SELF_ROUTE_ID = 'info_api'

/**
 * The `/info/api` document a MAX server would answer for this catalog: current routes only
 * (deprecated forms are client-side knowledge), HEAD listed beside every counting GET, and
 * without `info_api` itself, as the server does.
 */
export function catalogToInfoApi(routes: readonly RouteSpec[]): InfoApiDocument {
  const doc: InfoApiDocument = {}
  for (const route of routes) {
    if (route.deprecated || route.id === SELF_ROUTE_ID) continue
    const methods: Record<string, InfoApiMethod> = {}
    for (const method of METHOD_ORDER) {
      const spec = route.methods[method]
      if (!spec || spec.deprecated) continue
      const info: InfoApiMethod = {
        description: spec.summary,
        documentation: spec.summary,
        payload: null,
        rest_params: spec.restParams.map((p) => ({ name: p.name, description: '' })),
        query_params: spec.queryParams.map((p) => ({
          required: p.required,
          data: p.example === undefined ? { name: p.name } : { name: p.name, example: p.example },
          description: '',
        })),
        permission: spec.permission === 'Anonymous' ? 'Anonymous' : spec.permissionLabel,
        modifiers: spec.searchParams ? [...SEARCH_MODIFIERS] : [],
      }
      methods[method] = info
      if (method === 'GET' && spec.count) methods.HEAD = info
    }
    Object.defineProperty(doc, route.id, {
      value: {
        route: route.pattern,
        id: route.id,
        name: route.name ?? route.id,
        filesystem: route.filesystem,
        url: route.pattern,
        category: route.category,
        methods,
      } satisfies InfoApiRoute,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return doc
}

interface LooseRoute {
  id: string
  pattern: string
  name: string | null
  filesystem: boolean
  category: string
  methods: Record<string, Record<string, unknown>>
}

function fail(what: string): never {
  throw new UsageError(`Not a MAX /info/api document: ${what}`)
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '')
    fail(`${what} must be a non-empty string, got ${describe(value)}`)
  return value
}

function readRoute(entry: unknown, fallbackId: string, category: string | undefined): LooseRoute {
  if (!isPlainObject(entry)) fail(`route ${describe(fallbackId)} must be an object`)
  const id = text(entry.id ?? entry.route_id ?? fallbackId, `the id of route ${fallbackId}`)
  const pattern = text(entry.route ?? entry.url ?? entry.route_url, `the pattern (route) of route ${id}`)
  if (pattern[0] !== '/') fail(`the pattern of route ${id} must start with '/', got ${describe(pattern)}`)
  const rawName = entry.name ?? entry.route_name
  const name = typeof rawName === 'string' && rawName !== id ? rawName : null
  if (!isPlainObject(entry.methods)) fail(`route ${id} must have a methods object`)
  const methods: Record<string, Record<string, unknown>> = {}
  for (const method of Object.keys(entry.methods)) {
    if (!METHOD_ORDER.includes(method as HttpMethod))
      fail(`route ${id} has an unknown method ${describe(method)}`)
    const info = entry.methods[method]
    if (!isPlainObject(info)) fail(`method ${method} of route ${id} must be an object`)
    methods[method] = info
  }
  return {
    id,
    pattern,
    name,
    filesystem: entry.filesystem === true,
    category: typeof entry.category === 'string' ? entry.category : (category ?? 'Uncategorized'),
    methods,
  }
}

/** The `?by_category=1` form of an `/info/api` document: routes grouped by category, in order. */
export function infoApiByCategory(doc: InfoApiDocument): InfoApiCategory[] {
  const categories = new Map<string, InfoApiCategory['resources']>()
  for (const [routeId, route] of Object.entries(doc)) {
    const resources = categories.get(route.category) ?? []
    categories.set(route.category, resources)
    resources.push({
      route_id: routeId,
      filesystem: route.filesystem,
      route_name: route.name,
      route_url: route.url,
      methods: route.methods,
    })
  }
  return [...categories].map(([name, resources]) => ({ name, id: name.toLowerCase(), resources }))
}

/** Reads both forms of /info/api: keyed by route id, or `?by_category=1` (a list of categories). */
function readDocument(doc: unknown): LooseRoute[] {
  if (Array.isArray(doc)) {
    const routes: LooseRoute[] = []
    for (const category of doc) {
      if (!isPlainObject(category) || !Array.isArray(category.resources)) {
        fail('each category must be an object with a resources list')
      }
      const name = text(category.name, 'a category name')
      for (const resource of category.resources as unknown[]) routes.push(readRoute(resource, '', name))
    }
    return routes
  }
  if (!isPlainObject(doc)) fail(`expected an object keyed by route id, got ${describe(doc)}`)
  return Object.keys(doc).map((key) => readRoute(doc[key], key, undefined))
}

const paramsOf = (pattern: string): string[] =>
  pattern
    .split('/')
    .filter((part) => part.length > 2 && part[0] === '{' && part.endsWith('}'))
    .map((part) => part.slice(1, -1))

function firstLine(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const line = value.trim().split('\n')[0]?.trim()
  return line || undefined
}

function readParams(list: unknown, kind: 'rest' | 'query', where: string): ParamSpec[] {
  if (list === undefined || list === null) return []
  if (!Array.isArray(list)) fail(`${kind}_params of ${where} must be a list`)
  return list.map((item): ParamSpec => {
    if (!isPlainObject(item)) fail(`${kind}_params of ${where} must hold objects`)
    if (kind === 'rest') return { name: text(item.name, `a rest param name of ${where}`), required: true }
    const data = isPlainObject(item.data) ? item.data : {}
    const name = text(data.name ?? item.name, `a query param name of ${where}`)
    const spec: ParamSpec = { name, required: item.required === true }
    return typeof data.example === 'string' ? { ...spec, example: data.example } : spec
  })
}

/**
 * Exactly what a MAX `/info/api` document (either form) says about each route: the content of
 * `src/catalog.generated.ts`. Nothing is taken from an earlier catalog; the facts the document
 * lacks live in the hand-written overrides (`src/catalog.overrides.ts`).
 */
export function infoApiRoutes(doc: unknown): InfoRouteSpec[] {
  const routes: InfoRouteSpec[] = []
  const seenIds = new Set<string>()
  const seenPatterns = new Set<string>()
  for (const entry of readDocument(doc)) {
    if (seenIds.has(entry.id)) fail(`route id ${entry.id} appears twice`)
    if (seenPatterns.has(entry.pattern)) fail(`pattern ${entry.pattern} appears twice`)
    seenIds.add(entry.id)
    seenPatterns.add(entry.pattern)
    const methods: Partial<Record<HttpMethod, InfoMethodSpec>> = {}
    for (const method of METHOD_ORDER) {
      const info = entry.methods[method]
      if (!info || method === 'HEAD') continue // HEAD is the count flag of GET
      const where = `${method} ${entry.pattern}`
      const modifiers = Array.isArray(info.modifiers) ? info.modifiers : []
      methods[method] = {
        permissionLabel: text(info.permission ?? 'Anonymous', `the permission of ${where}`),
        summary: firstLine(info.description) ?? where,
        count: method === 'GET' && 'HEAD' in entry.methods,
        restParams: readParams(info.rest_params, 'rest', where),
        queryParams: readParams(info.query_params, 'query', where),
        searchParams: SEARCH_MODIFIERS.some((m) => modifiers.includes(m)),
      }
    }
    if (Object.keys(methods).length === 0) continue
    routes.push({
      id: entry.id,
      pattern: entry.pattern,
      category: entry.category,
      name: entry.name,
      filesystem: entry.filesystem,
      params: paramsOf(entry.pattern),
      methods,
    })
  }
  return routes
}

/**
 * The catalog a MAX `/info/api` document gives once the hand-written overrides are merged over it
 * (by default this package's own `catalogOverrides`).
 * @throws {@link @maxclient/core!UsageError | UsageError} for a document that is not `/info/api`, or overrides naming routes the
 * document lacks.
 */
export function catalogFromInfoApi(
  doc: unknown,
  overrides: CatalogOverrides = catalogOverrides,
): RouteSpec[] {
  if (Array.isArray(overrides) || !isPlainObject(overrides)) {
    throw new UsageError(
      'catalogFromInfoApi(doc, overrides?) takes catalog overrides ({ methods, routes, extraRoutes }) as its second argument; an earlier catalog is no longer needed',
    )
  }
  return mergeCatalog(infoApiRoutes(doc), overrides)
}

/** What changed between two catalogs, as `'METHOD /pattern'` lists. */
export function diffCatalogs(
  before: readonly (RouteSpec | InfoRouteSpec)[],
  after: readonly (RouteSpec | InfoRouteSpec)[],
): { added: string[]; removed: string[] } {
  const pairs = (routes: readonly (RouteSpec | InfoRouteSpec)[]) =>
    new Set(routes.flatMap((r) => Object.keys(r.methods).map((m) => `${m} ${r.pattern}`)))
  const a = pairs(before)
  const b = pairs(after)
  return { added: [...b].filter((p) => !a.has(p)), removed: [...a].filter((p) => !b.has(p)) }
}

const ROUTE_KEYS = ['id', 'pattern', 'category', 'name', 'filesystem', 'params', 'methods']
const METHOD_KEYS = ['permissionLabel', 'summary', 'count', 'restParams', 'queryParams', 'searchParams']

function pick(source: object, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of keys) {
    const value = (source as Record<string, unknown>)[key]
    if (value !== undefined) out[key] = value
  }
  return out
}

/**
 * The source of `src/catalog.generated.ts`: the `/info/api` facts of each route (from
 * {@link infoApiRoutes}), with a stable key order. Deprecated forms and other curated facts are left
 * out; they belong to the overrides.
 */
export function renderCatalogModule(routes: readonly InfoRouteSpec[]): string {
  const normalised = routes
    .filter((route) => !(route as RouteSpec).deprecated)
    .map((route) => {
      const out = pick(route, ROUTE_KEYS)
      const methods: Record<string, unknown> = {}
      for (const method of METHOD_ORDER) {
        const spec = route.methods[method]
        if (!spec || (spec as MethodSpec).deprecated) continue
        methods[method] = {
          ...pick(spec, METHOD_KEYS),
          restParams: spec.restParams.map((p) => pick(p, ['name', 'required', 'example'])),
          queryParams: spec.queryParams.map((p) => pick(p, ['name', 'required', 'example'])),
        }
        methods[method] = pick(methods[method] as object, METHOD_KEYS)
      }
      out.methods = methods
      return out
    })
  return `// Generated file: what a MAX server's GET /info/api says about each route. Regenerate it with
// \`pnpm --filter @maxclient/resources sync --from <url-or-file>\` instead of editing by hand; facts the
// document lacks (models, paging, uploads, deprecated forms...) go in catalog.overrides.ts.
import type { InfoRouteSpec } from './spec.js'

/** Every MAX route as GET /info/api describes it (generated); {@link catalog} is this merged with {@link catalogOverrides}. */
export const generatedCatalog = ${JSON.stringify(normalised, null, 2)} as const satisfies readonly InfoRouteSpec[]
`
}

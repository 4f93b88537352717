// Conversions between the catalog and a MAX server's `GET /info/api` document, used by the sync
// script (to follow a new MAX release) and by the mock server (to serve /info/api).
import { isPlainObject, UsageError } from '@maxclient/core'
import type { InfoApiCategory, InfoApiDocument, InfoApiMethod, InfoApiRoute } from './models.js'
import { describe } from './params.js'
import type { HttpMethod, MethodSpec, ParamSpec, RouteSpec } from './spec.js'

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

const DEFAULT_STATUS: Record<HttpMethod, readonly number[]> = {
  GET: [200],
  HEAD: [200],
  POST: [201, 200],
  PUT: [200],
  DELETE: [204],
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

function snakeCase(label: string): string {
  return label
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
}

function ordered(methods: Partial<Record<HttpMethod, MethodSpec>>): Partial<Record<HttpMethod, MethodSpec>> {
  const out: Partial<Record<HttpMethod, MethodSpec>> = {}
  for (const method of METHOD_ORDER) if (methods[method]) out[method] = methods[method]
  return out
}

/**
 * Builds a catalog from a MAX `/info/api` document (either form). The document decides which
 * routes and methods exist; curated facts it lacks (summaries, models, upload and pagination
 * flags and facts, actorNotRequired, extra query parameters, deprecated forms) are kept from `previous`
 * where the route and method match, and derived as well as possible for new ones.
 * `info_api` is kept from `previous`, because a server never lists it.
 */
export function catalogFromInfoApi(doc: unknown, previous: readonly RouteSpec[]): RouteSpec[] {
  const loose = readDocument(doc)
  const previousById = new Map(previous.map((r) => [r.id, r]))
  const previousByPattern = new Map(previous.map((r) => [r.pattern, r]))
  const constants = new Map<string, string>()
  for (const route of previous) {
    for (const spec of Object.values(route.methods)) {
      if (spec) constants.set(spec.permissionLabel, spec.permission)
    }
  }

  const routes: RouteSpec[] = []
  const seenIds = new Set<string>()
  const seenPatterns = new Set<string>()
  for (const entry of loose) {
    if (seenIds.has(entry.id)) fail(`route id ${entry.id} appears twice`)
    if (seenPatterns.has(entry.pattern)) fail(`pattern ${entry.pattern} appears twice`)
    seenIds.add(entry.id)
    seenPatterns.add(entry.pattern)
    const prev =
      previousById.get(entry.id)?.pattern === entry.pattern
        ? previousById.get(entry.id)
        : previousByPattern.get(entry.pattern)
    const methods: Partial<Record<HttpMethod, MethodSpec>> = {}
    for (const method of Object.keys(entry.methods) as HttpMethod[]) {
      if (method === 'HEAD') continue // the count flag of GET
      const info = entry.methods[method]!
      const where = `${method} ${entry.pattern}`
      const label = text(info.permission ?? 'Anonymous', `the permission of ${where}`)
      const old = prev?.methods[method]?.deprecated ? undefined : prev?.methods[method]
      const restParams = readParams(info.rest_params, 'rest', where)
      const documented = readParams(info.query_params, 'query', where)
      const kept = (old?.queryParams ?? []).filter((p) => !documented.some((d) => d.name === p.name))
      const modifiers = Array.isArray(info.modifiers) ? info.modifiers : []
      const searchParams = old?.searchParams ?? SEARCH_MODIFIERS.some((m) => modifiers.includes(m))
      const list = old?.list ?? false
      const paginated = old?.paginated ?? (searchParams && list)
      const upload = old?.upload ?? false
      const spec: MethodSpec = {
        permission:
          old?.permissionLabel === label
            ? old.permission
            : label === 'Anonymous'
              ? 'Anonymous'
              : (constants.get(label) ?? snakeCase(label)),
        permissionLabel: label,
        summary: old?.summary ?? firstLine(info.description) ?? `${method} ${entry.pattern}`,
        count: method === 'GET' && 'HEAD' in entry.methods,
        restParams,
        queryParams: [...documented, ...kept],
        searchParams,
        paginated,
        // New lists get MAX's usual paging: newest first, by id.
        ...(paginated ? { pagination: old?.pagination ?? { cursor: 'id', order: 'newest-first' } } : {}),
        upload,
        // New upload routes get the form activities and messages take.
        ...(upload ? { uploadForm: old?.uploadForm ?? 'json_data+file' } : {}),
        ...(old?.model ? { model: old.model } : {}),
        list,
        successStatus: old?.successStatus ?? DEFAULT_STATUS[method],
      }
      methods[method] = spec
    }
    // Deprecated forms on a route that still exists stay, as long as their target still exists.
    for (const method of Object.keys(prev?.methods ?? {}) as HttpMethod[]) {
      const spec = prev!.methods[method]!
      if (spec.deprecated && !methods[method]) methods[method] = spec
    }
    routes.push({
      id: entry.id,
      pattern: entry.pattern,
      category: entry.category,
      name: entry.name,
      filesystem: entry.filesystem,
      actorNotRequired: prev?.actorNotRequired ?? [],
      params: paramsOf(entry.pattern),
      methods: ordered(methods),
    })
  }
  for (const route of previous) {
    const keep = route.id === SELF_ROUTE_ID || route.deprecated
    if (keep && !seenIds.has(route.id) && !seenPatterns.has(route.pattern)) {
      const index = route.deprecated ? routes.length : Math.min(previous.indexOf(route), routes.length)
      routes.splice(index, 0, route)
    }
  }
  // Drop deprecated forms whose rewrite target disappeared, and routes left with no method.
  const live = new Map(routes.map((r) => [r.pattern, r]))
  return routes
    .map((route) => {
      const methods: Partial<Record<HttpMethod, MethodSpec>> = {}
      for (const [method, spec] of Object.entries(route.methods) as [HttpMethod, MethodSpec][]) {
        const target = spec.deprecated?.rewritesTo
        if (target && !live.get(target.pattern)?.methods[target.method]) continue
        methods[method] = spec
      }
      return { ...route, methods }
    })
    .filter((route) => Object.keys(route.methods).length > 0)
}

/** What changed between two catalogs, as `'METHOD /pattern'` lists. */
export function diffCatalogs(
  before: readonly RouteSpec[],
  after: readonly RouteSpec[],
): { added: string[]; removed: string[] } {
  const pairs = (routes: readonly RouteSpec[]) =>
    new Set(routes.flatMap((r) => Object.keys(r.methods).map((m) => `${m} ${r.pattern}`)))
  const a = pairs(before)
  const b = pairs(after)
  return { added: [...b].filter((p) => !a.has(p)), removed: [...a].filter((p) => !b.has(p)) }
}

const ROUTE_KEYS = [
  'id',
  'pattern',
  'category',
  'name',
  'filesystem',
  'actorNotRequired',
  'params',
  'methods',
  'deprecated',
]
const METHOD_KEYS = [
  'permission',
  'permissionLabel',
  'summary',
  'count',
  'restParams',
  'queryParams',
  'searchParams',
  'paginated',
  'pagination',
  'upload',
  'uploadForm',
  'model',
  'list',
  'successStatus',
  'deprecated',
]

function pick(source: object, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of keys) {
    const value = (source as Record<string, unknown>)[key]
    if (value !== undefined) out[key] = value
  }
  return out
}

/** The source of `src/catalog.generated.ts` for a catalog, with a stable key order. */
export function renderCatalogModule(routes: readonly RouteSpec[]): string {
  const normalised = routes.map((route) => {
    const out = pick(route, ROUTE_KEYS)
    const methods: Record<string, unknown> = {}
    for (const method of METHOD_ORDER) {
      const spec = route.methods[method]
      if (!spec) continue
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
  return `// Generated file: the MAX route catalog. Regenerate it with
// \`pnpm --filter @maxclient/resources sync --from <url-or-file>\` instead of editing by hand.
import type { RouteSpec } from './spec.js'

export const catalog = ${JSON.stringify(normalised, null, 2)} as const satisfies readonly RouteSpec[]
`
}

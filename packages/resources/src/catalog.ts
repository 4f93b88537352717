// The catalog clients use: the generated `/info/api` facts with the hand-written overrides merged
// over them, once, at load.
import { type HttpMethod, UsageError } from '@maxclient/core'
import { generatedCatalog } from './catalog.generated.js'
import { catalogOverrides } from './catalog.overrides.js'
import type { CatalogOverrides, InfoRouteSpec, MethodSpec, RouteSpec } from './spec.js'
import type { CatalogRoute } from './tree.js'

const METHOD_ORDER: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE', 'HEAD']

/** Success statuses of a method the overrides say nothing about. */
export const DEFAULT_STATUS: Readonly<Record<HttpMethod, readonly number[]>> = {
  GET: [200],
  HEAD: [200],
  POST: [201, 200],
  PUT: [200],
  DELETE: [204],
}

/** The permission constant derived from its label, for methods without an override. */
export function permissionConstant(label: string): string {
  if (label === 'Anonymous') return label
  return label
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '')
}

function mergeMethod(
  method: HttpMethod,
  info: InfoRouteSpec['methods'][HttpMethod],
  override: Partial<MethodSpec> | undefined,
): MethodSpec {
  const spec: MethodSpec = {
    permission: permissionConstant(info!.permissionLabel),
    successStatus: DEFAULT_STATUS[method],
    paginated: false,
    upload: false,
    list: false,
    ...info!,
    ...override,
  }
  // New lists and upload routes get MAX's usual paging and the activities' upload form.
  if (spec.paginated && !spec.pagination)
    return { ...spec, pagination: { cursor: 'id', order: 'newest-first' } }
  if (spec.upload && !spec.uploadForm) return { ...spec, uploadForm: 'json_data+file' }
  return spec
}

/**
 * Merges hand-written overrides over a generated catalog (what `/info/api` yields).
 * @throws {@link @maxclient/core!UsageError | UsageError} for an override naming a route or method the generated catalog lacks
 * (unless it is a complete deprecated form), so a stale override never goes unnoticed.
 */
export function mergeCatalog(generated: readonly InfoRouteSpec[], overrides: CatalogOverrides): RouteSpec[] {
  const byPattern = new Map(generated.map((route) => [route.pattern, route]))
  const stale: string[] = []
  const extraMethods = new Map<string, [HttpMethod, MethodSpec][]>()
  for (const key of Object.keys(overrides.methods)) {
    const space = key.indexOf(' ')
    const method = key.slice(0, space) as HttpMethod
    const pattern = key.slice(space + 1)
    const route = byPattern.get(pattern)
    const override = overrides.methods[key]!
    if (route?.methods[method]) continue
    if (route && METHOD_ORDER.includes(method) && override.deprecated && override.permission !== undefined) {
      const list = extraMethods.get(pattern) ?? []
      list.push([method, override as MethodSpec])
      extraMethods.set(pattern, list)
    } else stale.push(key)
  }
  for (const pattern of Object.keys(overrides.routes)) if (!byPattern.has(pattern)) stale.push(pattern)
  if (stale.length > 0) {
    throw new UsageError(
      `Catalog overrides name routes or methods /info/api does not list: ${stale.join(', ')}; remove or fix them in src/catalog.overrides.ts`,
    )
  }
  const routes: RouteSpec[] = generated.map((info) => {
    const methods: Partial<Record<HttpMethod, MethodSpec>> = {}
    for (const method of METHOD_ORDER) {
      const spec = info.methods[method]
      if (spec) methods[method] = mergeMethod(method, spec, overrides.methods[`${method} ${info.pattern}`])
    }
    for (const [method, spec] of extraMethods.get(info.pattern) ?? []) methods[method] = spec
    const ordered: Partial<Record<HttpMethod, MethodSpec>> = {}
    for (const method of METHOD_ORDER) if (methods[method]) ordered[method] = methods[method]
    return {
      ...info,
      actorNotRequired: overrides.routes[info.pattern]?.actorNotRequired ?? [],
      methods: ordered,
    }
  })
  // A route the server never lists sits after its parent (info_api after info); deprecated forms last.
  const all = [...routes]
  for (const extra of overrides.extraRoutes) {
    let at = all.length
    if (!extra.deprecated) {
      const parent = all.findLastIndex((route) => extra.pattern.startsWith(`${route.pattern}/`))
      if (parent !== -1) at = parent + 1
    }
    all.splice(at, 0, extra)
  }
  const live = new Map(all.map((route) => [route.pattern, route]))
  for (const route of all) {
    for (const [method, spec] of Object.entries(route.methods)) {
      const target = spec.deprecated?.rewritesTo
      if (target && !live.get(target.pattern)?.methods[target.method]) {
        stale.push(`${method} ${route.pattern} (rewrites to ${target.method} ${target.pattern})`)
      }
    }
  }
  if (stale.length > 0) {
    throw new UsageError(
      `Catalog overrides keep deprecated forms whose target /info/api does not list: ${stale.join(', ')}; remove them from src/catalog.overrides.ts`,
    )
  }
  return all
}

/** Every route of MAX: the generated `/info/api` facts merged with the hand-written overrides. */
export const catalog = mergeCatalog(
  generatedCatalog,
  catalogOverrides,
) as readonly RouteSpec[] as readonly CatalogRoute[]

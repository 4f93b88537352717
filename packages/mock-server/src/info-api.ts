import { type HttpMethod, type RouteSpec, catalog } from '@maxclient/resources'

// TODO(resources): switch to catalogToInfoApi once @maxclient/resources exports it.
const SELF_DESCRIBED = new Set(['/info', '/info/api', '/info/settings'])

function methodsOf(route: RouteSpec): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [method, spec] of Object.entries(route.methods) as Array<[HttpMethod, NonNullable<RouteSpec['methods'][HttpMethod]>]>) {
    if (spec.deprecated) continue
    const entry = {
      description: spec.summary,
      documentation: '',
      payload: null,
      rest_params: spec.restParams.map((p) => ({ ...p })),
      query_params: spec.queryParams.map((p) => ({ ...p })),
      permission: spec.permission,
      modifiers: [],
    }
    out[method] = entry
    if (method === 'GET' && spec.count) out.HEAD = { ...entry }
  }
  return out
}

/** `GET /info/api`, built from the catalog so it can never drift from the served routes. */
export function infoApi(byCategory: boolean): unknown {
  const routes = (catalog as readonly RouteSpec[]).filter((r) => !r.deprecated && !SELF_DESCRIBED.has(r.pattern))
  if (!byCategory) {
    return Object.fromEntries(
      routes.map((r) => [
        r.id,
        { route: r.pattern, id: r.id, name: r.name, filesystem: r.filesystem, url: r.pattern, category: r.category, methods: methodsOf(r) },
      ]),
    )
  }
  const categories = new Map<string, unknown[]>()
  for (const r of routes) {
    const list = categories.get(r.category) ?? []
    list.push({ route_id: r.id, filesystem: r.filesystem, route_name: r.name, route_url: r.pattern, methods: methodsOf(r) })
    categories.set(r.category, list)
  }
  return [...categories].map(([name, resources]) => ({ name, id: name.toLowerCase().replace(/\s+/g, '-'), resources }))
}

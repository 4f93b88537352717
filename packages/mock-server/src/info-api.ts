import { catalog, catalogToInfoApi, type RouteSpec } from '@maxclient/resources'

/**
 * `GET /info/api`, built by `@maxclient/resources` from the same catalog the server routes with,
 * so the description can never drift from what is served. `?by_category` regroups it the way
 * MAX does.
 */
export function infoApi(byCategory: boolean): unknown {
  const doc = catalogToInfoApi(catalog as readonly RouteSpec[])
  if (!byCategory) return doc
  const categories = new Map<string, unknown[]>()
  for (const [routeId, route] of Object.entries(doc)) {
    const list = categories.get(route.category) ?? []
    list.push({
      route_id: routeId,
      filesystem: route.filesystem,
      route_name: route.name,
      route_url: route.url,
      methods: route.methods,
    })
    categories.set(route.category, list)
  }
  return [...categories].map(([name, resources]) => ({ name, id: name.toLowerCase(), resources }))
}

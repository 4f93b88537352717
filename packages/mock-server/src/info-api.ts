import { catalog, catalogToInfoApi, infoApiByCategory, type RouteSpec } from '@maxclient/resources'

/**
 * `GET /info/api`, built by `@maxclient/resources` from the same catalog the server routes with,
 * so the description can never drift from what is served; `?by_category` is MAX's grouped form.
 */
export function infoApi(byCategory: boolean): unknown {
  const doc = catalogToInfoApi(catalog as readonly RouteSpec[])
  return byCategory ? infoApiByCategory(doc) : doc
}

import { catalog, type HttpMethod, type RouteSpec } from '@maxclient/resources'
import { defineCommand, flag } from '../define.js'
import { usageError } from '../errors.js'

/** One row per route and method, with HEAD shown where GET also counts. */
export function routeRows(category?: string) {
  const routes = catalog as readonly RouteSpec[]
  const categories = [...new Set(routes.map((route) => route.category))]
  if (category !== undefined) {
    const asked = category.toLowerCase()
    const wanted = categories.find((name) => name.toLowerCase() === asked)
    if (!wanted) throw usageError(`Unknown category "${category}": use one of ${categories.join(', ')}.`)
    category = wanted
  }
  const rows: Array<{ category: string; method: string; path: string; summary: string }> = []
  for (const route of routes) {
    if (category !== undefined && route.category !== category) continue
    for (const [method, spec] of Object.entries(route.methods) as Array<
      [HttpMethod, RouteSpec['methods']['GET']]
    >) {
      if (!spec || spec.deprecated) continue
      rows.push({ category: route.category, method, path: route.pattern, summary: spec.summary })
      if (method === 'GET' && spec.count) {
        rows.push({
          category: route.category,
          method: 'HEAD',
          path: route.pattern,
          summary: 'count (X-totalItems)',
        })
      }
    }
  }
  return rows.sort((a, b) => a.category.localeCompare(b.category))
}

export default defineCommand({
  summary: 'list the API routes by category, with methods and summaries',
  flags: { category: flag.string('only this category (e.g. Contexts)', { value: 'name' }) },
  examples: ['maxcli routes', 'maxcli routes --category Contexts'],
  async run(context, options) {
    await context.print(routeRows(options.category), { columns: ['category', 'method', 'path', 'summary'] })
  },
})

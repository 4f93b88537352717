import { catalog } from './catalog.js'
import type { HttpMethod, MethodSpec, RouteSpec } from './spec.js'

const byPattern = new Map<string, RouteSpec>()
for (const route of catalog as readonly RouteSpec[]) byPattern.set(route.pattern, route)

/** The catalog entry of a route pattern, e.g. `findRoute('/people/{username}')`. */
export function findRoute(pattern: string): RouteSpec | undefined {
  return byPattern.get(pattern)
}

/**
 * The spec of `method` on `route`. HEAD is the count form of GET and answers with GET's spec
 * (the server answers HEAD on every GET; `count` tells whether it carries `X-totalItems`).
 */
export function methodOf(route: RouteSpec, method: HttpMethod): MethodSpec | undefined {
  return route.methods[method === 'HEAD' ? 'GET' : method]
}

/**
 * One position in the catalog's URL space: fixed children by segment, at most one variable child
 * (catalog routes never name the variable of one position differently), and the route whose
 * pattern ends exactly here. Built once at load; `matchPath` and the rest tree both walk it.
 */
export interface RouteNode {
  /** Pattern of this position, e.g. `/people/{username}`; `''` at the root. */
  readonly pattern: string
  /** Name of the variable this node fills, when it is a variable child. */
  readonly param: string | undefined
  readonly fixed: ReadonlyMap<string, RouteNode>
  readonly variable: RouteNode | undefined
  /** The catalog route of exactly this pattern, when there is one. */
  readonly route: RouteSpec | undefined
}

interface MutableNode {
  pattern: string
  param: string | undefined
  fixed: Map<string, MutableNode>
  variable: MutableNode | undefined
  route: RouteSpec | undefined
}

const newNode = (pattern: string, param?: string): MutableNode => ({
  pattern,
  param,
  fixed: new Map(),
  variable: undefined,
  route: undefined,
})
const root = newNode('')
for (const route of catalog as readonly RouteSpec[]) {
  let node = root
  for (const part of route.pattern.slice(1).split('/')) {
    if (part[0] === '{') {
      node.variable ??= newNode(`${node.pattern}/${part}`, part.slice(1, -1))
      node = node.variable
    } else {
      let next = node.fixed.get(part)
      if (!next) {
        next = newNode(`${node.pattern}/${part}`)
        node.fixed.set(part, next)
      }
      node = next
    }
  }
  node.route = route
}

/** The root of the catalog's route tree: its fixed children are the root segments (`people`, ...). */
export const routeTree: RouteNode = root

function walk(
  node: RouteNode,
  parts: readonly string[],
  index: number,
  values: string[],
): RouteSpec | undefined {
  if (index === parts.length) return node.route
  const part = parts[index]!
  const fixed = node.fixed.get(part)
  if (fixed) {
    // A fixed segment wins over a variable sibling (/contexts/public vs /contexts/{hash}).
    const found = walk(fixed, parts, index + 1, values)
    if (found) return found
  }
  if (node.variable && part !== '') {
    values.push(part)
    const found = walk(node.variable, parts, index + 1, values)
    if (found) return found
    values.pop()
  }
  return undefined
}

/**
 * Finds the route a concrete request path belongs to, with its decoded variables. Segments are
 * percent-decoded before matching, as the server does; a query string is ignored; a fixed
 * segment wins over a variable one. Undefined when no route matches.
 */
export function matchPath(path: string): { route: RouteSpec; params: Record<string, string> } | undefined {
  if (typeof path !== 'string' || path[0] !== '/') return undefined
  const query = path.indexOf('?')
  if (query !== -1) path = path.slice(0, query)
  const fragment = path.indexOf('#')
  if (fragment !== -1) path = path.slice(0, fragment)
  const parts = path.slice(1).split('/')
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!
    if (part.includes('%')) {
      try {
        parts[i] = decodeURIComponent(part)
      } catch {
        return undefined // malformed percent-encoding can't name anything
      }
    }
  }
  const values: string[] = []
  const route = walk(root, parts, 0, values)
  if (!route) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < route.params.length; i++) params[route.params[i]!] = values[i]!
  return { route, params }
}

/**
 * Every route–method pair of the catalog, in catalog order. Deprecated request forms are left out
 * unless `deprecated: true` is passed (then they are included too). HEAD is not listed separately.
 */
export function routePairs(
  options: { deprecated?: boolean } = {},
): Array<{ route: RouteSpec; method: HttpMethod }> {
  const pairs: Array<{ route: RouteSpec; method: HttpMethod }> = []
  for (const route of catalog as readonly RouteSpec[]) {
    for (const method of Object.keys(route.methods) as HttpMethod[]) {
      if (!options.deprecated && route.methods[method]?.deprecated) continue
      pairs.push({ route, method })
    }
  }
  return pairs
}

import type { HttpMethod, MethodSpec, RouteSpec } from '@maxclient/resources'

/** One method a trie node answers, with the route it belongs to. */
export interface TrieMethod {
  readonly method: HttpMethod
  /** Lower-case name of the node method that sends it (`get`, `head`, ...). */
  readonly callName: string
  readonly route: RouteSpec
  readonly spec: MethodSpec
}

/**
 * One position in the URL space of the catalog: fixed children by name, at most one variable
 * child, and the methods the server implements at exactly this path.
 */
export interface TrieNode {
  /** Pattern of this position, e.g. `/people/{username}` (for messages and introspection). */
  readonly pattern: string
  /** Name of the variable this node fills, when it is a variable child. */
  readonly param: string | undefined
  readonly fixed: Map<string, TrieNode>
  variable: TrieNode | undefined
  /** Methods keyed by their lower-case call name (`get`, `post`, ..., and `head` beside every `get`). */
  readonly methods: Map<string, TrieMethod>
}

function newNode(pattern: string, param?: string): TrieNode {
  return { pattern, param, fixed: new Map(), variable: undefined, methods: new Map() }
}

const VARIABLE = /^\{([^{}]+)\}$/

/**
 * Builds the navigation trie from the route catalog. Deprecated routes and methods are included:
 * an older server still accepts them. HEAD is offered beside every GET, as the server answers it.
 */
export function buildRouteTrie(routes: readonly RouteSpec[]): TrieNode {
  const root = newNode('')
  for (const route of routes) {
    let node = root
    for (const segment of route.pattern.split('/').slice(1)) {
      const variable = VARIABLE.exec(segment)?.[1]
      if (variable === undefined) {
        let child = node.fixed.get(segment)
        if (!child) {
          child = newNode(`${node.pattern}/${segment}`)
          node.fixed.set(segment, child)
        }
        node = child
      } else {
        // Two routes may name the variable of one position differently; values are matched to a
        // route's own parameter names by position when the request is built.
        node.variable ??= newNode(`${node.pattern}/{${variable}}`, variable)
        node = node.variable
      }
    }
    for (const [method, spec] of Object.entries(route.methods) as [HttpMethod, MethodSpec][]) {
      const name = method.toLowerCase()
      // A current route wins over a deprecated form that shares its pattern and method.
      const existing = node.methods.get(name)
      if (existing && !existing.route.deprecated && route.deprecated) continue
      node.methods.set(name, { method, callName: name, route, spec })
      // The server answers HEAD on every GET; only routes whose GET has `count` carry X-totalItems.
      if (method === 'GET') node.methods.set('head', { method: 'HEAD', callName: 'head', route, spec })
    }
  }
  return root
}

/** Names a node accepts as a property: its fixed children, then `{variable}` when it has one. */
export function describeChildren(node: TrieNode): string {
  const names = [...node.fixed.keys()].sort()
  if (node.variable) names.push(`[${node.variable.param}]`)
  return names.length === 0 ? 'none' : names.join(', ')
}

/** Tab completion of REST resource chains (`client.people['x'].act<TAB>`) from the route patterns. */

const TERMINALS = ['get', 'post', 'put', 'delete', 'head', 'iterate', 'all', 'defaults']
const CHAIN = /(client((?:\.[A-Za-z_$][\w$]*|\[(?:'[^']*'|"[^"]*"|`[^`]*`|[^\]]*)\])*))\.([A-Za-z_$][\w$]*)?$/

interface Node {
  fixed: Map<string, Node>
  variable?: Node
}

/** Builds a segment tree of the patterns; variables collapse into one child per level. */
export function buildTree(patterns: readonly string[]): Node {
  const root: Node = { fixed: new Map() }
  for (const pattern of patterns) {
    let node = root
    for (const part of pattern.slice(1).split('/')) {
      if (part === '') continue
      if (part.startsWith('{')) {
        node.variable ??= { fixed: new Map() }
        node = node.variable
      } else {
        let next = node.fixed.get(part)
        if (!next) {
          next = { fixed: new Map() }
          node.fixed.set(part, next)
        }
        node = next
      }
    }
  }
  return root
}

/**
 * Completes the last property of a `client...` chain: the fixed child segments at that depth plus
 * the call methods. Returns undefined when the line is not such a chain (the default completer runs).
 */
export function completeChain(line: string, tree: Node): [string[], string] | undefined {
  const match = CHAIN.exec(line)
  if (!match) return undefined
  const steps = match[2]!.match(/\.[A-Za-z_$][\w$]*|\[[^\]]*\]/g) ?? []
  let node: Node | undefined = tree
  for (const step of steps) {
    if (!node) break
    node = step.startsWith('[') ? node.variable : node.fixed.get(step.slice(1))
  }
  if (!node) return [[], match[3] ?? '']
  const partial = match[3] ?? ''
  const names = [...node.fixed.keys(), ...(steps.length > 0 ? TERMINALS : [])]
  const prefix = line.slice(0, line.length - partial.length)
  const hits = names.filter((name) => name.startsWith(partial)).sort()
  return [hits.map((name) => prefix + name), line]
}

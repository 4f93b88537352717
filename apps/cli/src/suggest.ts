/** Levenshtein distance between two short strings. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
    }
    previous = current
  }
  return previous[b.length]!
}

function segments(path: string): string[] {
  return path
    .split('?')[0]!
    .split('/')
    .filter((segment) => segment !== '')
}

const isVariable = (segment: string) => segment.startsWith('{') && segment.endsWith('}')

/**
 * How far a concrete path is from a route pattern: variable segments accept anything, fixed ones
 * cost their edit distance, and each missing or extra segment costs its length (at least 3).
 */
export function pathDistance(path: string, pattern: string): number {
  const given = segments(path)
  const wanted = segments(pattern)
  const rows = given.length + 1
  const cols = wanted.length + 1
  const table: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0))
  const gapCost = (segment: string) => Math.max(3, isVariable(segment) ? 3 : segment.length)
  for (let i = 1; i < rows; i++) table[i]![0] = table[i - 1]![0]! + gapCost(given[i - 1]!)
  for (let j = 1; j < cols; j++) table[0]![j] = table[0]![j - 1]! + gapCost(wanted[j - 1]!)
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const segment = wanted[j - 1]!
      const substitute = isVariable(segment) ? 0 : editDistance(given[i - 1]!, segment)
      table[i]![j] = Math.min(
        table[i - 1]![j - 1]! + substitute,
        table[i - 1]![j]! + gapCost(given[i - 1]!),
        table[i]![j - 1]! + gapCost(segment),
      )
    }
  }
  return table[given.length]![wanted.length]!
}

/**
 * Fills a pattern with the user's own values where the segment counts line up, so that
 * `/people/bob/activites` suggests `/people/bob/activities` rather than the bare pattern.
 */
function fillWithGiven(path: string, pattern: string): string {
  const given = segments(path)
  const wanted = segments(pattern)
  if (given.length !== wanted.length) return pattern
  return `/${wanted.map((segment, index) => (isVariable(segment) ? given[index]! : segment)).join('/')}`
}

/** The nearest patterns to an unknown path, best first (at most `limit`, within a sane distance). */
export function nearestPaths(path: string, patterns: readonly string[], limit = 3): string[] {
  const size = segments(path).join('/').length
  const threshold = Math.max(4, Math.ceil(size / 3))
  return patterns
    .map((pattern) => ({ pattern, distance: pathDistance(path, pattern) }))
    .filter(({ distance }) => distance <= threshold)
    .sort((a, b) => a.distance - b.distance || a.pattern.length - b.pattern.length)
    .slice(0, limit)
    .map(({ pattern }) => fillWithGiven(path, pattern))
}

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  catalog,
  findRoute,
  type HttpMethod,
  matchPath,
  methodOf,
  type RouteSpec,
  routePairs,
} from '../src/index.js'

interface FixtureMethod {
  permission: string
  permissionLabel: string
  head: boolean
  searchParams: boolean
  successStatus: number[]
}
interface FixtureRoute {
  id: string
  pattern: string
  category: string
  name: string | null
  filesystem: boolean
  actorNotRequired: string[]
  patternParams: string[]
  methods: Record<string, FixtureMethod>
}
const endpoints = JSON.parse(readFileSync(new URL('./fixtures/endpoints.json', import.meta.url), 'utf8')) as {
  routes: FixtureRoute[]
}
const deprecations = JSON.parse(
  readFileSync(new URL('./fixtures/deprecations.json', import.meta.url), 'utf8'),
) as {
  rules: {
    function: string
    old: { method: HttpMethod; path: string }
    new: { method: HttpMethod; path: string }
  }[]
}

describe('catalog against endpoints.json (MAX 5.3)', () => {
  it('holds every route and every route–method pair, with the same attributes', () => {
    expect(endpoints.routes).toHaveLength(73)
    let pairs = 0
    for (const expected of endpoints.routes) {
      const route = findRoute(expected.pattern)
      expect(route, expected.pattern).toBeDefined()
      expect(route!.id).toBe(expected.id)
      expect(route!.category).toBe(expected.category)
      expect(route!.name).toBe(expected.name)
      expect(route!.filesystem).toBe(expected.filesystem)
      expect([...route!.actorNotRequired]).toEqual(expected.actorNotRequired)
      expect(route!.deprecated).toBeUndefined()
      for (const [method, facts] of Object.entries(expected.methods)) {
        const spec = route!.methods[method as HttpMethod]
        expect(spec, `${method} ${expected.pattern}`).toBeDefined()
        expect(spec!.deprecated).toBeUndefined()
        expect(spec!.permission).toBe(facts.permission)
        expect(spec!.permissionLabel).toBe(facts.permissionLabel)
        expect(spec!.count).toBe(facts.head)
        expect(spec!.searchParams).toBe(facts.searchParams)
        expect([...spec!.successStatus]).toEqual(facts.successStatus)
        pairs++
      }
    }
    expect(pairs).toBe(99)
  })

  it('lists exactly those 99 pairs as current, in server order', () => {
    const expected = endpoints.routes.flatMap((r) => Object.keys(r.methods).map((m) => `${m} ${r.pattern}`))
    const actual = routePairs().map(({ route, method }) => `${method} ${route.pattern}`)
    expect(actual.sort()).toEqual(expected.sort())
    expect(catalog.filter((r: RouteSpec) => !r.deprecated).map((r: RouteSpec) => r.id)).toEqual(
      endpoints.routes.map((r) => r.id),
    )
  })

  it('marks HEAD counts on exactly the 10 counting GETs', () => {
    const counting = routePairs().filter(({ route, method }) => route.methods[method]?.count)
    expect(counting).toHaveLength(10)
    expect(counting.every(({ method }) => method === 'GET')).toBe(true)
    expect(counting.map(({ route }) => route.pattern)).toContain('/conversations/active')
  })

  it('has a one-line summary for every method, and params matching the pattern', () => {
    for (const { route, method } of routePairs({ deprecated: true })) {
      const { summary } = route.methods[method]!
      expect(summary.length).toBeGreaterThan(10)
      expect(summary).not.toContain('\n')
      expect([...route.params]).toEqual([...route.pattern.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]))
    }
  })

  it('flags every deprecated rewrite rule of a fixed path with the route it rewrites to', () => {
    const rules = deprecations.rules.filter((r) => r.function !== 'fix_deprecated_create_context_activity')
    expect(rules).toHaveLength(7)
    for (const rule of rules) {
      const route = findRoute(rule.old.path)
      const spec = route?.methods[rule.old.method]
      expect(spec?.deprecated, `${rule.old.method} ${rule.old.path}`).toEqual({
        rewritesTo: { method: rule.new.method, pattern: rule.new.path },
      })
      expect(findRoute(rule.new.path)?.methods[rule.new.method]).toBeDefined()
    }
    expect(routePairs({ deprecated: true })).toHaveLength(99 + 7)
    expect(findRoute('/people/{username}/device/{platform}/{token}')?.deprecated).toBe(true)
    // The conditional rewrite of POST /people/{username}/activities is a live method, not a deprecated one.
    expect(findRoute('/people/{username}/activities')?.methods.POST?.deprecated).toBeUndefined()
  })

  it('marks uploads, pagination and public routes', () => {
    expect(findRoute('/people/{username}/avatar')?.methods.POST?.upload).toBe(true)
    expect(findRoute('/conversations/{id}/messages')?.methods.POST?.upload).toBe(true)
    expect(findRoute('/contexts')?.methods.POST?.upload).toBe(false)
    expect(findRoute('/people/{username}/timeline')?.methods.GET?.paginated).toBe(true)
    expect(findRoute('/activities/{activity}')?.methods.GET?.paginated).toBe(false)
    expect(findRoute('/info/api')?.methods.GET?.permission).toBe('Anonymous')
  })
})

describe('findRoute / methodOf', () => {
  it('finds by pattern, not by concrete path', () => {
    expect(findRoute('/people/{username}')?.id).toBe('user')
    expect(findRoute('/people/messi')).toBeUndefined()
  })
  it('answers HEAD with the GET spec', () => {
    const route = findRoute('/activities')!
    expect(methodOf(route, 'HEAD')).toBe(route.methods.GET)
    expect(methodOf(route, 'PUT')).toBeUndefined()
  })
})

describe('matchPath', () => {
  it('matches concrete paths and decodes the variables', () => {
    expect(matchPath('/people/messi/activities')).toEqual({
      route: findRoute('/people/{username}/activities'),
      params: { username: 'messi' },
    })
    expect(matchPath('/people/a%2Fb')?.params).toEqual({ username: 'a/b' })
    expect(matchPath('/contexts/abc/permissions/joan/write')?.params).toEqual({
      hash: 'abc',
      username: 'joan',
      permission: 'write',
    })
  })
  it('prefers a fixed segment over a variable sibling', () => {
    expect(matchPath('/contexts/public')?.route.pattern).toBe('/contexts/public')
    expect(matchPath('/contexts/abc')?.route.pattern).toBe('/contexts/{hash}')
    expect(matchPath('/conversations/active')?.route.pattern).toBe('/conversations/active')
    expect(matchPath('/conversations/123')?.route.pattern).toBe('/conversations/{id}')
    expect(matchPath('/contexts/h/permissions/u/defaults')?.route.pattern).toBe(
      '/contexts/{hash}/permissions/{username}/defaults',
    )
    expect(matchPath('/activities/comments')?.route.pattern).toBe('/activities/comments')
  })
  it('decodes segments before matching, as the server does', () => {
    expect(matchPath('/contexts/publi%63')?.route.pattern).toBe('/contexts/public')
    expect(matchPath('/people/joan%20p%C3%A9rez')?.params).toEqual({ username: 'joan pérez' })
  })
  it('falls back to the variable when the fixed branch leads nowhere', () => {
    // "public" used as a hash: /contexts/public/activities only exists as /contexts/{hash}/activities
    expect(matchPath('/contexts/public/activities')).toEqual({
      route: findRoute('/contexts/{hash}/activities'),
      params: { hash: 'public' },
    })
  })
  it('ignores the query string and rejects unknown, empty or malformed paths', () => {
    expect(matchPath('/people/x?limit=1')?.params).toEqual({ username: 'x' })
    expect(matchPath('/people/x/activitiez')).toBeUndefined()
    expect(matchPath('/people//activities')).toBeUndefined()
    expect(matchPath('/people/x/')).toBeUndefined()
    expect(matchPath('people/x')).toBeUndefined()
    expect(matchPath('/people/%E0%A4%A')).toBeUndefined()
  })
  it('matches every catalog pattern filled with sample values back to itself', () => {
    for (const route of catalog as readonly RouteSpec[]) {
      const path = route.pattern.replace(/\{[^}]+\}/g, (m) => `v-${m.slice(1, -1)}`)
      const match = matchPath(path)
      expect(match?.route.pattern, path).toBe(route.pattern)
    }
  })
})

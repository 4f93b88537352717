import { readFileSync } from 'node:fs'
import { UsageError } from '@maxclient/core'
import { describe, expect, it } from 'vitest'
import {
  type CatalogOverrides,
  catalog,
  catalogFromInfoApi,
  catalogOverrides,
  catalogToInfoApi,
  diffCatalogs,
  generatedCatalog,
  infoApiByCategory,
  infoApiRoutes,
  mergeCatalog,
  type RouteSpec,
  renderCatalogModule,
} from '../src/index.js'

const current = catalog as readonly RouteSpec[]
const recorded = JSON.parse(readFileSync(new URL('./fixtures/info-api.json', import.meta.url), 'utf8'))

describe('catalogToInfoApi', () => {
  const doc = catalogToInfoApi(current)
  it('lists current routes keyed by id, without info_api and deprecated forms, like the server', () => {
    expect(Object.keys(doc)).toHaveLength(72)
    expect(doc.info_api).toBeUndefined()
    expect(doc.dep_user_device_token).toBeUndefined()
    expect(Object.keys(doc.user!.methods)).toEqual(['GET', 'PUT', 'DELETE'])
    expect(doc.user_activities).toMatchObject({
      route: '/people/{username}/activities',
      id: 'user_activities',
      name: 'User activities',
      url: '/people/{username}/activities',
      category: 'Activities',
      filesystem: false,
    })
  })
  it('repeats counting GETs as HEAD and shows permission labels', () => {
    const methods = doc.user_activities!.methods
    expect(Object.keys(methods)).toEqual(['GET', 'HEAD', 'POST'])
    expect(methods.HEAD).toEqual(methods.GET)
    expect(methods.GET!.permission).toBe('View activities')
    expect(doc.info!.methods.GET!.permission).toBe('Anonymous')
    expect(Object.keys(doc.timeline!.methods)).toEqual(['GET'])
  })
})

describe('catalogFromInfoApi', () => {
  it('round-trips the catalog through its own /info/api document', () => {
    expect(catalogFromInfoApi(catalogToInfoApi(current))).toEqual(current)
    expect(infoApiRoutes(catalogToInfoApi(current))).toEqual(generatedCatalog)
  })

  it('reads exactly what a recorded document says, needing no earlier catalog', () => {
    const routes = infoApiRoutes(recorded)
    expect(diffCatalogs(generatedCatalog, routes)).toEqual({
      added: ['GET /people/{username}/likes'],
      removed: ['DELETE /contexts/{hash}/tags/{tag}'],
    })
    expect(routes.find((r) => r.id === 'user_likes')).toEqual({
      id: 'user_likes',
      pattern: '/people/{username}/likes',
      category: 'Activities',
      name: 'User likes',
      filesystem: false,
      params: ['username'],
      methods: {
        GET: {
          permissionLabel: 'View activities',
          summary: 'Return the activities a user liked',
          count: true,
          restParams: [],
          queryParams: [{ name: 'sort', required: false, example: 'published' }],
          searchParams: true,
        },
      },
    })
    // Placed where the server lists it.
    expect(routes.findIndex((r) => r.id === 'user_likes')).toBe(
      routes.findIndex((r) => r.id === 'user_comments') + 1,
    )
  })

  it('names overrides the document no longer backs, instead of dropping them', () => {
    expect(() => catalogFromInfoApi(recorded)).toThrow(
      /Catalog overrides name routes or methods \/info\/api does not list: DELETE \/contexts\/\{hash\}\/tags\/\{tag\}/,
    )
    const { 'DELETE /contexts/{hash}/tags/{tag}': _stale, ...methods } = catalogOverrides.methods
    const next = catalogFromInfoApi(recorded, { ...catalogOverrides, methods })
    // A new route gets what the document implies; the others keep their curated facts.
    expect(next.find((r) => r.id === 'user_likes')?.methods.GET).toMatchObject({
      permission: 'view_activities',
      paginated: false,
      list: false,
      successStatus: [200],
    })
    // The facts the overrides carry (the rest is what the recorded document says).
    const curated = (id: string) => {
      const { model, list, paginated, pagination, permission, successStatus } = current.find(
        (r) => r.id === id,
      )!.methods.GET!
      return { model, list, paginated, pagination, permission, successStatus }
    }
    expect(next.find((r) => r.id === 'user_activities')?.methods.GET).toMatchObject(
      curated('user_activities'),
    )
    expect(next.find((r) => r.id === 'messages')?.methods.GET).toMatchObject(curated('messages'))
    expect(next.find((r) => r.id === 'info_api')).toEqual(current.find((r) => r.id === 'info_api'))
    expect(next.filter((r) => r.deprecated).map((r) => r.id)).toEqual([
      'dep_user_device_token',
      'dep_user_subscriptions',
    ])
  })

  it('rejects an override for a route or method the generated catalog lacks', () => {
    const stale = (extra: Partial<CatalogOverrides>) => () =>
      mergeCatalog(generatedCatalog, { ...catalogOverrides, ...extra })
    expect(stale({ methods: { ...catalogOverrides.methods, 'GET /peeple': { list: true } } })).toThrow(
      /does not list: GET \/peeple/,
    )
    expect(stale({ methods: { ...catalogOverrides.methods, 'PUT /people': { list: true } } })).toThrow(
      /does not list: PUT \/people/,
    )
    expect(stale({ routes: { '/peeple': { actorNotRequired: ['GET'] } } })).toThrow(/does not list: \/peeple/)
    // A deprecated form whose target is gone is named too.
    const doc = catalogToInfoApi(current)
    delete (doc as Record<string, unknown>).tokens
    expect(() => catalogFromInfoApi(doc)).toThrow(/does not list: POST \/tokens/)
    const methods = Object.fromEntries(
      Object.entries(catalogOverrides.methods).filter(([key]) => !key.endsWith(' /tokens')),
    )
    expect(() => catalogFromInfoApi(doc, { ...catalogOverrides, methods })).toThrow(
      /deprecated forms whose target \/info\/api does not list: POST \/people\/\{username\}\/device\/\{platform\}\/\{token\} \(rewrites to POST \/tokens\)/,
    )
  })

  it("gives new lists and uploads MAX's usual paging and form", () => {
    const merged = mergeCatalog(generatedCatalog, {
      routes: {},
      extraRoutes: [],
      methods: {
        'GET /people/{username}/activities': { paginated: true, list: true },
        'POST /people/{username}/activities': { upload: true },
      },
    })
    const activities = merged.find((r) => r.pattern === '/people/{username}/activities')!
    expect(activities.methods.GET?.pagination).toEqual({ cursor: 'id', order: 'newest-first' })
    expect(activities.methods.POST?.uploadForm).toBe('json_data+file')
    expect(current.find((r) => r.id === 'avatar')?.methods.POST?.uploadForm).toBe('file')
    expect(
      current.find((r) => r.pattern === '/conversations/{id}/messages')?.methods.GET?.pagination?.order,
    ).toBe('oldest-first')
  })

  it('reads the by_category form too', () => {
    const doc = catalogToInfoApi(current)
    const byCategory = [...new Set(Object.values(doc).map((r) => r.category))].sort().map((name) => ({
      name,
      id: name.toLowerCase().replace(/ /g, '-'),
      resources: Object.values(doc)
        .filter((r) => r.category === name)
        .map((r) => ({
          route_id: r.id,
          filesystem: r.filesystem,
          route_name: r.name,
          route_url: r.url,
          methods: r.methods,
        })),
    }))
    const next = catalogFromInfoApi(byCategory)
    expect(diffCatalogs(current, next)).toEqual({ added: [], removed: [] })
    expect(next.find((r) => r.id === 'context')).toEqual(current.find((r) => r.id === 'context'))
  })

  it('writes the by_category form that it reads', () => {
    const doc = catalogToInfoApi(current)
    const grouped = infoApiByCategory(doc)
    expect(grouped.map((c) => c.name)).toEqual([...new Set(Object.values(doc).map((r) => r.category))])
    expect(grouped.flatMap((c) => c.resources).length).toBe(Object.keys(doc).length)
    expect(grouped[0]?.resources[0]).toEqual({
      route_id: 'users',
      filesystem: false,
      route_name: doc.users?.name,
      route_url: '/people',
      methods: doc.users?.methods,
    })
    expect(diffCatalogs(current, catalogFromInfoApi(grouped))).toEqual({ added: [], removed: [] })
  })

  it('derives what it can for a new route', () => {
    const doc = catalogToInfoApi(current)
    doc.new_thing = {
      route: '/things/{thing}',
      id: 'new_thing',
      name: 'new_thing',
      filesystem: false,
      url: '/things/{thing}',
      category: 'Things',
      methods: {
        POST: {
          description: '  Make a thing  \n\nmore',
          documentation: '',
          payload: null,
          rest_params: [{ name: 'thing', description: '' }],
          query_params: [],
          permission: 'Make brand new things',
          modifiers: [],
        },
      },
    }
    const thing = catalogFromInfoApi(doc).find((r) => r.id === 'new_thing')!
    expect(thing.name).toBeNull()
    expect(thing.methods.POST).toMatchObject({
      permission: 'make_brand_new_things',
      summary: 'Make a thing',
      successStatus: [201, 200],
      restParams: [{ name: 'thing', required: true }],
      searchParams: false,
    })
  })

  it('rejects documents that are not /info/api, saying what is wrong', () => {
    expect(() => catalogFromInfoApi('nope')).toThrow(UsageError)
    expect(() => catalogFromInfoApi({ x: { id: 'x', methods: {} } })).toThrow(/pattern \(route\) of route x/)
    expect(() => catalogFromInfoApi({ x: { route: '/x', methods: { PATCH: {} } } })).toThrow(
      /unknown method "PATCH"/,
    )
    expect(() => catalogFromInfoApi([{ name: 'A' }])).toThrow(/resources list/)
    expect(() =>
      catalogFromInfoApi({ a: { route: '/x', methods: {} }, b: { route: '/x', methods: {} } }),
    ).toThrow(/appears twice/)
    expect(() => catalogFromInfoApi({}, current as never)).toThrow(/an earlier catalog is no longer needed/)
  })
})

describe('renderCatalogModule', () => {
  it('reproduces the committed catalog module byte for byte from /info/api alone', () => {
    const file = readFileSync(new URL('../src/catalog.generated.ts', import.meta.url), 'utf8')
    expect(renderCatalogModule(infoApiRoutes(catalogToInfoApi(current)))).toBe(file)
    expect(renderCatalogModule(generatedCatalog)).toBe(file)
  })
  it('does not reference the shared API notes at run time', () => {
    const file = readFileSync(new URL('../src/catalog.generated.ts', import.meta.url), 'utf8')
    expect(file).not.toMatch(/shared|max-api/)
  })
})

import { readFileSync } from 'node:fs'
import { UsageError } from '@maxclient/core'
import { describe, expect, it } from 'vitest'
import {
  catalog,
  catalogFromInfoApi,
  catalogToInfoApi,
  diffCatalogs,
  infoApiByCategory,
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
    expect(catalogFromInfoApi(catalogToInfoApi(current), current)).toEqual(current)
  })

  it('follows a recorded document: a route added, a route removed, curated facts kept', () => {
    const next = catalogFromInfoApi(recorded, current)
    expect(diffCatalogs(current, next)).toEqual({
      added: ['GET /people/{username}/likes'],
      removed: ['DELETE /contexts/{hash}/tags/{tag}'],
    })
    const likes = next.find((r) => r.id === 'user_likes')!
    expect(likes).toEqual({
      id: 'user_likes',
      pattern: '/people/{username}/likes',
      category: 'Activities',
      name: 'User likes',
      filesystem: false,
      actorNotRequired: [],
      params: ['username'],
      methods: {
        GET: {
          permission: 'list_activities', // constant known from the label in the previous catalog
          permissionLabel: 'View activities',
          summary: 'Return the activities a user liked',
          count: true,
          restParams: [],
          queryParams: [{ name: 'sort', required: false, example: 'published' }],
          searchParams: true,
          paginated: false,
          upload: false,
          list: false,
          successStatus: [200],
        },
      },
    })
    // Placed where the server lists it.
    expect(next.findIndex((r) => r.id === 'user_likes')).toBe(
      next.findIndex((r) => r.id === 'user_comments') + 1,
    )
    // Every route that stayed keeps its curated facts (summaries, models, flags, deprecated forms).
    for (const route of next) {
      if (route.id === 'user_likes') continue
      expect(route, route.id).toEqual(current.find((r) => r.id === route.id))
    }
    // The server never lists /info/api, and deprecated forms are client knowledge: both stay.
    expect(next.find((r) => r.id === 'info_api')).toEqual(current.find((r) => r.id === 'info_api'))
    expect(next.filter((r) => r.deprecated).map((r) => r.id)).toEqual([
      'dep_user_device_token',
      'dep_user_subscriptions',
    ])
  })

  it('fills paging and upload-form facts a previous catalog lacks, and keeps curated ones', () => {
    // A catalog written before these facts existed: lists and uploads get MAX's usual forms.
    const older = current.map((route) => ({
      ...route,
      methods: Object.fromEntries(
        Object.entries(route.methods).map(([method, spec]) => {
          const { pagination: _p, uploadForm: _u, ...rest } = spec
          return [method, rest]
        }),
      ),
    })) as RouteSpec[]
    const filled = catalogFromInfoApi(catalogToInfoApi(current), older)
    const activities = filled.find((r) => r.pattern === '/people/{username}/activities')!
    expect(activities.methods.GET?.pagination).toEqual({ cursor: 'id', order: 'newest-first' })
    expect(activities.methods.POST?.uploadForm).toBe('json_data+file')
    // Curated facts survive a sync.
    const next = catalogFromInfoApi(catalogToInfoApi(current), current)
    expect(next.find((r) => r.id === 'avatar')?.methods.POST?.uploadForm).toBe('file')
    expect(
      next.find((r) => r.pattern === '/conversations/{id}/messages')?.methods.GET?.pagination?.order,
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
    const next = catalogFromInfoApi(byCategory, current)
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
    expect(diffCatalogs(current, catalogFromInfoApi(grouped, current))).toEqual({ added: [], removed: [] })
  })

  it('derives what it can for a new route and drops deprecated forms whose target is gone', () => {
    const doc = catalogToInfoApi(current)
    delete (doc as Record<string, unknown>).tokens // POST /tokens is the target of a deprecated form
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
    const next = catalogFromInfoApi(doc, current)
    const thing = next.find((r) => r.id === 'new_thing')!
    expect(thing.name).toBeNull()
    expect(thing.methods.POST).toMatchObject({
      permission: 'make_brand_new_things',
      summary: 'Make a thing',
      successStatus: [201, 200],
      restParams: [{ name: 'thing', required: true }],
      searchParams: false,
    })
    const device = next.find((r) => r.id === 'dep_user_device_token')!
    expect(Object.keys(device.methods)).toEqual(['DELETE'])
  })

  it('rejects documents that are not /info/api, saying what is wrong', () => {
    expect(() => catalogFromInfoApi('nope', current)).toThrow(UsageError)
    expect(() => catalogFromInfoApi({ x: { id: 'x', methods: {} } }, current)).toThrow(
      /pattern \(route\) of route x/,
    )
    expect(() => catalogFromInfoApi({ x: { route: '/x', methods: { PATCH: {} } } }, current)).toThrow(
      /unknown method "PATCH"/,
    )
    expect(() => catalogFromInfoApi([{ name: 'A' }], current)).toThrow(/resources list/)
    expect(() =>
      catalogFromInfoApi({ a: { route: '/x', methods: {} }, b: { route: '/x', methods: {} } }, current),
    ).toThrow(/appears twice/)
  })
})

describe('renderCatalogModule', () => {
  it('reproduces the committed catalog module byte for byte', () => {
    const file = readFileSync(new URL('../src/catalog.generated.ts', import.meta.url), 'utf8')
    expect(renderCatalogModule(current)).toBe(file)
  })
  it('does not reference the shared API notes at run time', () => {
    const file = readFileSync(new URL('../src/catalog.generated.ts', import.meta.url), 'utf8')
    expect(file).not.toMatch(/shared|max-api/)
  })
})

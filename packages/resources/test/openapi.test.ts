import { UsageError } from '@maxclient/core'
import { createConfig, lintFromString } from '@redocly/openapi-core'
import { describe, expect, it } from 'vitest'
import { builtinDefaults, catalog, defaultsFor, methodOf, type RouteSpec, routePairs } from '../src/index.js'
import { apiCategories, openApiDocument } from '../src/openapi.js'

const doc = openApiDocument()
type Operation = {
  operationId: string
  tags: string[]
  deprecated?: boolean
  security?: unknown[]
  parameters?: Array<{ name: string; in: string; required?: boolean }>
  requestBody?: { content: Record<string, { schema: Record<string, unknown>; example?: unknown }> }
  responses: Record<
    string,
    { description?: string; content?: Record<string, { schema: unknown }>; headers?: Record<string, unknown> }
  >
  'x-pagination'?: unknown
}
const op = (pattern: string, method: string) => doc.paths[pattern]?.[method.toLowerCase()] as Operation

/** Redocly's findings on a document, with its recommended rules. */
async function lint(document: unknown): Promise<string[]> {
  const config = await createConfig({
    extends: ['recommended'],
    // MAX's licence is not ours to state.
    rules: { 'info-license': 'off' },
  })
  const problems = await lintFromString({
    source: JSON.stringify(document),
    absoluteRef: '/max.openapi.json',
    config,
  })
  return problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`)
}

describe('openApiDocument', () => {
  it('passes the Redocly linter (recommended rules) with no problem at all', async () => {
    expect(await lint(doc)).toEqual([])
  })

  it('would be caught by that linter if it were broken', async () => {
    const broken = openApiDocument()
    delete (broken.paths['/people/{username}']!.get as Operation).parameters
    delete (broken.paths['/people']!.get as Operation).responses['200']!.description
    const problems = await lint(broken)
    expect(problems.some((p) => p.includes('path-parameters-defined'))).toBe(true)
    expect(problems.some((p) => p.startsWith('error struct'))).toBe(true)
  })

  it('lists every route–method pair, deprecated forms marked deprecated', () => {
    const pairs = routePairs({ deprecated: true })
    let operations = 0
    for (const { route, method } of pairs) {
      const spec = methodOf(route, method)!
      const found = op(route.pattern, method)
      expect(found, `${method} ${route.pattern}`).toBeDefined()
      expect(found.tags).toEqual([route.category])
      expect(found.deprecated === true).toBe(Boolean(spec.deprecated || route.deprecated))
      operations++
    }
    const documented = Object.values(doc.paths).flatMap((item) =>
      Object.keys(item).filter((k) => k !== 'head'),
    )
    expect(documented).toHaveLength(operations)
    expect(op('/people/{username}', 'POST').deprecated).toBe(true)
    expect(op('/people', 'POST').deprecated).toBeUndefined()
  })

  it('has HEAD exactly on the counting GETs, answering X-totalItems', () => {
    for (const route of catalog as readonly RouteSpec[]) {
      const counts = route.methods.GET?.count === true
      expect(Boolean(doc.paths[route.pattern]?.head), route.pattern).toBe(counts)
    }
    const head = op('/people/{username}/activities', 'HEAD')
    expect(head.responses['200']?.headers).toHaveProperty('X-totalItems')
  })

  it('declares path variables, query parameters and the list parameters of paginated lists', () => {
    const names = (o: Operation) => (o.parameters ?? []).map((p) => `${p.in}:${p.name}`)
    expect(names(op('/contexts/{hash}/permissions/{username}/{permission}', 'PUT'))).toEqual([
      'path:hash',
      'path:username',
      'path:permission',
      'query:permanent',
    ])
    const timeline = op('/people/{username}/timeline', 'GET')
    expect(names(timeline)).toEqual(['path:username', 'query:limit', 'query:before', 'query:after'])
    expect(timeline['x-pagination']).toEqual({
      cursor: 'id',
      order: 'newest-first',
      modes: expect.any(Array),
    })
    // A query parameter the method declares itself is not repeated by the list parameters.
    expect(names(op('/people/{username}/timeline/authors', 'GET'))).toEqual(['path:username', 'query:limit'])
  })

  it('puts the endpoint defaults in request bodies, and the upload forms', () => {
    for (const key of Object.keys(builtinDefaults)) {
      const [method, pattern] = key.split(' ') as [string, string]
      const json = op(pattern, method).requestBody?.content['application/json']
      expect(json?.schema.default, key).toEqual(defaultsFor(pattern, method as 'POST'))
      expect(json?.example).toEqual(json?.schema.default)
    }
    const post = op('/people/{username}/activities', 'POST').requestBody!.content
    expect(Object.keys(post)).toEqual(['application/json', 'multipart/form-data'])
    expect(post['multipart/form-data']!.schema.required).toEqual(['json_data'])
    // The avatar takes the file part alone: no JSON body, no json_data.
    const avatar = op('/people/{username}/avatar', 'POST').requestBody!.content
    expect(Object.keys(avatar)).toEqual(['multipart/form-data'])
    expect(Object.keys(avatar['multipart/form-data']!.schema.properties as object)).toEqual(['file'])
  })

  it('answers with the model schemas, and the errors MAX sends', () => {
    expect(op('/people/{username}', 'GET').responses['200']?.content?.['application/json']?.schema).toEqual({
      $ref: '#/components/schemas/Person',
    })
    expect(
      op('/people/{username}/timeline', 'GET').responses['200']?.content?.['application/json']?.schema,
    ).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/Activity' },
    })
    expect(op('/people/{username}', 'DELETE').responses['204']?.content).toBeUndefined()
    expect(op('/people', 'POST').responses).toHaveProperty('201')
    expect(op('/people', 'POST').responses).toHaveProperty('200')
    expect(op('/people', 'GET').responses['4XX']).toEqual({ $ref: '#/components/responses/Error' })
    const person = doc.components.schemas.Person!
    expect(person.required).toEqual(['username', 'displayName', 'objectType', 'published'])
  })

  it('names the three X-Oauth headers as security, and leaves public routes open', () => {
    expect(Object.values(doc.components.securitySchemes).map((s) => s.name)).toEqual([
      'X-Oauth-Token',
      'X-Oauth-Username',
      'X-Oauth-Scope',
    ])
    expect(doc.security).toEqual([{ oauthToken: [], oauthUsername: [], oauthScope: [] }])
    expect(op('/info', 'GET').security).toEqual([])
    expect(op('/people/{username}', 'GET').security).toBeUndefined()
  })

  it('tags every operation with a declared category', () => {
    expect(doc.tags.map((t) => t.name).sort()).toEqual(apiCategories().sort())
    expect(apiCategories()).toHaveLength(9)
  })

  it('takes servers, rejects bad options, and hands out a fresh copy', () => {
    expect(openApiDocument({ servers: [{ url: 'http://127.0.0.1:9' }] }).servers).toEqual([
      { url: 'http://127.0.0.1:9' },
    ])
    expect(() => openApiDocument({ servers: [{ url: 'max.example.com' }] })).toThrow(UsageError)
    expect(() => openApiDocument({ servers: [] })).toThrow(/non-empty array/)
    expect(() => openApiDocument({ server: 'x' } as never)).toThrow(/Unknown openApiDocument option 'server'/)
    const mine = openApiDocument()
    ;(mine.components.schemas.Person as { required: string[] }).required.push('x')
    expect(openApiDocument().components.schemas.Person!.required).not.toContain('x')
  })
})

describe('@maxclient/resources/openapi', () => {
  it('is its own entry point: the main entry neither exports nor loads it', async () => {
    const main = await import('../src/index.js')
    expect(main).not.toHaveProperty('openApiDocument')
    // The built main entry and its chunks must not carry the generator (turbo builds before testing).
    const dist = new URL('../dist/', import.meta.url)
    const { readFileSync, readdirSync } = await import('node:fs')
    const loaded = readdirSync(dist).filter((f) => f.endsWith('.js') && f !== 'openapi.js')
    expect(loaded).toContain('index.js')
    for (const file of loaded)
      expect(readFileSync(new URL(file, dist), 'utf8')).not.toContain('componentSchemas')
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    expect(pkg.exports['./openapi'].import.default).toBe('./dist/openapi.js')
  })
})

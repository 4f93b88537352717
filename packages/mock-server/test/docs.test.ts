import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { routePairs } from '@maxclient/resources'
import { build } from 'tsup'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMockHandler, type RunningMockServer } from '../src/index.js'
import { sessionOf, start } from './helpers.js'

let server: RunningMockServer
beforeAll(async () => {
  server = await start()
})
afterAll(() => server.close())

const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init)

describe('GET /openapi.json', () => {
  it('serves the OpenAPI document of every route, with this server as the server', async () => {
    const response = await get('/openapi.json')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    const doc = await response.json()
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.servers).toEqual([{ url: server.url, description: 'This mock server' }])
    for (const { route, method } of routePairs({ deprecated: true }))
      expect(doc.paths[route.pattern]?.[method.toLowerCase()], `${method} ${route.pattern}`).toBeDefined()
    expect(doc.info.description).toContain('POST /oauth/token')
  })

  it('names the origin each request used (in-process handler too)', async () => {
    const handler = createMockHandler()
    const doc = await (await handler('http://max.test/openapi.json')).json()
    expect(doc.servers[0].url).toBe('http://max.test')
  })

  it('answers HEAD without a body', async () => {
    const response = await get('/openapi.json', { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
  })
})

describe('GET /docs', () => {
  it('serves a page that loads the bundled renderer from this server only', async () => {
    const response = await get('/docs')
    expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8')
    const html = await response.text()
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1])
    expect(urls).toEqual(['/docs/swagger-ui.css', '/docs/swagger-ui-bundle.js', '/docs/init.js'])
    const init = await (await get('/docs/init.js')).text()
    expect(init).toContain('url: "/openapi.json"')
    expect(init).toContain('validatorUrl: null') // no call to validator.swagger.io
  })

  it('serves the renderer files as built from swagger-ui-dist, and its licence', async () => {
    const bundle = await get('/docs/swagger-ui-bundle.js')
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=UTF-8')
    const shipped = new Uint8Array(await bundle.arrayBuffer())
    const source = readFileSync(
      new URL('../node_modules/swagger-ui-dist/swagger-ui-bundle.js', import.meta.url),
    )
    expect(shipped.byteLength).toBe(source.byteLength)
    expect((await get('/docs/swagger-ui.css')).headers.get('content-type')).toBe('text/css; charset=UTF-8')
    expect(await (await get('/docs/LICENSE')).text()).toContain('Apache License')
  })

  it('answers any other file under /docs, or another method, with the usual 404 page', async () => {
    for (const path of [
      '/docs/swagger-ui-bundle.js.map',
      '/docs/../package.json',
      '/docs/%2e%2e/package.json',
    ])
      expect((await get(path)).status, path).toBe(404)
    expect((await get('/docs', { method: 'POST' })).status).toBe(404)
  })
})

describe('/docs bundled into another program (maxcli demo)', () => {
  it('finds the renderer files in the installed package', async () => {
    const packageDir = fileURLToPath(new URL('..', import.meta.url))
    const app = mkdtempSync(join(tmpdir(), 'max-docs-'))
    try {
      mkdirSync(join(app, 'node_modules', '@maxclient'), { recursive: true })
      symlinkSync(packageDir, join(app, 'node_modules', '@maxclient', 'mock-server'), 'dir')
      await build({
        config: false,
        entry: { docs: join(packageDir, 'src', 'docs.ts') },
        format: ['esm'],
        outDir: join(app, 'dist'),
        target: 'node20',
        platform: 'node',
        dts: false,
        silent: true,
        noExternal: [/^@maxclient\//],
      })
      const { docsResponse } = await import(pathToFileURL(join(app, 'dist', 'docs.js')).href)
      const url = new URL('http://max.test/docs/swagger-ui.css')
      const response: Response = await docsResponse(new Request(url), url)
      expect(response.status).toBe(200)
      expect((await response.arrayBuffer()).byteLength).toBe(
        readFileSync(join(packageDir, 'dist', 'docs', 'swagger-ui.css')).byteLength,
      )
    } finally {
      rmSync(app, { recursive: true, force: true })
    }
  })
})

describe('CORS', () => {
  const preflight = (headers: Record<string, string>) =>
    get('/people/admin/activities', {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:1', 'access-control-request-method': 'POST', ...headers },
    })

  it('answers a preflight with the methods, X-Oauth-* headers and max-age documented in the README', async () => {
    const response = await preflight({ 'access-control-request-headers': 'content-type,x-oauth-token' })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, DELETE, HEAD')
    const allowed = response.headers.get('access-control-allow-headers')!.split(', ')
    for (const name of ['Content-Type', 'X-Oauth-Token', 'X-Oauth-Username', 'X-Oauth-Scope'])
      expect(allowed).toContain(name)
    expect(response.headers.get('access-control-max-age')).toBe('600')
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    for (const value of [
      response.headers.get('access-control-allow-methods')!,
      response.headers.get('access-control-allow-headers')!,
      `Access-Control-Max-Age: ${response.headers.get('access-control-max-age')}`,
    ])
      expect(readme).toContain(value)
  })

  it('lets a page read every answer, errors included, and the count and paging headers', async () => {
    const denied = await get('/people/admin')
    expect(denied.status).toBe(401)
    expect(denied.headers.get('access-control-allow-origin')).toBe('*')
    const admin = sessionOf(server.url, 'admin', server.issueToken('admin'))
    const people = await admin.call('GET', '/people')
    expect(people.headers.get('access-control-allow-origin')).toBe('*')
    const exposed = people.headers.get('access-control-expose-headers')!
    expect(exposed.split(', ')).toEqual(expect.arrayContaining(['X-totalItems', 'X-Has-Remaining-Items']))
  })

  it('leaves an OPTIONS that is not a preflight to MAX (404)', async () => {
    expect((await get('/people', { method: 'OPTIONS' })).status).toBe(404)
  })
})

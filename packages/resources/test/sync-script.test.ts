import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { infoApiRoutes, renderCatalogModule } from '../src/index.js'

// `pnpm --filter @maxclient/resources sync` as users run it: the script over the built package
// (turbo's test task builds first).
const script = fileURLToPath(new URL('../scripts/sync.mjs', import.meta.url))
const fixture = fileURLToPath(new URL('./fixtures/info-api.json', import.meta.url))
const recorded = JSON.parse(readFileSync(fixture, 'utf8'))
const run = promisify(execFile)

let dir: string
let server: Server
let serverUrl: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'maxclient-sync-'))
  server = createServer((req, res) => {
    if (req.url !== '/info/api') {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(recorded))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true })
  await new Promise((resolve) => server.close(resolve))
})

const sync = (...args: string[]) =>
  run(process.execPath, [script, ...args], { env: { ...process.env, INIT_CWD: dir } })

describe('the sync script', () => {
  it('regenerates the catalog module from a recorded /info/api file, listing what changed', async () => {
    const out = join(dir, 'from-file.ts')
    const { stdout } = await sync('--from', fixture, '--out', out)
    expect(stdout).toContain('+ GET /people/{username}/likes')
    expect(stdout).toContain('- DELETE /contexts/{hash}/tags/{tag}')
    expect(stdout).toContain(
      'note: Catalog overrides name routes or methods /info/api does not list: DELETE /contexts/{hash}/tags/{tag}',
    )
    expect(readFileSync(out, 'utf8')).toBe(renderCatalogModule(infoApiRoutes(recorded)))
  })

  it('reads a live server by URL, and --check tells whether the module is up to date', async () => {
    const out = join(dir, 'from-url.ts')
    await sync('--from', `${serverUrl}/info/api`, '--out', out)
    const { stdout } = await sync('--from', `${serverUrl}/info/api`, '--out', out, '--check')
    expect(stdout).toContain('catalog is up to date')
    await expect(sync('--from', fixture, '--check')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('is out of date'),
    })
  })

  it('fails clearly on a missing file, a failing URL and missing arguments', async () => {
    await expect(sync('--from', 'nope.json')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no such file'),
    })
    await expect(sync('--from', `${serverUrl}/elsewhere`)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('answered 404'),
    })
    await expect(sync()).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--from is required'),
    })
  })
})

import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The build (tsup.config.ts) puts the shared runtime in dist/cli.cjs and each command in a file of its
// own that takes the runtime's modules from it: no module may run twice in a process, as a second
// copy of secrets.ts would not redact the token the first one was told about.
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url))
const ROOT = fileURLToPath(new URL('../../../../', import.meta.url))

/** The source files a built file was bundled from, relative to the repository. */
function sources(map: string): string[] {
  const { sources } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] }
  return sources
    .filter((source) => source.startsWith('.'))
    .map((source) => relative(ROOT, resolve(dirname(map), source)))
}

/** Copies that are harmless: a stateless shim, and the catalog of the mock server's /docs page. */
function allowed(map: string, source: string): boolean {
  if (source.endsWith('/tsup/assets/cjs_shims.js')) return true
  // The mock server loads @maxclient/resources/openapi for /docs, which brings its own catalog.
  return map === 'demo.cjs.map' && source.startsWith('packages/resources/src/')
}

describe('the build', () => {
  it("keeps the shared runtime's modules out of every command's file", () => {
    const runtime = new Set(sources(join(DIST, 'cli.cjs.map')))
    expect(runtime).toContain('apps/cli/src/secrets.ts')
    expect(runtime).toContain('packages/core/src/client.ts')
    const commands = readdirSync(join(DIST, 'commands')).filter((file) => file.endsWith('.cjs.map'))
    expect(commands).toContain('api.cjs.map')
    const repeated = commands.flatMap((map) =>
      sources(join(DIST, 'commands', map))
        .filter((source) => runtime.has(source) && !allowed(map, source))
        .map((source) => `${map}: ${source}`),
    )
    expect(repeated).toEqual([])
  })
})

import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/**
 * Test-time aliases: workspace packages resolve to their sources, so a change in a lower
 * layer is seen by the tests of the upper ones without a rebuild.
 */
export const sourceAliases = {
  '@maxclient/core/undici': root('./packages/core/src/undici.ts'),
  '@maxclient/core': root('./packages/core/src/index.node.ts'),
  '@maxclient/resources/openapi': root('./packages/resources/src/openapi.ts'),
  '@maxclient/resources': root('./packages/resources/src/index.ts'),
  '@maxclient/rest': root('./packages/rest/src/index.ts'),
  '@maxclient/rpc': root('./packages/rpc/src/index.ts'),
  '@maxclient/mock-server': root('./packages/mock-server/src/index.ts'),
  '@maxclient/realtime': root('./packages/realtime/src/index.ts'),
}

/** Base config every package extends with `mergeConfig`. */
export const sharedConfig = defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest/report.json' },
    testTimeout: 20_000,
    hookTimeout: 20_000,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
})

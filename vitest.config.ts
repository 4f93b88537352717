import { defineConfig } from 'vitest/config'

/** One workspace config: `pnpm vitest` at the root runs every package's project. */
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'bench', 'browser'],
  },
})

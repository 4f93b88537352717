import { readFileSync } from 'node:fs'
import { defineConfig } from 'tsup'
import { withoutSourcesContent } from '../../tsup.shared'

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string
}

export default defineConfig({
  entry: ['src/bin.ts'],
  format: ['esm'],
  dts: false,
  sourcemap: true,
  esbuildOptions: withoutSourcesContent,
  clean: true,
  target: 'node20',
  splitting: true,
  // Bundling the workspace packages into the app's chunks saves package resolution at
  // every start (a one-shot command is a benchmark target); the chunks still load lazily per command.
  // Being bundled, the @maxclient/* packages are devDependencies of the CLI, not dependencies:
  // an install of the CLI would otherwise carry a second, never-loaded copy of each of them.
  noExternal: [/^@maxclient\//],
  define: { __MAXCLI_VERSION__: JSON.stringify(version) },
})

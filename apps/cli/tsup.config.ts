import { readFileSync } from 'node:fs'
import { defineConfig } from 'tsup'

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string
}

export default defineConfig({
  entry: ['src/bin.ts'],
  format: ['esm'],
  dts: false,
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: true,
  // Bundling the workspace packages into the app's chunks saves package resolution at
  // every start (a one-shot command is a benchmark target); the chunks still load lazily per command.
  noExternal: [/^@maxclient\//],
  define: { __MAXCLI_VERSION__: JSON.stringify(version) },
})

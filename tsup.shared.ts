import { defineConfig, type Options } from 'tsup'

/**
 * Source maps point at the sources in the repository (linked from each package.json) instead
 * of embedding them: `sourcesContent` was most of the unpacked size of every package.
 */
export const withoutSourcesContent: Options['esbuildOptions'] = (options) => {
  options.sourcesContent = false
}

/** The build of every library package: ESM + CJS + declarations for Node 20 and modern browsers. */
export const libraryConfig = (entry: string[]) =>
  defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    esbuildOptions: withoutSourcesContent,
    clean: true,
    target: 'node20',
  })

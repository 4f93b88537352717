import { defineConfig } from 'tsup'

/** The build of every library package: ESM + CJS + declarations for Node 20 and modern browsers. */
export const libraryConfig = (entry: string[]) =>
  defineConfig({
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
  })

import { libraryConfig } from '../../tsup.shared'

const config = libraryConfig(['src/index.ts', 'src/index.node.ts', 'src/undici.ts'])

export default {
  ...config,
  esbuildOptions: (options, context) => {
    config.esbuildOptions?.(options, context)
    // src/undici.ts reads `import.meta.url` only in the ESM build (the CJS one has `__filename`).
    options.logOverride = { ...options.logOverride, 'empty-import-meta': 'silent' }
  },
} satisfies typeof config

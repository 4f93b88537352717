import { cpSync, mkdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { defineConfig } from 'tsup'
import { libraryConfig } from '../../tsup.shared'

/** Swagger UI's browser files, served by GET /docs; copied so the package has no runtime dependency. */
const DOCS_ASSETS = ['swagger-ui-bundle.js', 'swagger-ui.css', 'LICENSE', 'NOTICE']

export default defineConfig({
  ...libraryConfig(['src/index.ts', 'src/cli.ts']),
  // `max-mock-server` runs the ESM `dist/cli.js` (sharing chunks with the library); the CJS copy
  // and the declarations of the CLI entry would ship unused, so only the library gets them.
  dts: { entry: 'src/index.ts' },
  // docs.ts finds dist/docs from import.meta.url, which the CJS build needs shimmed.
  shims: true,
  onSuccess: async () => {
    rmSync('dist/cli.cjs', { force: true })
    rmSync('dist/cli.cjs.map', { force: true })
    const from = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))
    mkdirSync('dist/docs', { recursive: true })
    for (const name of DOCS_ASSETS) cpSync(join(from, name), join('dist/docs', name))
  },
})

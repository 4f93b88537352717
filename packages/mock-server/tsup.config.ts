import { cpSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { defineConfig } from 'tsup'
import { libraryConfig } from '../../tsup.shared'

/** Swagger UI's browser files, served by GET /docs; copied so the package has no runtime dependency. */
const DOCS_ASSETS = ['swagger-ui-bundle.js', 'swagger-ui.css', 'LICENSE', 'NOTICE']

export default defineConfig({
  ...libraryConfig(['src/index.ts', 'src/cli.ts']),
  // docs.ts finds dist/docs from import.meta.url, which the CJS build needs shimmed.
  shims: true,
  onSuccess: async () => {
    const from = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))
    mkdirSync('dist/docs', { recursive: true })
    for (const name of DOCS_ASSETS) cpSync(join(from, name), join('dist/docs', name))
  },
})

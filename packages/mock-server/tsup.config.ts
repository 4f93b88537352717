import { rm } from 'node:fs/promises'
import { libraryConfig } from '../../tsup.shared'

const base = libraryConfig(['src/index.ts', 'src/cli.ts'])

// `max-mock-server` runs the ESM `dist/cli.js` (sharing chunks with the library); the CJS copy
// and the declarations of the CLI entry would ship unused, so only the library gets them.
export default {
  ...base,
  dts: { entry: 'src/index.ts' },
  onSuccess: async () => {
    await rm('dist/cli.cjs', { force: true })
    await rm('dist/cli.cjs.map', { force: true })
  },
}

import { libraryConfig } from '../../tsup.shared'

// `openapi` is its own entry point so the main entry never loads the OpenAPI generator.
export default libraryConfig(['src/index.ts', 'src/openapi.ts'])

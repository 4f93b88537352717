import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/**
 * End-to-end tests run the built binary, so build it first: the CLI's own build takes about a
 * second (its workspace dependencies must be built already: `pnpm turbo run build --filter=@maxclient/cli`).
 */
export default function setup() {
  const cwd = fileURLToPath(new URL('../..', import.meta.url))
  const tsup = fileURLToPath(new URL('../../../../node_modules/.bin/tsup', import.meta.url))
  const result = spawnSync(tsup, [], { cwd, encoding: 'utf8' })
  if (result.status !== 0) {
    throw new Error(
      `Building maxcli for the end-to-end tests failed (are its dependencies built? run "pnpm turbo run build --filter=@maxclient/cli"):\n${result.stdout}\n${result.stderr}`,
    )
  }
}

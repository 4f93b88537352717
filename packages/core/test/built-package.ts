import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll } from 'vitest'

/**
 * The built package, as consumers get it (turbo's test task builds it first): this package's
 * directory, with `dist` inside.
 */
export const packageDir = fileURLToPath(new URL('..', import.meta.url))

/**
 * A temporary directory, for the tests of the calling file, whose scripts resolve
 * `@maxclient/core` to the built package. Returns a getter: the directory exists from `beforeAll`.
 */
export function withBuiltPackage(prefix: string): () => string {
  let dir: string | undefined
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix))
    mkdirSync(join(dir, 'node_modules', '@maxclient'), { recursive: true })
    symlinkSync(packageDir, join(dir, 'node_modules', '@maxclient', 'core'), 'dir')
  })
  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
  })
  return () => {
    if (dir === undefined) throw new Error('withBuiltPackage: the directory exists once beforeAll has run')
    return dir
  }
}

import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Options } from 'tsup'
import { withoutSourcesContent } from '../../tsup.shared'

/*
 * maxcli is built as CommonJS so that a run never starts Node's ES module loader (a one-shot command
 * is a benchmark target, and that loader costs more than the request it sends):
 *
 * - dist/cli.cjs: src/cli.ts, the shared runtime, with the workspace packages bundled in;
 * - dist/commands/NAME.cjs: one file per command module named in src/main.ts, loaded with `require`
 *   only when its command runs (or for help and completion). What such a file imports from the
 *   shared runtime (every module src/cli.ts re-exports, and @maxclient/core and /resources) becomes
 *   `require('../cli.cjs')`, so every module exists once in a process.
 *
 * Being bundled, the @maxclient/* packages are devDependencies of the CLI, not dependencies: an
 * install of the CLI would otherwise carry a second, never-loaded copy of each of them.
 */

const here = dirname(fileURLToPath(import.meta.url))
const src = resolve(here, 'src')
const { version } = JSON.parse(readFileSync(resolve(here, 'package.json'), 'utf8')) as { version: string }

/** What the shared runtime owns: the modules and packages src/cli.ts re-exports, all of each. */
const cliSource = readFileSync(resolve(src, 'cli.ts'), 'utf8')
if (/^(?!export \* from '[^']+'$)(?!\s*(\/\*\*|\*|$))/m.test(cliSource)) {
  throw new Error("src/cli.ts may hold only `export * from '...'` lines: tsup.config.ts reads it")
}
const runtimeFiles = new Set(
  [...cliSource.matchAll(/^export \* from '\.\/(.+)\.js'$/gm)].map(([, name]) => resolve(src, `${name}.ts`)),
)
const runtimePackages = new Set(
  [...cliSource.matchAll(/^export \* from '(@[^']+)'$/gm)].map(([, name]) => name!),
)

/** The command modules, from the loaders in src/main.ts: `commands/users/add` → `users-add`. */
const commandModules = [
  ...new Set(
    [...readFileSync(resolve(src, 'main.ts'), 'utf8').matchAll(/import\('\.\/commands\/(.+?)\.js'\)/g)].map(
      ([, path]) => path!,
    ),
  ),
]
const outputName = (path: string) => path.replaceAll('/', '-')

/**
 * Replaces imports (static or dynamic) that `target` maps to a file the other build writes with a
 * small module that requires that file, so that esbuild turns even a dynamic `import()` into a
 * `require`, and every import of it in a bundle shares one namespace object. A command module's
 * stub also passes on its default export (the declaration); the shared runtime has none, and its
 * stub copies its exports once.
 */
function requireInstead(
  name: string,
  stub: 'with-default' | 'named-only',
  target: (path: string, importer: string) => string | undefined,
) {
  return {
    name,
    setup(build: Parameters<NonNullable<Options['esbuildPlugins']>[number]['setup']>[0]) {
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.namespace !== 'file' || args.kind === 'entry-point') return undefined
        const file = target(args.path, args.importer)
        return file === undefined ? undefined : { path: file, namespace: name }
      })
      // ES module syntax: a CommonJS stub would be copied at every import of it, and its default
      // export would be the whole exports object rather than the module's own default.
      build.onLoad({ filter: /.*/, namespace: name }, (args) => {
        const file = JSON.stringify(args.path)
        const contents =
          stub === 'with-default'
            ? `import * as m from ${file}\nexport * from ${file}\nexport default m.default\n`
            : `export * from ${file}\n`
        return { contents, loader: 'js', resolveDir: here }
      })
      // The required file itself stays outside the bundle.
      build.onResolve({ filter: /\.cjs$/, namespace: name }, (args) => ({ path: args.path, external: true }))
    },
  }
}

const shared: Options = {
  format: ['cjs'],
  dts: false,
  sourcemap: true,
  esbuildOptions: withoutSourcesContent,
  target: 'node20',
  platform: 'node',
  // import.meta.url of the sources (keyring's createRequire) becomes the file's own URL.
  shims: true,
  noExternal: [/^@maxclient\//],
  define: { __MAXCLI_VERSION__: JSON.stringify(version) },
}

export default defineConfig([
  {
    ...shared,
    entry: { cli: 'src/cli.ts' },
    outDir: 'dist',
    clean: ['!commands/**'],
    esbuildPlugins: [
      requireInstead('command-module', 'with-default', (path, importer) => {
        const match = /^\.\/commands\/(.+)\.js$/.exec(path)
        if (!match || importer !== resolve(src, 'main.ts')) return undefined
        if (!commandModules.includes(match[1]!))
          throw new Error(`src/main.ts loads ${path} in a way tsup.config.ts does not read`)
        return `./commands/${outputName(match[1]!)}.cjs`
      }),
    ],
  },
  {
    ...shared,
    entry: Object.fromEntries(commandModules.map((path) => [outputName(path), `src/commands/${path}.ts`])),
    outDir: 'dist/commands',
    clean: true,
    esbuildPlugins: [
      requireInstead('shared-runtime', 'named-only', (path, importer) => {
        if (runtimePackages.has(path)) return '../cli.cjs'
        if (!path.startsWith('.')) return undefined
        const file = resolve(dirname(importer), path).replace(/\.js$/, '.ts')
        return runtimeFiles.has(file) ? '../cli.cjs' : undefined
      }),
    ],
  },
])

#!/usr/bin/env node
// Regenerates src/catalog.generated.ts from a MAX server's GET /info/api document.
//   pnpm --filter @maxclient/resources sync --from https://max.example.org/info/api
//   pnpm --filter @maxclient/resources sync --from ./recorded-info-api.json [--out FILE] [--check]
// The generated module holds exactly what the document says (infoApiRoutes); curated facts live in
// src/catalog.overrides.ts, which this script never rewrites: it says which overrides went stale.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const here = dirname(fileURLToPath(import.meta.url))
const packageDir = resolve(here, '..')
const usage = 'usage: sync --from <url-or-file> [--out <file>] [--check]'

function die(message) {
  console.error(`sync: ${message}`)
  process.exit(1)
}

let args
try {
  args = parseArgs({
    options: { from: { type: 'string' }, out: { type: 'string' }, check: { type: 'boolean' } },
    strict: true,
  }).values
} catch (error) {
  die(`${error.message}\n${usage}`)
}
if (!args.from) die(`--from is required\n${usage}`)

const dist = join(packageDir, 'dist', 'index.js')
if (!existsSync(dist))
  die('the package is not built; run `pnpm turbo run build --filter=@maxclient/resources` first')
const { catalogOverrides, diffCatalogs, generatedCatalog, infoApiRoutes, mergeCatalog, renderCatalogModule } =
  await import(dist)

async function load(source) {
  if (/^https?:\/\//i.test(source)) {
    const url = new URL(source)
    // /info/api is public, so no credentials are ever sent.
    const response = await fetch(url, { headers: { accept: 'application/json' } })
    if (!response.ok) die(`GET ${url.origin}${url.pathname} answered ${response.status}`)
    return response.json()
  }
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), source)
  if (!existsSync(path)) die(`no such file: ${path}`)
  return JSON.parse(readFileSync(path, 'utf8'))
}

let next
try {
  next = infoApiRoutes(await load(args.from))
} catch (error) {
  die(error.message)
}
const out = resolve(
  process.env.INIT_CWD ?? process.cwd(),
  args.out ?? join(packageDir, 'src', 'catalog.generated.ts'),
)
const source = renderCatalogModule(next)
// Listed against the built package, for the reader only: the output does not depend on it.
const { added, removed } = diffCatalogs(generatedCatalog, next)
for (const pair of added) console.log(`+ ${pair}`)
for (const pair of removed) console.log(`- ${pair}`)
const current = existsSync(out) ? readFileSync(out, 'utf8') : ''
if (args.check) {
  if (current !== source) die(`${out} is out of date with ${args.from}`)
  console.log('catalog is up to date')
} else if (current === source) {
  console.log('catalog unchanged')
} else {
  writeFileSync(out, source)
  console.log(`wrote ${out}: ${next.length} routes (${added.length} pairs added, ${removed.length} removed)`)
  console.log(
    'rebuild the package and review new routes: models, paging and upload facts go in src/catalog.overrides.ts',
  )
}
try {
  mergeCatalog(next, catalogOverrides)
} catch (error) {
  console.log(`note: ${error.message}`)
}

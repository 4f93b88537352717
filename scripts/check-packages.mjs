#!/usr/bin/env node
// `pnpm lint` part: what every published package.json must say, and that the pending changesets
// make a deliberate release. A package that was never released (no CHANGELOG.md) is at 0.0.0 and
// its first `changeset version` makes 0.1.0 from a `minor` changeset that says "First release".
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const REPOSITORY = 'https://github.com/UPCnet/maxclient-ts'
const root = JSON.parse(readFileSync('package.json', 'utf8'))
const problems = []
const packages = []
for (const parent of ['packages', 'apps', '.']) {
  for (const name of parent === '.' ? ['bench'] : readdirSync(parent)) {
    const dir = parent === '.' ? name : `${parent}/${name}`
    if (!existsSync(join(dir, 'package.json'))) continue
    packages.push({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) })
  }
}

if (!existsSync('LICENSE')) problems.push('LICENSE: missing at the repository root')
for (const { dir, manifest: pkg } of packages) {
  if (pkg.private) continue
  const say = (message) => problems.push(`${dir}/package.json: ${message}`)
  if (pkg.license !== 'MIT') say(`license is ${pkg.license}, expected MIT`)
  if (!pkg.files?.includes('LICENSE')) say('files must list LICENSE')
  if (pkg.scripts?.prepack !== 'node ../../scripts/copy-license.mjs')
    say('prepack must copy the root LICENSE')
  if (pkg.repository?.url !== `git+${REPOSITORY}.git` || pkg.repository?.directory !== dir) {
    say(`repository must be { type: "git", url: "git+${REPOSITORY}.git", directory: "${dir}" }`)
  }
  if (pkg.homepage !== `${REPOSITORY}/tree/main/${dir}#readme`)
    say(`homepage must be ${REPOSITORY}/tree/main/${dir}#readme`)
  if (pkg.bugs?.url !== `${REPOSITORY}/issues`) say(`bugs.url must be ${REPOSITORY}/issues`)
  if (pkg.engines?.node !== root.engines.node) say(`engines.node must be the root's "${root.engines.node}"`)
  if (pkg.publishConfig?.access !== 'public' || pkg.publishConfig?.provenance !== true) {
    say('publishConfig must be { access: "public", provenance: true }')
  }
  if (!existsSync(join(dir, 'CHANGELOG.md')) && pkg.version !== '0.0.0') {
    say(`never released (no CHANGELOG.md), so the version must be 0.0.0, not ${pkg.version}`)
  }
}

const privateNames = new Set(
  packages.filter(({ manifest }) => manifest.private).map(({ manifest }) => manifest.name),
)
for (const file of readdirSync('.changeset').filter((name) => name.endsWith('.md') && name !== 'README.md')) {
  const text = readFileSync(join('.changeset', file), 'utf8')
  for (const [, name] of text.matchAll(/^"([^"]+)":/gm)) {
    if (privateNames.has(name))
      problems.push(`.changeset/${file}: ${name} is private and never released; drop it`)
  }
}

// What the next `changeset version` makes, as changesets computes it.
const output = '.changeset-status.tmp.json'
try {
  execFileSync('pnpm', ['exec', 'changeset', 'status', `--output=${output}`], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const { releases, changesets } = JSON.parse(readFileSync(output, 'utf8'))
  for (const release of releases) {
    const entry = packages.find(({ manifest }) => manifest.name === release.name)
    if (!entry || entry.manifest.private || existsSync(join(entry.dir, 'CHANGELOG.md'))) continue
    if (release.newVersion !== '0.1.0') {
      problems.push(
        `${release.name}: its first release would be ${release.newVersion}; make it 0.1.0 (version 0.0.0, minor changesets)`,
      )
    }
    const first = changesets.filter((c) => c.releases.some((r) => r.name === release.name))
    if (!first.some((c) => /First release/.test(c.summary))) {
      problems.push(`${release.name}: no pending changeset says "First release"`)
    }
  }
} finally {
  rmSync(output, { force: true })
}

for (const problem of problems) console.error(problem)
console.log(`check-packages: ${packages.length} packages, ${problems.length} problems`)
process.exit(problems.length === 0 ? 0 : 1)

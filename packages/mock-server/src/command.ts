import { chmod, readFile, rename, writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import packageJson from '../package.json' with { type: 'json' }
import { EMULATED_MAX_VERSION } from './handlers/admin.js'
import type { MockSnapshot } from './model.js'
import { redactUrl } from './realtime/topology.js'
import { formatLogLine, type RunningMockServer, startMockServer } from './server.js'

/** What `max-mock-server --version` prints. */
export const VERSION_LINE = `max-mock-server ${packageJson.version} (answers as MAX ${EMULATED_MAX_VERSION})`

/** What `max-mock-server` was asked to do. */
export interface CommandOptions {
  port: number
  host: string
  data?: string
  users: Record<string, string>
  /** Usernames whose password came from the command line (not printed back). */
  givenUsers: string[]
  managers: string[]
  open: boolean
  /** Print one line per request to stderr. */
  log: boolean
  help: boolean
  version: boolean
  /** RabbitMQ URL given with --amqp. */
  amqp?: string
}

export const USAGE = `Usage: max-mock-server [options]

Starts a MAX-compatible server in memory (MAX API, OAuth and hub on one origin).

Options:
  --port <n>            TCP port (default 8081; 0 picks a free one)
  --host <address>      interface to listen on (default 127.0.0.1)
  --data <file>         load the state from <file> at start (when it exists) and save it on exit
  --user <name:pass>    add a user who can log in with that password (repeatable)
  --manager <name>      give <name> the Manager role (repeatable; default: admin)
  --open                accept any password at the OAuth token endpoint
  --log                 print one line per request to stderr: time, user, method, path, status, ms
  --version             print the version and exit
  --amqp <url>          publish MAX's live events on this RabbitMQ (e.g. amqp://127.0.0.1)
  -h, --help            show this help
`

/** A command-line mistake: the message says what was wrong and what would be right. */
export class CommandLineError extends Error {
  override name = 'CommandLineError'
}

/** Parses the command line (without `node` and the script path). */
export function parseCommandLine(argv: readonly string[]): CommandOptions {
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        user: { type: 'string', multiple: true },
        manager: { type: 'string', multiple: true },
        open: { type: 'boolean' },
        log: { type: 'boolean' },
        version: { type: 'boolean' },
        amqp: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    })
  } catch (error) {
    throw new CommandLineError(`${(error as Error).message}. Run max-mock-server --help for the options.`)
  }
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>
  const rawPort = (values.port as string | undefined) ?? '8081'
  if (!/^\d+$/.test(rawPort) || Number(rawPort) > 65535)
    throw new CommandLineError(`--port must be a number from 0 to 65535, got "${rawPort}"`)
  const users: Record<string, string> = Object.create(null)
  const givenUsers: string[] = []
  users.admin = 'admin'
  for (const entry of (values.user as string[] | undefined) ?? []) {
    const at = entry.indexOf(':')
    if (at <= 0) throw new CommandLineError(`--user must look like name:password, got "${entry}"`)
    const name = entry.slice(0, at).toLowerCase()
    users[name] = entry.slice(at + 1)
    givenUsers.push(name)
  }
  const options: CommandOptions = {
    port: Number(rawPort),
    host: (values.host as string | undefined) ?? '127.0.0.1',
    users: { ...users },
    givenUsers,
    managers: ((values.manager as string[] | undefined) ?? ['admin']).map((m) => m.toLowerCase()),
    open: values.open === true,
    log: values.log === true,
    help: values.help === true,
    version: values.version === true,
  }
  if (typeof values.amqp === 'string') {
    if (!/^amqps?:\/\/./.test(values.amqp))
      throw new CommandLineError(`--amqp must be a URL such as amqp://127.0.0.1, got "${values.amqp}"`)
    options.amqp = values.amqp
  }
  if (typeof values.data === 'string') {
    if (values.data === '') throw new CommandLineError('--data needs a file path')
    options.data = values.data
  }
  return options
}

async function loadSnapshot(file: string): Promise<MockSnapshot | undefined> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new CommandLineError(`Cannot read --data file ${file}: ${(error as Error).message}`)
  }
  try {
    return JSON.parse(text) as MockSnapshot
  } catch {
    throw new CommandLineError(
      `--data file ${file} is not JSON; pass a file written by max-mock-server --data`,
    )
  }
}

/** Writes the state atomically with mode 0600 (it holds OAuth tokens). */
export async function saveSnapshot(file: string, snapshot: MockSnapshot): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`
  await writeFile(temporary, `${JSON.stringify(snapshot)}\n`, { mode: 0o600 })
  await chmod(temporary, 0o600)
  await rename(temporary, file)
}

/** Output streams of the command (injectable for tests). */
export interface CommandIO {
  out: (line: string) => void
  err: (line: string) => void
}

/** Starts the server for the command and prints how to use it. */
export async function startFromCommandLine(
  options: CommandOptions,
  io: CommandIO,
): Promise<RunningMockServer> {
  const server = await startMockServer({
    port: options.port,
    host: options.host,
    users: options.users,
    managers: options.managers,
    open: options.open,
    ...(options.log ? { onRequest: (entry) => io.err(formatLogLine(entry)) } : {}),
    ...(options.amqp ? { amqp: options.amqp } : {}),
  })
  if (options.data) {
    const snapshot = await loadSnapshot(options.data)
    if (snapshot) {
      try {
        server.restore(snapshot)
      } catch (error) {
        await server.close()
        throw new CommandLineError(`--data file ${options.data}: ${(error as Error).message}`)
      }
    }
    io.out(`State: ${options.data} (${snapshot ? 'loaded' : 'new'}; saved on exit)`)
  }
  io.out(`MAX mock server listening`)
  io.out(`  MAX:   ${server.url}`)
  io.out(`  OAuth: ${server.oauthUrl}`)
  io.out(`  Hub:   ${server.hubUrl}`)
  if (options.amqp)
    io.out(
      `  Live events: RabbitMQ at ${redactUrl(options.amqp)} (STOMP clients: ws://<broker host>:15674/ws)`,
    )
  io.out('Credentials:')
  for (const name of Object.keys(options.users)) {
    const role = options.managers.includes(name) ? ' (Manager)' : ''
    const password = options.givenUsers.includes(name) ? '(password given with --user)' : options.users[name]
    io.out(`  ${name} / ${password}${role}`)
  }
  if (options.open) io.out('  open mode: any other username logs in with any password')
  io.out('Press Ctrl-C to stop.')
  return server
}

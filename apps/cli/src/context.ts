import type { MaxResponse } from '@maxclient/core'
import { callEndpoint } from './call.js'
import { openProfileStore, type ProfileStore } from './config.js'
import type { CommonOptions } from './define.js'
import { describeRequest } from './dry-run.js'
import { usageError } from './errors.js'
import type { GlobalOptions } from './globals.js'
import { runJq } from './jq.js'
import { countItems, listItems, parseLimit } from './listing.js'
import type { EndpointCall } from './operations.js'
import {
  checkFields,
  formatResult,
  type OutputFormat,
  parseFields,
  parseFormat,
  selectFields,
} from './output.js'
import { type Prompter, terminalPrompter } from './prompt.js'
import { openSession, type Session } from './session.js'
import { type Paint, painter } from './style.js'

/** The process around a command: streams and environment, injectable for tests. */
export interface CliIO {
  env: NodeJS.ProcessEnv
  stdin: NodeJS.ReadStream
  stdout: NodeJS.WriteStream
  stderr: NodeJS.WriteStream
}

/** How a result is shown: its table columns, and a one-line summary for people at a terminal. */
export interface PrintOptions {
  columns?: string[]
  /** "Created user alice (Alice Smith)": shown instead of the table of one result on a terminal. */
  summary?: (value: never) => string
}

/** What every command's `run` receives. */
export interface CommandContext {
  globals: GlobalOptions
  io: CliIO
  prompter: Prompter
  format: OutputFormat
  /** Machine output (anything but a table): JSON, JSON Lines or CSV. */
  json: boolean
  fields: string[] | undefined
  /** Colours for stdout and stderr (identity functions when colour is off). */
  paint: { out: Paint; err: Paint }
  /** The stored logins (config directory resolved on first use). */
  store(): Promise<ProfileStore>
  /**
   * An authenticated client (exit code 3 with a hint when not logged in). `onResponse` sees every
   * response (`api -i`); it applies when this is the first call.
   */
  session(watch?: { onResponse(response: MaxResponse): void }): Promise<Session>
  /** Prints a result in the chosen format, after `--fields` and `--jq`. */
  print(value: unknown, options?: PrintOptions): Promise<void>
  /** A line of human information on stderr (never mixed into stdout's data). */
  note(line: string): void
  /**
   * Sends a mutating call, or with `--dry-run` prints it and sends nothing. With `confirm`, asks on
   * a terminal and needs `--yes` elsewhere. Returns the result (undefined for a dry run).
   */
  send(call: EndpointCall, options: CommonOptions, confirm?: string): Promise<unknown>
  /** Reads a list with `--limit`/`--all` and prints it, saying on a terminal when it was cut. */
  list(call: EndpointCall, options: CommonOptions, columns: string[], noun: string): Promise<void>
}

/** Sets up the command's context; nothing heavy is loaded until a command asks for it. */
export async function createContext(globals: GlobalOptions, io: CliIO): Promise<CommandContext> {
  if (globals.json && globals.output !== undefined && globals.output !== 'json') {
    throw usageError(`--json and --output ${globals.output} disagree: pick one.`)
  }
  const explicit = globals.output !== undefined || Boolean(globals.json)
  const format: OutputFormat = globals.json
    ? 'json'
    : globals.output !== undefined
      ? parseFormat(globals.output)
      : io.stdout.isTTY
        ? 'table'
        : 'json'
  const fields = globals.fields !== undefined ? parseFields(globals.fields) : undefined
  const jq = globals.jq
  if (jq !== undefined && jq.trim() === '') throw usageError('--jq needs an expression, e.g. --jq .username')
  const paint = { out: await painter(io.stdout, io.env), err: await painter(io.stderr, io.env) }
  let store: Promise<ProfileStore> | undefined
  let session: Promise<Session> | undefined
  const prompter = terminalPrompter(io)
  const note = (line: string) => io.stderr.write(`${line}\n`)

  const context: CommandContext = {
    globals,
    io,
    prompter,
    format,
    json: format !== 'table',
    fields,
    paint,
    store: () => {
      store ??= openProfileStore(io.env)
      return store
    },
    session: (watch) => {
      session ??= openSession(globals, io.env, context.store, io.stderr, watch?.onResponse)
      return session
    },
    async print(value, options = {}) {
      if (value === undefined) return
      if (fields) checkFields(value, fields)
      if (jq !== undefined) {
        const input = fields ? selectFields(value, fields) : value
        const results = await runJq(input, jq)
        if (!explicit) {
          // As gh and `jq -r`: strings print raw, anything else as compact JSON.
          for (const result of results)
            io.stdout.write(`${typeof result === 'string' ? result : JSON.stringify(result)}\n`)
          return
        }
        value = results.length === 1 ? results[0] : results
        io.stdout.write(formatResult(value, { format }))
        return
      }
      if (format === 'table' && !fields && options.summary && !Array.isArray(value) && value !== null) {
        io.stdout.write(`${paint.out.green('✓')} ${(options.summary as (value: unknown) => string)(value)}\n`)
        return
      }
      const output: Parameters<typeof formatResult>[1] = { format, heading: paint.out.bold }
      if (fields) output.fields = fields
      if (options.columns) output.defaultColumns = options.columns
      io.stdout.write(formatResult(value, output))
    },
    note,
    async send(call, options, confirm) {
      const { client, target } = await context.session()
      if (options.dryRun) {
        io.stdout.write(describeRequest(client, call, [target.token]))
        return undefined
      }
      if (confirm !== undefined && !options.yes) {
        if (!prompter.interactive) {
          throw usageError(`${confirm}: refusing to do it without --yes when stdin is not a terminal.`)
        }
        const answer = await prompter.ask(`${confirm} [y/N] `)
        if (!/^y(es)?$/i.test(answer)) throw usageError('Cancelled: nothing was changed.')
      }
      return callEndpoint(client, call)
    },
    async list(call, options, columns, noun) {
      const { client } = await context.session()
      const limit = options.all ? undefined : parseLimit(options.limit, 100)
      const result = await listItems(client, call, limit)
      await context.print(result.items, { columns })
      if (result.truncated && io.stderr.isTTY) {
        const total = await countItems(client, call).catch(() => undefined)
        const shown = result.items.length
        note(
          paint.err.yellow(
            total === undefined
              ? `Showing the first ${shown} ${noun}; more exist: use --all or --limit N.`
              : `Showing ${shown} of ${total} ${noun}; use --all or --limit N for more.`,
          ),
        )
      }
    },
  }
  return context
}

import { configDir, ProfileStore } from './config.js'
import { formatResult, parseFields } from './output.js'
import { type Prompter, terminalPrompter } from './prompt.js'
import { type GlobalOptions, openSession, type Session } from './session.js'

/** The process around a command: streams and environment, injectable for tests. */
export interface CliIO {
  env: NodeJS.ProcessEnv
  stdin: NodeJS.ReadStream
  stdout: NodeJS.WriteStream
  stderr: NodeJS.WriteStream
}

/** What every command handler receives. */
export interface CommandContext {
  globals: GlobalOptions
  io: CliIO
  store: ProfileStore
  prompter: Prompter
  /** JSON output: `--json`, or stdout is not a terminal. */
  json: boolean
  fields: string[] | undefined
  /** An authenticated client (exit code 3 with a hint when not logged in). */
  session(): Promise<Session>
  /** Prints a result as a table or JSON. */
  print(value: unknown, defaultColumns?: string[]): void
  /** A line of human information on stderr (never mixed into stdout's data). */
  note(line: string): void
}

export function createContext(globals: GlobalOptions, io: CliIO): CommandContext {
  const store = new ProfileStore(configDir(io.env))
  const json = Boolean(globals.json) || !io.stdout.isTTY
  const fields = globals.fields !== undefined ? parseFields(globals.fields) : undefined
  let session: Promise<Session> | undefined
  return {
    globals,
    io,
    store,
    prompter: terminalPrompter(io.stdin, io.stderr),
    json,
    fields,
    session: () => {
      session ??= openSession(globals, io.env, store, io.stderr)
      return session
    },
    print(value, defaultColumns) {
      const options: Parameters<typeof formatResult>[1] = { json }
      if (fields) options.fields = fields
      if (defaultColumns) options.defaultColumns = defaultColumns
      io.stdout.write(formatResult(value, options))
    },
    note: (line) => io.stderr.write(`${line}\n`),
  }
}

/** Exit codes of `maxcli`, documented in the README. */
export const ExitCode = {
  ok: 0,
  /** A request reached the server (or tried to) and failed, or some bulk rows failed. */
  failed: 1,
  /** Bad command line or bad input file. */
  usage: 2,
  /** Not logged in, bad credentials, or the server refused the token. */
  auth: 3,
  /** The user pressed Ctrl-C at a prompt. */
  interrupted: 130,
} as const

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode]

/** An error the CLI reports as one line on stderr and turns into an exit code. */
export class CliError extends Error {
  readonly exitCode: ExitCodeValue
  constructor(message: string, exitCode: ExitCodeValue = ExitCode.failed) {
    super(message)
    this.name = 'CliError'
    this.exitCode = exitCode
  }
}

/** Bad arguments or input: exit code 2. */
export function usageError(message: string): CliError {
  return new CliError(message, ExitCode.usage)
}

/** Missing or refused credentials: exit code 3. */
export function authError(message: string): CliError {
  return new CliError(message, ExitCode.auth)
}

/** The user cancelled a prompt (Ctrl-C or end of input). */
export class PromptCancelled extends CliError {
  constructor() {
    super('Cancelled.', ExitCode.interrupted)
    this.name = 'PromptCancelled'
  }
}

function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined
}

/** MAX's error names in words; the name stays in the message so it can be searched for. */
const MAX_ERRORS: Record<string, string> = {
  UnknownUserError: 'no such user on this server',
  ObjectNotFound: 'not found on this server',
  DuplicatedItemError: 'it is already there',
  MissingField: 'a required field is missing',
  ObjectNotSupported: 'MAX does not accept this kind of object',
  InvalidSearchParams: 'invalid list options (limit, before or after)',
  InvalidPermission: 'unknown permission name (read, write, subscribe, invite, unsubscribe, delete, flag)',
  ValidationError: 'the server refused a value',
  Unauthorized: 'the server refused the credentials: log in again (maxcli login)',
  Forbidden: 'you lack the permission for this (a Manager role or a context permission)',
  InvalidId: 'that is not a valid MAX id (24 hex digits)',
  ServerError: 'the server failed; its log has the details',
}

/** MAX's error name in words, naming the user when MAX's description does. */
function explain(name: string, description: unknown): string | undefined {
  if (!Object.hasOwn(MAX_ERRORS, name)) return undefined
  const who = typeof description === 'string' ? /identified by:?\s*(\S+)/.exec(description)?.[1] : undefined
  if (name === 'UnknownUserError' && who) return `no user '${who}' on this server`
  return MAX_ERRORS[name]
}

/**
 * Maps any thrown value to an exit code and a message without loading the client packages:
 * core's error classes are recognised by name so that the failure path stays cheap. MAX error
 * names get a plain explanation, and a request that got no answer a hint about the server.
 */
export function describeError(
  error: unknown,
  env: NodeJS.ProcessEnv = {},
): { code: ExitCodeValue; message: string } {
  if (error instanceof CliError) return { code: error.exitCode, message: error.message }
  const name = errorName(error)
  const message = error instanceof Error ? error.message : String(error)
  switch (name) {
    case 'AuthRequiredError':
    case 'BadCredentialsError':
      return { code: ExitCode.auth, message }
    case 'UsageError':
      return { code: ExitCode.usage, message }
    case 'RequestError':
    case 'TimeoutError': {
      const { status, error: maxName } = error as { status?: unknown; error?: unknown }
      let text = message
      const description = (error as { description?: unknown }).description
      const words = typeof maxName === 'string' ? explain(maxName, description) : undefined
      if (words) text = `${words} (${message})`
      if (status === 0 && name === 'RequestError') {
        const from = env.MAX_SERVER ? 'MAX_SERVER' : '--server or the stored profile'
        text += `\nIs MAX running and reachable there? Check ${from} and the network.`
      }
      return { code: status === 401 ? ExitCode.auth : ExitCode.failed, message: text }
    }
    default:
      return { code: ExitCode.failed, message }
  }
}

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

/**
 * Maps any thrown value to an exit code and a message without loading the client packages:
 * core's error classes are recognised by name so that the failure path stays cheap.
 */
export function describeError(error: unknown): { code: ExitCodeValue; message: string } {
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
      const status = (error as { status?: unknown }).status
      return { code: status === 401 ? ExitCode.auth : ExitCode.failed, message }
    }
    default:
      return { code: ExitCode.failed, message }
  }
}

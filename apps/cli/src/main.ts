import { Command, HelpShown } from './command.js'
import type { CliIO } from './context.js'
import { describeError, ExitCode } from './errors.js'
import { type GlobalOptions, globalFlags } from './globals.js'
import { guardStream, redactSecrets } from './secrets.js'
import { version } from './version.js'

/**
 * The command tree. Each command is one module under `commands/` declaring its flags, arguments,
 * help and `run`; a module is imported only when its command runs (or for help and completion).
 */
export function buildProgram(): Command {
  const program = new Command(
    'maxcli',
    "The MAX operators' command line: log in, call any endpoint, run bulk changes.",
  )
    .version(version)
    .flags(globalFlags)
    .addHelpText(`
Examples:
  $ maxcli login -s https://max.example.com -u admin
  $ maxcli users list --fields username,displayName
  $ maxcli api /people/:me/timeline --paginate --jq '.object.content'
  $ maxcli contexts list --output csv > contexts.csv
  $ maxcli bulk users.csv --concurrency 4

Exit codes: 0 ok, 1 request failed, 2 usage, 3 authentication, 130 cancelled.
`)
  const auth = program.group('auth', 'log in, switch and inspect stored logins')
  auth.command('login', () => import('./commands/auth/login.js').then((m) => m.default))
  auth.command('logout', () => import('./commands/auth/logout.js').then((m) => m.default))
  auth.command('status', () => import('./commands/auth/status.js').then((m) => m.default))
  auth.command('switch', () => import('./commands/auth/switch.js').then((m) => m.default))
  program.command('login', () => import('./commands/auth/login.js').then((m) => m.default))
  program.command('logout', () => import('./commands/auth/logout.js').then((m) => m.default))
  program.command('whoami', () => import('./commands/auth/status.js').then((m) => m.default))
  program.command('profiles', () => import('./commands/auth/profiles.js').then((m) => m.default))
  program.command('info', () => import('./commands/info.js').then((m) => m.default))
  program.command('routes', () => import('./commands/routes.js').then((m) => m.default))
  program.command('api', () => import('./commands/api.js').then((m) => m.default))

  const users = program.group('users', 'manage users')
  users.command('add', () => import('./commands/users/add.js').then((m) => m.default))
  users.command('get', () => import('./commands/users/get.js').then((m) => m.default))
  users.command('list', () => import('./commands/users/list.js').then((m) => m.default))
  users.command('modify', () => import('./commands/users/modify.js').then((m) => m.default))
  users.command('delete', () => import('./commands/users/delete.js').then((m) => m.default))

  const contexts = program.group('contexts', 'manage contexts (by URL or hash)')
  contexts.command('add', () => import('./commands/contexts/add.js').then((m) => m.default))
  contexts.command('get', () => import('./commands/contexts/get.js').then((m) => m.default))
  contexts.command('list', () => import('./commands/contexts/list.js').then((m) => m.default))
  contexts.command('modify', () => import('./commands/contexts/modify.js').then((m) => m.default))
  contexts.command('delete', () => import('./commands/contexts/delete.js').then((m) => m.default))
  contexts.command('subscribers', () => import('./commands/contexts/subscribers.js').then((m) => m.default))
  contexts.command('tags', () => import('./commands/contexts/tags.js').then((m) => m.default))

  program.command('subscribe', () => import('./commands/subscribe.js').then((m) => m.subscribe))
  program.command('unsubscribe', () => import('./commands/subscribe.js').then((m) => m.unsubscribe))

  const activities = program.group('activities', 'post, list and delete activities')
  activities.command('post', () => import('./commands/activities/post.js').then((m) => m.default))
  activities.command('list', () => import('./commands/activities/list.js').then((m) => m.default))
  activities.command('delete', () => import('./commands/activities/delete.js').then((m) => m.default))
  activities.command('comment', () => import('./commands/activities/comment.js').then((m) => m.default))
  activities.command('like', () => import('./commands/activities/like.js').then((m) => m.default))

  const permissions = program.group('permissions', "grant or revoke a user's context permission")
  permissions.command('grant', () => import('./commands/permissions.js').then((m) => m.grant))
  permissions.command('revoke', () => import('./commands/permissions.js').then((m) => m.revoke))

  const roles = program.group('roles', 'security roles (Manager, ...)')
  roles.command('list', () => import('./commands/roles/list.js').then((m) => m.default))
  roles.command('grant', () => import('./commands/roles/change.js').then((m) => m.grant))
  roles.command('revoke', () => import('./commands/roles/change.js').then((m) => m.revoke))

  const conversations = program.group('conversations', 'private conversations')
  conversations.command('list', () => import('./commands/conversations/list.js').then((m) => m.default))
  conversations.command('create', () => import('./commands/conversations/create.js').then((m) => m.default))
  conversations.command('messages', () =>
    import('./commands/conversations/messages.js').then((m) => m.default),
  )

  const tokens = program.group('tokens', 'push device tokens')
  tokens.command('list', () => import('./commands/tokens/list.js').then((m) => m.default))
  tokens.command('add', () => import('./commands/tokens/add.js').then((m) => m.default))
  tokens.command('delete', () => import('./commands/tokens/delete.js').then((m) => m.default))

  program.command('bulk', () => import('./commands/bulk.js').then((m) => m.default))
  program.command('bulk-ops', () => import('./commands/bulk.js').then((m) => m.operationsCommand))
  program.command('repl', () => import('./commands/repl.js').then((m) => m.default))
  program.command('completion', () => import('./commands/completion.js').then((m) => m.default))
  program.command('demo', () => import('./commands/demo.js').then((m) => m.default))
  return program
}

/** Runs the CLI with `args` (without node and script) and returns the exit code. */
export async function main(args: string[], io?: CliIO): Promise<number> {
  const given: CliIO = io ?? {
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  }
  // Whatever a server echoes, the token and password of this run never reach the terminal.
  const streams: CliIO = { ...given, stdout: guardStream(given.stdout), stderr: guardStream(given.stderr) }
  try {
    const line = await buildProgram().parse(args, (text) => streams.stdout.write(text))
    const globals = line.globals as GlobalOptions
    if (globals.timeout === undefined && streams.env.MAX_TIMEOUT) globals.timeout = streams.env.MAX_TIMEOUT
    const { createContext } = await import('./context.js')
    const context = await createContext(globals, streams)
    await line.spec.run(context, line.options as never)
    return ExitCode.ok
  } catch (error) {
    if (error instanceof HelpShown) return ExitCode.ok
    const { code, message } = describeError(error, streams.env)
    const { painter } = await import('./style.js')
    const paint = await painter(streams.stderr, streams.env)
    streams.stderr.write(`${paint.red('maxcli:')} ${redactSecrets(message)}\n`)
    return code
  }
}

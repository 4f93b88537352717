import { Command, HelpShown } from './command.js'
import { type CliIO, createContext } from './context.js'
import { describeError, ExitCode } from './errors.js'
import { type GlobalOptions, globalFlags } from './globals.js'
import { guardStream, redactSecrets } from './secrets.js'
import { painter } from './style.js'
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
  auth.command('login', () => import('./commands/auth/login.js'))
  auth.command('logout', () => import('./commands/auth/logout.js'))
  auth.command('status', () => import('./commands/auth/status.js'))
  auth.command('switch', () => import('./commands/auth/switch.js'))
  program.command('login', () => import('./commands/auth/login.js'))
  program.command('logout', () => import('./commands/auth/logout.js'))
  program.command('whoami', () => import('./commands/auth/status.js'))
  program.command('profiles', () => import('./commands/auth/profiles.js'))
  program.command('info', () => import('./commands/info.js'))
  program.command('routes', () => import('./commands/routes.js'))
  program.command('api', () => import('./commands/api.js'))

  const users = program.group('users', 'manage users')
  users.command('add', () => import('./commands/users/add.js'))
  users.command('get', () => import('./commands/users/get.js'))
  users.command('list', () => import('./commands/users/list.js'))
  users.command('modify', () => import('./commands/users/modify.js'))
  users.command('delete', () => import('./commands/users/delete.js'))

  const contexts = program.group('contexts', 'manage contexts (by URL or hash)')
  contexts.command('add', () => import('./commands/contexts/add.js'))
  contexts.command('get', () => import('./commands/contexts/get.js'))
  contexts.command('list', () => import('./commands/contexts/list.js'))
  contexts.command('modify', () => import('./commands/contexts/modify.js'))
  contexts.command('delete', () => import('./commands/contexts/delete.js'))
  contexts.command('subscribers', () => import('./commands/contexts/subscribers.js'))
  contexts.command('tags', () => import('./commands/contexts/tags.js'))

  program.command('subscribe', () => import('./commands/subscribe.js'), 'subscribe')
  program.command('unsubscribe', () => import('./commands/subscribe.js'), 'unsubscribe')

  const activities = program.group('activities', 'post, list and delete activities')
  activities.command('post', () => import('./commands/activities/post.js'))
  activities.command('list', () => import('./commands/activities/list.js'))
  activities.command('delete', () => import('./commands/activities/delete.js'))
  activities.command('comment', () => import('./commands/activities/comment.js'))
  activities.command('like', () => import('./commands/activities/like.js'))

  const permissions = program.group('permissions', "grant or revoke a user's context permission")
  permissions.command('grant', () => import('./commands/permissions.js'), 'grant')
  permissions.command('revoke', () => import('./commands/permissions.js'), 'revoke')

  const roles = program.group('roles', 'security roles (Manager, ...)')
  roles.command('list', () => import('./commands/roles/list.js'))
  roles.command('grant', () => import('./commands/roles/change.js'), 'grant')
  roles.command('revoke', () => import('./commands/roles/change.js'), 'revoke')

  const conversations = program.group('conversations', 'private conversations')
  conversations.command('list', () => import('./commands/conversations/list.js'))
  conversations.command('create', () => import('./commands/conversations/create.js'))
  conversations.command('messages', () => import('./commands/conversations/messages.js'))

  const tokens = program.group('tokens', 'push device tokens')
  tokens.command('list', () => import('./commands/tokens/list.js'))
  tokens.command('add', () => import('./commands/tokens/add.js'))
  tokens.command('delete', () => import('./commands/tokens/delete.js'))

  program.command('bulk', () => import('./commands/bulk.js'))
  program.command('bulk-ops', () => import('./commands/bulk.js'), 'operationsCommand')
  program.command('repl', () => import('./commands/repl.js'))
  program.command('completion', () => import('./commands/completion.js'))
  program.command('demo', () => import('./commands/demo.js'))
  program.command('watch', () => import('./commands/watch.js'))
  program.command('chat', () => import('./commands/chat.js'))
  return program
}

/** Runs the CLI with `args` (without node and script) and returns the exit code. */
export async function main(args: string[], io?: CliIO): Promise<number> {
  // stdin is created on first use: most commands never read it, and making it costs start-up time.
  const given: CliIO = io ?? {
    env: process.env,
    get stdin() {
      return process.stdin
    },
    stdout: process.stdout,
    stderr: process.stderr,
  }
  // Whatever a server echoes, the token and password of this run never reach the terminal.
  const streams: CliIO = {
    env: given.env,
    get stdin() {
      return given.stdin
    },
    stdout: guardStream(given.stdout),
    stderr: guardStream(given.stderr),
  }
  try {
    const line = await buildProgram().parse(args, (text) => streams.stdout.write(text))
    const globals = line.globals as GlobalOptions
    if (globals.timeout === undefined && streams.env.MAX_TIMEOUT) globals.timeout = streams.env.MAX_TIMEOUT
    const context = await createContext(globals, streams)
    await line.spec.run(context, line.options as never)
    return ExitCode.ok
  } catch (error) {
    if (error instanceof HelpShown) return ExitCode.ok
    const { code, message } = describeError(error, streams.env)
    const paint = await painter(streams.stderr, streams.env)
    streams.stderr.write(`${paint.red('maxcli:')} ${redactSecrets(message)}\n`)
    return code
  }
}

/**
 * Runs `maxcli` in this process (bin/maxcli.js) and exits with its code once the output is flushed:
 * a terminal left open by a prompt or an idle keep-alive socket must not hold a finished command.
 */
export async function run(args: string[]): Promise<void> {
  // A reader that went away (`maxcli api ... | head -1`) ends the run quietly, as gh does.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0)
      throw error
    })
  }
  const code = await main(args)
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))
}

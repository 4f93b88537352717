import { Command, HelpShown } from './command.js'
import { type CliIO, type CommandContext, createContext } from './context.js'
import { describeError, ExitCode } from './errors.js'
import type { GlobalOptions } from './session.js'
import { version } from './version.js'

type Handler = (context: CommandContext, ...args: any[]) => Promise<void>

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`
}

/**
 * Builds the command tree. Handlers live in their own modules and are imported only when their
 * command runs, so `maxcli users list` never loads the bulk runner or the REPL.
 */
export function buildProgram(io: CliIO): Command {
  const lazy =
    <M>(load: () => Promise<M>, pick: (module: M) => Handler) =>
    async (...args: unknown[]) => {
      const command = args.at(-1) as Command
      const options = args.at(-2)
      const positional = args.slice(0, -2)
      // Global options are the root's own, so a subcommand option can never shadow one.
      let root = command
      while (root.parent) root = root.parent
      const globals = { ...root.opts() } as GlobalOptions
      if (globals.timeout === undefined && io.env.MAX_TIMEOUT) globals.timeout = io.env.MAX_TIMEOUT
      const context = createContext(globals, io)
      await pick(await load())(context, ...positional, options)
    }
  const users = () => import('./commands/users.js')
  const contexts = () => import('./commands/contexts.js')
  const social = () => import('./commands/social.js')
  const account = () => import('./commands/account.js')

  const program = new Command('maxcli')
    .description("The MAX operators' command line: log in, call any endpoint, run bulk changes.")
    .version(version)
    .option('-s, --server <url>', 'MAX server URL (MAX_SERVER)')
    .option('--domain <name>', 'find the server of a domain through the hub')
    .option('--hub <url>', 'hub URL used with --domain (MAX_HUB)')
    .option('-o, --oauth-server <url>', 'OAuth server, default: read from /info (MAX_OAUTH_SERVER)')
    .option('-u, --username <name>', 'user to act as (MAX_USERNAME)')
    .option('--profile <name>', 'stored login to use (see maxcli profiles) (MAX_PROFILE)')
    .option('-d, --debug', 'print raw requests and responses to stderr (secrets redacted)')
    .option('--insecure', 'do NOT verify TLS certificates (prints a warning)')
    .option('--timeout <seconds>', 'timeout of each request attempt (MAX_TIMEOUT)')
    .option('--json', 'print JSON (the default when stdout is not a terminal)')
    .option('--fields <list>', 'comma-separated fields to show, dotted paths allowed (actor.username)')
    .addHelpText(
      `${examples(
        'maxcli login -s https://max.example.com -u admin',
        'maxcli users list --fields username,displayName',
        'maxcli api /people/:me/timeline --paginate',
        'maxcli bulk users.csv --concurrency 4',
      )}\nExit codes: 0 ok, 1 request failed, 2 usage, 3 authentication, 130 cancelled.\n`,
    )

  program
    .command('login')
    .description('log in and store the token (never the password) for this server and user')
    .option('--password-stdin', 'read the password from stdin (for scripts)')
    .addHelpText(
      examples(
        'maxcli login -s https://max.example.com',
        'printf %s "$PASSWORD" | maxcli login -s https://max.example.com -u admin --password-stdin',
      ),
    )
    .action(lazy(account, (m) => m.login))
  program
    .command('logout')
    .description('forget the stored token of the current (or --profile) login')
    .option('--all', 'forget every stored login')
    .action(lazy(account, (m) => m.logout))
  program
    .command('whoami')
    .description('show the server and user the next command would use, and check the token')
    .action(lazy(account, (m) => m.whoami))
  program
    .command('profiles')
    .description('list stored logins')
    .action(lazy(account, (m) => m.profiles))
  program
    .command('info')
    .description("show the server's /info (no login needed)")
    .action(lazy(account, (m) => m.info))
  program
    .command('routes')
    .description('list the API routes by category, with methods and summaries')
    .option('--category <name>', 'only this category (e.g. Contexts)')
    .action(
      lazy(
        () => import('./commands/routes.js'),
        (m) => m.routes,
      ),
    )

  program
    .command('api')
    .description('call any endpoint; the path is checked against the catalog')
    .argument(
      '<method-or-path>',
      'GET, POST, PUT, DELETE or HEAD (default GET, or POST when a body is given)',
    )
    .argument('[path]', 'e.g. /people/:me/activities; context URLs may stand in {hash} (percent-encoded)')
    .option('-f, --raw-field <key=value>', 'string body field; key[sub]=v nests, key[]=v appends', {
      repeatable: true,
    })
    .option('-F, --field <key=value>', 'typed field: true/false/null/numbers, @file, @- for stdin', {
      repeatable: true,
    })
    .option('-q, --query <key=value>', 'query parameter', { repeatable: true })
    .option('--data <@file|->', 'raw JSON body from a file or stdin (no defaults applied)')
    .option('--upload <[field=]path>', 'upload a file as multipart (form field "file" by default)', {
      repeatable: true,
    })
    .option('--paginate', 'follow the before-cursor through every page, one JSON item per line')
    .option('--page-size <n>', 'items per page with --paginate', { default: '100' })
    .option('--count', 'HEAD request: print the X-totalItems count')
    .option('-i, --include', 'print the status line and headers to stderr')
    .addHelpText(
      examples(
        'maxcli api /people/:me',
        'maxcli api POST /people/:me/activities -f object[content]="Hello"',
        'maxcli api /contexts/https%3A%2F%2Fexample.com%2Fteam/activities --paginate',
        'maxcli api /people/:me/timeline --count',
        'maxcli api POST /people/:me/avatar --upload ./me.png',
      ),
    )
    .action(
      lazy(
        () => import('./commands/api.js'),
        (m) => m.api,
      ),
    )

  const usersCommand = program.command('users').description('manage users')
  usersCommand
    .command('add')
    .description('create a user (an existing one is left as is)')
    .argument('<username>')
    .option('--display-name <name>', 'the name people see')
    .addHelpText(examples('maxcli users add alice --display-name "Alice Smith"'))
    .action(lazy(users, (m) => m.add))
  usersCommand
    .command('get')
    .argument('[username]', 'default: you')
    .action(lazy(users, (m) => m.get))
  usersCommand
    .command('list')
    .description('list users (search with --search)')
    .option('--search <text>', 'users whose username contains this')
    .option('--limit <n>', 'at most this many', { default: '100' })
    .action(lazy(users, (m) => m.list))
  usersCommand
    .command('modify')
    .argument('<username>')
    .requiredOption('--display-name <name>', 'the name people see')
    .action(lazy(users, (m) => m.modify))
  usersCommand
    .command('delete')
    .argument('<username>')
    .action(lazy(users, (m) => m.remove))

  const contextsCommand = program.command('contexts').description('manage contexts (by URL or hash)')
  contextsCommand
    .command('add')
    .argument('<url>')
    .option('--display-name <name>', 'the name people see')
    .option('--tags <list>', 'comma-separated tags')
    .option('--permission <name=value>', 'e.g. read=subscribed, write=restricted', { repeatable: true })
    .addHelpText(examples('maxcli contexts add https://example.com/team --display-name Team'))
    .action(lazy(contexts, (m) => m.add))
  contextsCommand
    .command('get')
    .argument('<context>', 'URL or hash')
    .action(lazy(contexts, (m) => m.get))
  contextsCommand
    .command('list')
    .option('--tags <list>', 'contexts with these tags')
    .option('--limit <n>', 'at most this many', { default: '100' })
    .action(lazy(contexts, (m) => m.list))
  contextsCommand
    .command('modify')
    .argument('<context>')
    .option('--display-name <name>', 'the name people see')
    .option('--tags <list>', 'comma-separated tags')
    .action(lazy(contexts, (m) => m.modify))
  contextsCommand
    .command('delete')
    .argument('<context>')
    .action(lazy(contexts, (m) => m.remove))
  contextsCommand
    .command('subscribers')
    .argument('<context>')
    .option('--limit <n>', 'at most this many', { default: '100' })
    .action(lazy(contexts, (m) => m.subscribers))
  contextsCommand
    .command('tags')
    .description('show tags, or change them with --add/--remove')
    .argument('<context>')
    .option('--add <list>', 'comma-separated tags to add')
    .option('--remove <tag>', 'a tag to remove')
    .action(lazy(contexts, (m) => m.tags))

  program
    .command('subscribe')
    .description('subscribe a user to a context')
    .argument('<username>')
    .argument('<context>', 'URL or hash')
    .action(lazy(social, (m) => m.subscribe))
  program
    .command('unsubscribe')
    .description('unsubscribe a user from a context')
    .argument('<username>')
    .argument('<context>', 'URL or hash')
    .action(lazy(social, (m) => m.unsubscribe))

  const activities = program.command('activities').description('post, list and delete activities')
  activities
    .command('post')
    .argument('<content>')
    .option('--context <context>', 'post to a context instead of your stream')
    .option('--as <username>', 'post on behalf of this user (needs permission)')
    .addHelpText(examples('maxcli activities post "Hello" --context https://example.com/team'))
    .action(lazy(social, (m) => m.post))
  activities
    .command('list')
    .option('--context <context>', "a context's activities")
    .option('--user <username>', "a user's own activities")
    .option('--timeline', 'your timeline (the default)')
    .option('--limit <n>', 'at most this many', { default: '20' })
    .action(lazy(social, (m) => m.listActivities))
  activities
    .command('delete')
    .argument('<id>')
    .action(lazy(social, (m) => m.deleteActivity))
  activities
    .command('comment')
    .argument('<id>')
    .argument('<content>')
    .action(lazy(social, (m) => m.comment))
  activities
    .command('like')
    .argument('<id>')
    .action(lazy(social, (m) => m.like))

  const permissions = program
    .command('permissions')
    .description("grant or revoke a user's context permission")
  for (const verb of ['grant', 'revoke'] as const) {
    permissions
      .command(verb)
      .argument('<context>')
      .argument('<username>')
      .argument('<permission>', 'read, write, subscribe, invite, unsubscribe, delete, flag')
      .action(lazy(social, (m) => (verb === 'grant' ? m.grantPermission : m.revokePermission)))
  }

  const roles = program.command('roles').description('security roles (Manager, ...)')
  roles.command('list').action(lazy(social, (m) => m.listRoles))
  for (const verb of ['grant', 'revoke'] as const) {
    roles
      .command(verb)
      .argument('<role>')
      .argument('<username>')
      .action(lazy(social, (m) => (verb === 'grant' ? m.grantRole : m.revokeRole)))
  }

  const conversations = program.command('conversations').description('private conversations')
  conversations.command('list').action(lazy(social, (m) => m.listConversations))
  conversations
    .command('create')
    .argument('<participants...>', 'usernames (you are added)')
    .requiredOption('--message <text>', 'the first message')
    .option('--display-name <name>', 'name of a group conversation')
    .action(lazy(social, (m) => m.createConversation))
  conversations
    .command('messages')
    .argument('<id>')
    .option('--send <text>', 'send a message instead of listing')
    .option('--limit <n>', 'at most this many', { default: '20' })
    .action(lazy(social, (m) => m.messages))

  const live = () => import('./commands/watch.js')
  program
    .command('watch')
    .description('print live events (JSON Lines when piped)')
    .option('--broker <url>', 'STOMP/AMQP URL (MAX_BROKER)')
    .addHelpText(examples('maxcli watch', 'maxcli watch --broker wss://max.example.com/ws --json'))
    .action(lazy(live, (m) => m.watch))
  program
    .command('chat')
    .description('send stdin lines to a conversation, print its live events')
    .argument('<conversation>')
    .option('--broker <url>', 'STOMP/AMQP URL (MAX_BROKER)')
    .addHelpText(
      examples(
        'maxcli chat 65bb6f0e3a1c2d0012ab34cd',
        'echo "On my way" | maxcli chat 65bb6f0e3a1c2d0012ab34cd',
      ),
    )
    .action(
      lazy(
        () => import('./commands/chat.js'),
        (m) => m.chat,
      ),
    )

  const tokens = program.command('tokens').description('push device tokens')
  tokens
    .command('list')
    .argument('[username]', 'default: you')
    .action(lazy(social, (m) => m.listTokens))
  tokens
    .command('add')
    .argument('<token>')
    .requiredOption('--platform <name>', 'ios or android')
    .action(lazy(social, (m) => m.addToken))
  tokens
    .command('delete')
    .argument('<token>')
    .action(lazy(social, (m) => m.deleteToken))

  program
    .command('bulk')
    .description('apply one operation per row of a CSV or JSON Lines file, resumably')
    .argument('<file>')
    .option('--concurrency <n>', 'rows in flight at once', { default: '8' })
    .option('--rate <n>', 'at most n rows started per second')
    .option('--format <csv|jsonl>', 'default: from the file extension')
    .option('--journal <path>', 'default: FILE.journal')
    .option('--report <path>', 'failed rows, default: FILE.failed.jsonl')
    .option('--resume', 'continue an interrupted run from its journal')
    .option('--restart', 'ignore an existing journal and run every row')
    .option('--dry-run', 'check every row and show the requests without sending them')
    .addHelpText(
      `${examples('maxcli bulk people.csv', 'maxcli bulk changes.jsonl --resume', 'maxcli bulk --dry-run people.csv')}
Rows (CSV header or JSON keys): op plus the fields of the operation; run "maxcli bulk-ops" to list them.
`,
    )
    .action(
      lazy(
        () => import('./commands/bulk.js'),
        (m) => m.bulk,
      ),
    )
  program
    .command('bulk-ops')
    .description('list the operations a bulk file can use, with their fields')
    .action(
      lazy(
        () => import('./commands/bulk.js'),
        (m) => m.listOperations,
      ),
    )

  program
    .command('repl')
    .description('interactive JavaScript shell with `client` (REST) and `rpc` logged in')
    .action(
      lazy(
        () => import('./commands/repl.js'),
        (m) => m.repl,
      ),
    )
  program
    .command('completion')
    .description('print a shell completion script')
    .argument('<shell>', 'bash or zsh')
    .addHelpText(examples('maxcli completion bash > ~/.local/share/bash-completion/completions/maxcli'))
    .action(
      lazy(
        () => import('./commands/completion.js'),
        (m) => m.completion,
      ),
    )
  program
    .command('demo')
    .description('start a local mock MAX server and take a guided tour')
    .action(
      lazy(
        () => import('./commands/demo.js'),
        (m) => m.demo,
      ),
    )
  // Every leaf command gets a one-line description and examples in its --help.
  const walk = (command: Command) => {
    for (const child of command.commands) walk(child)
    const extra = LEAF_HELP[command.path().replace(/^maxcli /, '')]
    if (!extra) return
    if (!command.described) command.description(extra.description)
    if (!command.hasHelpText) command.addHelpText(examples(...extra.examples))
  }
  walk(program)
  return program
}

const LEAF_HELP: Record<string, { description: string; examples: string[] }> = {
  logout: {
    description: '',
    examples: ['maxcli logout', 'maxcli logout --profile admin@max.example.com', 'maxcli logout --all'],
  },
  whoami: {
    description: '',
    examples: ['maxcli whoami', 'MAX_TOKEN=... MAX_USERNAME=admin maxcli whoami -s https://max.example.com'],
  },
  profiles: { description: '', examples: ['maxcli profiles', 'maxcli profiles --json'] },
  info: {
    description: '',
    examples: ['maxcli info -s https://max.example.com', 'maxcli info --fields version'],
  },
  routes: { description: '', examples: ['maxcli routes', 'maxcli routes --category Contexts'] },
  'users get': {
    description: "show a user's profile",
    examples: ['maxcli users get', 'maxcli users get alice --fields username,displayName'],
  },
  'users list': {
    description: '',
    examples: ['maxcli users list', 'maxcli users list --search ali --limit 20'],
  },
  'users modify': {
    description: "change a user's display name",
    examples: ['maxcli users modify alice --display-name "Alice Jones"'],
  },
  'users delete': { description: 'delete a user', examples: ['maxcli users delete alice'] },
  'contexts add': { description: 'create a context', examples: [] },
  'contexts get': {
    description: 'show a context',
    examples: ['maxcli contexts get https://example.com/team', 'maxcli contexts get 9d3b6b...'],
  },
  'contexts list': { description: 'list contexts', examples: ['maxcli contexts list --tags staff'] },
  'contexts modify': {
    description: "change a context's name or tags",
    examples: ['maxcli contexts modify https://example.com/team --tags staff,news'],
  },
  'contexts delete': {
    description: 'delete a context',
    examples: ['maxcli contexts delete https://example.com/team'],
  },
  'contexts subscribers': {
    description: "list a context's subscribers",
    examples: ['maxcli contexts subscribers https://example.com/team --fields username'],
  },
  'contexts tags': {
    description: '',
    examples: [
      'maxcli contexts tags https://example.com/team',
      'maxcli contexts tags https://example.com/team --add news,staff',
      'maxcli contexts tags https://example.com/team --remove news',
    ],
  },
  subscribe: { description: '', examples: ['maxcli subscribe alice https://example.com/team'] },
  unsubscribe: { description: '', examples: ['maxcli unsubscribe alice https://example.com/team'] },
  'activities post': { description: 'post a note', examples: [] },
  'activities list': {
    description: 'list activities (your timeline by default)',
    examples: [
      'maxcli activities list',
      'maxcli activities list --context https://example.com/team --limit 50',
      'maxcli activities list --user alice --fields id,object.content',
    ],
  },
  'activities delete': {
    description: 'delete an activity',
    examples: ['maxcli activities delete 519b00000000000000000000'],
  },
  'activities comment': {
    description: 'comment on an activity',
    examples: ['maxcli activities comment 519b00000000000000000000 "Nice!"'],
  },
  'activities like': {
    description: 'like an activity',
    examples: ['maxcli activities like 519b00000000000000000000'],
  },
  'permissions grant': {
    description: 'grant a permission on a context to a subscriber',
    examples: ['maxcli permissions grant https://example.com/team alice write'],
  },
  'permissions revoke': {
    description: "revoke a subscriber's permission on a context",
    examples: ['maxcli permissions revoke https://example.com/team alice write'],
  },
  'roles list': { description: 'list security roles and their users', examples: ['maxcli roles list'] },
  'roles grant': { description: 'grant a security role', examples: ['maxcli roles grant Manager alice'] },
  'roles revoke': { description: 'revoke a security role', examples: ['maxcli roles revoke Manager alice'] },
  'conversations list': { description: 'list your conversations', examples: ['maxcli conversations list'] },
  'conversations create': {
    description: 'start a conversation',
    examples: [
      'maxcli conversations create alice --message "Hi"',
      'maxcli conversations create alice bob --message "Hi all" --display-name Team',
    ],
  },
  'conversations messages': {
    description: 'read or send messages',
    examples: [
      'maxcli conversations messages 519b00000000000000000000',
      'maxcli conversations messages 519b00000000000000000000 --send "On my way"',
    ],
  },
  'tokens list': {
    description: "list a user's push device tokens",
    examples: ['maxcli tokens list', 'maxcli tokens list alice'],
  },
  'tokens add': {
    description: 'register a push device token',
    examples: ['maxcli tokens add 0123abcd... --platform ios'],
  },
  'tokens delete': {
    description: 'remove a push device token',
    examples: ['maxcli tokens delete 0123abcd...'],
  },
  'bulk-ops': { description: '', examples: ['maxcli bulk-ops'] },
  repl: {
    description: '',
    examples: [
      'maxcli repl',
      "max> await client.people[':me'].timeline.get({ qs: { limit: 5 } })",
      'max> await rpc.addUser("alice")',
    ],
  },
  demo: { description: '', examples: ['maxcli demo'] },
}

/** Runs the CLI with `args` (without node and script) and returns the exit code. */
export async function main(args: string[], io?: CliIO): Promise<number> {
  const streams: CliIO = io ?? {
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  }
  const program = buildProgram(streams)
  try {
    await program.parse(args, (text) => streams.stdout.write(text))
    return ExitCode.ok
  } catch (error) {
    if (error instanceof HelpShown) return ExitCode.ok
    const { code, message } = describeError(error)
    streams.stderr.write(`maxcli: ${message}\n`)
    return code
  }
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, Writable } from 'node:stream'
import type { CliIO, CommandContext } from '../context.js'
import { defineCommand } from '../define.js'
import { CliError } from '../errors.js'

/** A stream that collects what a step prints and (optionally) echoes it indented. */
class StepOutput extends Writable {
  text = ''
  isTTY: boolean
  columns = 100
  constructor(
    private readonly echo: ((line: string) => void) | undefined,
    tty: boolean,
  ) {
    super()
    this.isTTY = tty
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void) {
    const text = chunk.toString()
    this.text += text
    if (this.echo) {
      for (const line of text.replace(/\r/g, '\n').split('\n')) {
        if (line.trim() !== '') this.echo(line)
      }
    }
    callback()
  }
}

const DEMO_CONTEXT = 'https://demo.example.com/team'

/**
 * `maxcli demo`: starts the mock MAX server on a free port and runs real `maxcli` commands
 * against it, in this process, with a throw-away config directory.
 */
export async function demo(context: CommandContext) {
  const say = (line = '') => context.io.stdout.write(`${line}\n`)
  const { startMockServer } = await import('@maxclient/mock-server')
  const { main } = await import('../main.js')
  const server = await startMockServer({ port: 0, users: { admin: 'demo-password' }, managers: ['admin'] })
  const home = mkdtempSync(join(tmpdir(), 'maxcli-demo-'))
  // The tour must not pick up the operator's own login or variables.
  const saved: Record<string, string | undefined> = {}
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('MAX_')) {
      saved[name] = process.env[name]
      delete process.env[name]
    }
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MAXCLI_CONFIG_DIR: join(home, 'config'),
    MAXCLI_KEYRING: 'off',
  }

  /** Runs one command as a user would type it; `show: false` keeps its output for the tour's own use. */
  const step = async (shown: string, args: string[], options: { show?: boolean; stdin?: string } = {}) => {
    const show = options.show ?? true
    if (show) say(`\n$ maxcli ${shown}`)
    const echo = show ? (line: string) => say(`  ${line}`) : undefined
    const stdout = new StepOutput(echo, !args.includes('--json'))
    const stderr = new StepOutput(echo, false)
    const io: CliIO = {
      env,
      stdin: Readable.from(
        options.stdin === undefined ? [] : [options.stdin],
      ) as unknown as NodeJS.ReadStream,
      stdout: stdout as unknown as NodeJS.WriteStream,
      stderr: stderr as unknown as NodeJS.WriteStream,
    }
    const code = await main(args, io)
    if (code !== 0) {
      const detail = show ? '' : `: ${stderr.text.trim()}`
      throw new CliError(`demo step "maxcli ${shown}" failed with exit code ${code}${detail}`)
    }
    return stdout.text
  }

  try {
    say(`Mock MAX server listening on ${server.url} (OAuth at ${server.oauthUrl}).`)
    say('Every step below is a real maxcli command run against it.')
    const url = server.url
    await step(`--server ${url} info --fields version,max.server_id`, [
      '--server',
      url,
      'info',
      '--fields',
      'version,max.server_id',
    ])
    await step(
      `login --server ${url} -u admin --password-stdin   (password piped in)`,
      ['login', '--server', url, '-u', 'admin', '--password-stdin'],
      { stdin: 'demo-password\n' },
    )
    await step('whoami', ['whoami'])
    await step('users add alice --display-name "Alice Demo"', [
      'users',
      'add',
      'alice',
      '--display-name',
      'Alice Demo',
      '--fields',
      'username,displayName',
    ])
    await step('users add bob --display-name "Bob Demo"', [
      'users',
      'add',
      'bob',
      '--display-name',
      'Bob Demo',
      '--fields',
      'username,displayName',
    ])
    // MAX restricts every permission a context does not set: members read and write.
    await step(
      `contexts add ${DEMO_CONTEXT} --display-name "Demo team" --permission read=subscribed --permission write=subscribed`,
      [
        'contexts',
        'add',
        DEMO_CONTEXT,
        '--display-name',
        'Demo team',
        '--permission',
        'read=subscribed',
        '--permission',
        'write=subscribed',
        '--fields',
        'url,displayName,hash',
      ],
    )
    for (const user of ['admin', 'alice', 'bob']) {
      await step(`subscribe ${user} ${DEMO_CONTEXT}`, [
        'subscribe',
        user,
        DEMO_CONTEXT,
        '--fields',
        'actor.username,object.url',
      ])
    }
    const posted = JSON.parse(
      await step(
        `activities post "Welcome to the team!" --context ${DEMO_CONTEXT}`,
        ['activities', 'post', 'Welcome to the team!', '--context', DEMO_CONTEXT, '--json'],
        { show: false },
      ),
    ) as { id: string }
    say(`\n$ maxcli activities post "Welcome to the team!" --context ${DEMO_CONTEXT}`)
    say(`  posted activity ${posted.id}`)
    await step(`activities comment ${posted.id} "Glad to be here"`, [
      'activities',
      'comment',
      posted.id,
      'Glad to be here',
      '--fields',
      'id,object.content',
    ])
    await step(`activities like ${posted.id} --fields verb,object.id,object.likesCount`, [
      'activities',
      'like',
      posted.id,
      '--fields',
      'verb,object.id,object.likesCount',
    ])
    await step('activities list --timeline', ['activities', 'list', '--timeline'])
    const conversation = JSON.parse(
      await step(
        'conversations create alice bob --message "Lunch at one?"',
        [
          'conversations',
          'create',
          'alice',
          'bob',
          '--message',
          'Lunch at one?',
          '--display-name',
          'Lunch',
          '--json',
        ],
        { show: false },
      ),
    ) as { id?: string; contexts?: Array<{ id?: string }> }
    const conversationId = conversation.contexts?.[0]?.id ?? conversation.id
    say('\n$ maxcli conversations create alice bob --message "Lunch at one?" --display-name Lunch')
    say(`  created conversation ${conversationId}`)
    if (conversationId) {
      await step(`conversations messages ${conversationId}`, ['conversations', 'messages', conversationId])
    }
    const encoded = `/contexts/${encodeURIComponent(DEMO_CONTEXT)}/activities`
    await step(`api ${encoded} --count   (HEAD, X-totalItems)`, ['api', encoded, '--count'])

    const bulkFile = join(home, 'people.csv')
    writeFileSync(
      bulkFile,
      [
        'op,username,displayName,context,role',
        'user.add,carol,Carol Demo,,',
        'user.add,dave,Dave Demo,,',
        `subscribe,carol,,${DEMO_CONTEXT},`,
        `subscribe,dave,,${DEMO_CONTEXT},`,
        'role.grant,carol,,,Manager',
        '',
      ].join('\n'),
    )
    say(`\n(people.csv has 5 rows: two users, their subscriptions, and a role)`)
    await step('bulk people.csv', ['bulk', bulkFile])
    await step(`contexts subscribers ${DEMO_CONTEXT}`, ['contexts', 'subscribers', DEMO_CONTEXT])
    await (await import('./demo-live.js')).liveEventsTour(say)
    say('\nTour finished: the mock server is stopped and nothing was written outside a temp directory.')
  } finally {
    for (const [name, value] of Object.entries(saved)) process.env[name] = value
    await server.close()
    rmSync(home, { recursive: true, force: true })
  }
}

export default defineCommand({
  summary: 'start a local mock MAX server and take a guided tour',
  examples: ['maxcli demo'],
  run: demo,
})

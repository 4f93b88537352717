import { describe, expect, it } from 'vitest'
import { Command, HelpShown } from '../../src/command.js'
import { arg, defineCommand, flag } from '../../src/define.js'

function program() {
  const calls: unknown[] = []
  const root = new Command('tool')
    .version('1.2.3')
    .flags({ server: flag.string('server', { short: 's', value: 'url' }), json: flag.boolean('json') })
  const users = root.group('users', 'manage users')
  users.command('add', async () => ({
    default: defineCommand({
      summary: 'add one',
      args: { username: arg.required('who') },
      flags: {
        displayName: flag.string('name', { value: 'name' }),
        field: flag.list('field', { short: 'f', value: 'kv' }),
        limit: flag.withDefault('limit', '10', { value: 'n' }),
      },
      examples: ['tool users add alice'],
      async run() {},
    }),
  }))
  root.command('send', async () => ({
    default: defineCommand({
      summary: 'send',
      args: { to: arg.variadic() },
      flags: { message: flag.required('text', { value: 'text' }) },
      async run() {},
    }),
  }))
  const parse = async (argv: string[]) => {
    const line = await root.parse(argv, () => {})
    calls.push(line.options)
    return line
  }
  return { root, calls, parse }
}

describe('Command', () => {
  it('finds the subcommand, its arguments and options, with globals anywhere on the line', async () => {
    const { parse } = program()
    const line = await parse([
      'users',
      '--json',
      'add',
      'alice',
      '-f',
      'a=1',
      '-fb=2',
      '--display-name=Alice',
      '-s',
      'http://x',
    ])
    expect(line.options).toEqual({
      username: 'alice',
      field: ['a=1', 'b=2'],
      displayName: 'Alice',
      limit: '10',
    })
    expect(line.globals).toEqual({ json: true, server: 'http://x' })
  })

  it('collects variadic arguments and enforces required options', async () => {
    const { root, parse } = program()
    expect((await parse(['send', 'a', 'b', '--message', 'hi'])).options).toEqual({
      to: ['a', 'b'],
      message: 'hi',
    })
    await expect(root.parse(['send', 'a'], () => {})).rejects.toThrow('"tool send" needs --message <text>.')
    await expect(root.parse(['send', '--message', 'x'], () => {})).rejects.toThrow('needs at least one <to>')
  })

  it('explains usage errors with suggestions', async () => {
    const { root } = program()
    await expect(root.parse(['usres'], () => {})).rejects.toThrow(
      "unknown command 'usres'; did you mean 'users'?",
    )
    await expect(root.parse(['users', 'add', 'a', '--dispaly-name', 'x'], () => {})).rejects.toThrow(
      /unknown option '--dispaly-name' .*did you mean --display-name/,
    )
    await expect(root.parse(['users', 'add'], () => {})).rejects.toThrow('"tool users add" needs <username>.')
    await expect(root.parse(['users', 'add', 'a', 'b'], () => {})).rejects.toThrow(/too many arguments .*'b'/)
    await expect(root.parse(['users'], () => {})).rejects.toThrow('"tool users" needs a command: add')
    await expect(root.parse(['users', 'add', 'a', '--display-name'], () => {})).rejects.toThrow(
      /needs a value/,
    )
    await expect(root.parse(['--json=yes'], () => {})).rejects.toThrow(/takes no value/)
  })

  it('prints help and version', async () => {
    const { root } = program()
    let out = ''
    await expect(root.parse(['users', 'add', '--help'], (text) => (out += text))).rejects.toBeInstanceOf(
      HelpShown,
    )
    expect(out).toContain('Usage: tool users add [options] <username>')
    expect(out).toContain('--limit <n>')
    expect(out).toContain('(default: 10)')
    out = ''
    await expect(root.parse(['help', 'users'], (text) => (out += text))).rejects.toBeInstanceOf(HelpShown)
    expect(out).toContain('Commands:\n  add  add one')
    out = ''
    await expect(root.parse(['-V'], (text) => (out += text))).rejects.toBeInstanceOf(HelpShown)
    expect(out).toBe('1.2.3\n')
  })

  it('treats everything after -- and negative numbers as arguments', async () => {
    const { calls, parse } = program()
    await parse(['users', 'add', '--', '--weird'])
    await parse(['users', 'add', '-5'])
    expect(calls.map((call) => (call as { username: string }).username)).toEqual(['--weird', '-5'])
  })
})

describe('maxcli command tree', () => {
  it('gives every command a summary and every leaf examples in --help', async () => {
    const { buildProgram } = await import('../../src/main.js')
    const program = await buildProgram().loadAll()
    const missing: string[] = []
    const walk = (command: Command) => {
      if (!command.summary) missing.push(`${command.path()} (summary)`)
      if (command.commands.length === 0 && !command.helpText().includes('Examples:\n  $ maxcli')) {
        missing.push(`${command.path()} (examples)`)
      }
      command.commands.forEach(walk)
    }
    walk(program)
    expect(missing).toEqual([])
  })

  it('gives destructive commands --yes and --dry-run, and list commands --limit and --all', async () => {
    const { buildProgram } = await import('../../src/main.js')
    const program = await buildProgram().loadAll()
    const find = (path: string) =>
      path.split(' ').reduce((node, name) => node.commands.find((c) => c.name === name)!, program)
    const longs = (path: string) => find(path).ownOptions.map((o) => o.long)
    for (const path of [
      'users delete',
      'contexts delete',
      'roles revoke',
      'unsubscribe',
      'activities delete',
    ]) {
      expect(longs(path), path).toEqual(expect.arrayContaining(['yes', 'dry-run']))
    }
    expect(longs('users add')).toContain('dry-run')
    expect(longs('users add')).not.toContain('yes')
    for (const path of ['users list', 'contexts list', 'contexts subscribers', 'activities list']) {
      expect(longs(path), path).toEqual(expect.arrayContaining(['limit', 'all']))
    }
  })
})

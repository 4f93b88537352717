import { describe, expect, it } from 'vitest'
import { Command, HelpShown } from '../../src/command.js'

function program() {
  const calls: unknown[][] = []
  const root = new Command('tool')
    .version('1.2.3')
    .option('-s, --server <url>', 'server')
    .option('--json', 'json')
  const users = root.command('users').description('manage users')
  users
    .command('add')
    .description('add one')
    .argument('<username>', 'who')
    .option('--display-name <name>', 'name')
    .option('-f, --field <kv>', 'field', { repeatable: true })
    .option('--limit <n>', 'limit', { default: '10' })
    .action((...args) => {
      calls.push(args.slice(0, -1))
    })
  root
    .command('send')
    .argument('<to...>')
    .requiredOption('--message <text>', 'text')
    .action((...args) => {
      calls.push(args.slice(0, -1))
    })
  return { root, calls }
}

describe('Command', () => {
  it('finds the subcommand, its arguments and options, with globals anywhere on the line', async () => {
    const { root, calls } = program()
    await root.parse(
      ['users', '--json', 'add', 'alice', '-f', 'a=1', '-fb=2', '--display-name=Alice', '-s', 'http://x'],
      () => {},
    )
    expect(calls).toEqual([['alice', { field: ['a=1', 'b=2'], displayName: 'Alice', limit: '10' }]])
    expect(root.opts()).toEqual({ json: true, server: 'http://x' })
  })

  it('collects variadic arguments and enforces required options', async () => {
    const { root, calls } = program()
    await root.parse(['send', 'a', 'b', '--message', 'hi'], () => {})
    expect(calls).toEqual([[['a', 'b'], { message: 'hi' }]])
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
    const { root, calls } = program()
    await root.parse(['users', 'add', '--', '--weird'], () => {})
    await root.parse(['users', 'add', '-5'], () => {})
    expect(calls.map((call) => call[0])).toEqual(['--weird', '-5'])
  })
})

describe('maxcli command tree', () => {
  it('gives every command a description and every leaf examples in --help', async () => {
    const { buildProgram } = await import('../../src/main.js')
    const program = buildProgram({
      env: {},
      stdin: process.stdin,
      stdout: process.stdout,
      stderr: process.stderr,
    })
    const missing: string[] = []
    const walk = (command: Command) => {
      if (!command.described) missing.push(`${command.path()} (description)`)
      if (command.commands.length === 0 && !command.helpText().includes('Examples:\n  $ maxcli')) {
        missing.push(`${command.path()} (examples)`)
      }
      command.commands.forEach(walk)
    }
    walk(program)
    expect(missing).toEqual([])
  })
})

import { describe, expect, it } from 'vitest'
import { bashScript, commandTree, zshScript } from '../../src/commands/completion.js'
import { buildTree, completeChain } from '../../src/repl-complete.js'

describe('completion scripts', () => {
  it('list commands, subcommands and API paths', () => {
    const bash = bashScript(['/people/{username}'])
    expect(bash).toContain('users) words="add get list modify delete" ;;')
    expect(bash).toContain('api) words="GET POST PUT DELETE HEAD /people/{username}" ;;')
    expect(bash).toMatch(/complete -o default -F _maxcli maxcli max\n$/)
    const zsh = zshScript(['/people'])
    expect(zsh.startsWith('#compdef maxcli max')).toBe(true)
    expect(zsh).toContain(`commands=(${Object.keys(commandTree).join(' ')})`)
  })
})

describe('REPL resource completion', () => {
  const tree = buildTree([
    '/people',
    '/people/{username}',
    '/people/{username}/activities',
    '/people/{username}/avatar',
    '/contexts',
  ])
  it('completes root segments and children after an index', () => {
    expect(completeChain('client.pe', tree)).toEqual([['client.people'], 'client.pe'])
    expect(completeChain("await client.people['bob'].a", tree)?.[0]).toEqual([
      "await client.people['bob'].activities",
      "await client.people['bob'].all",
      "await client.people['bob'].avatar",
    ])
    expect(completeChain('client.people.', tree)?.[0]).toContain('client.people.get')
  })
  it('leaves other lines to the default completer', () => {
    expect(completeChain('const x = 1', tree)).toBeUndefined()
  })
})

import { describe, expect, it } from 'vitest'
import { completionEntries, pathCandidates } from '../../src/commands/completion.js'
import { buildTree, completeChain } from '../../src/repl-complete.js'

describe('completion', () => {
  it('offers the next route segment and leaves {variables} for the user to type', () => {
    const patterns = [
      '/people',
      '/people/{username}',
      '/people/{username}/activities',
      '/contexts/{hash}/tags',
    ]
    expect(pathCandidates('/pe', patterns)).toEqual(['/people', '/people/'])
    expect(pathCandidates('/people/', patterns)).toEqual([])
    expect(pathCandidates('/people/alice/', patterns)).toEqual(['/people/alice/activities'])
    expect(pathCandidates('/contexts/abc/t', patterns)).toEqual(['/contexts/abc/tags'])
  })

  it('lists each command with its own options', async () => {
    const { buildProgram } = await import('../../src/main.js')
    const entries = await completionEntries(buildProgram())
    expect(entries.find((e) => e.path === 'users list')?.options).toEqual(
      expect.arrayContaining(['--search', '--limit', '--all']),
    )
    expect(entries.find((e) => e.path === '')?.options).toEqual(
      expect.arrayContaining(['-s', '--server', '--jq']),
    )
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

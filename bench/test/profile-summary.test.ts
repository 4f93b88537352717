import { describe, expect, it } from 'vitest'
import { ownerOf, summarise } from '../src/profile-summary.mjs'

const frame = (functionName: string, url: string, lineNumber = 0) => ({ functionName, url, lineNumber })

describe('ownerOf', () => {
  it('names the workspace package, dependency or runtime a script belongs to', () => {
    expect(ownerOf('file:///w/packages/core/dist/chunk-X.js')).toBe('@maxclient/core')
    expect(ownerOf('file:///w/apps/cli/dist/main.js')).toBe('@maxclient/cli')
    expect(
      ownerOf('file:///w/node_modules/.pnpm/commander@14.0.3/node_modules/commander/lib/command.js'),
    ).toBe('commander')
    expect(ownerOf('file:///w/node_modules/@scope/pkg/index.js')).toBe('@scope/pkg')
    expect(ownerOf('node:internal/http')).toBe('node internals')
    expect(ownerOf('')).toBe('(native / V8)')
    expect(ownerOf('file:///w/bench/src/worker.mjs')).toBe('bench harness')
  })
})

describe('summarise', () => {
  // root -> send (core) -> write (native); root -> parse (resources)
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 4] },
      { id: 2, callFrame: frame('send', 'file:///w/packages/core/dist/a.js', 9), children: [3] },
      { id: 3, callFrame: frame('write', '') },
      { id: 4, callFrame: frame('parse', 'file:///w/packages/resources/dist/b.js', 4) },
    ],
    samples: [2, 3, 3, 4, 3],
    timeDeltas: [1000, 2000, 2000, 4000, 1000],
  }

  it('adds self time per frame and per owner, and total time along the stack', () => {
    const summary = summarise([profile])
    expect(summary.totalMs).toBeCloseTo(10)
    expect(summary.self[0]).toEqual({ frame: 'write :1', ms: 5, owner: '(native / V8)' })
    expect(summary.owners).toEqual([
      { owner: '(native / V8)', ms: 5 },
      { owner: '@maxclient/resources', ms: 4 },
      { owner: '@maxclient/core', ms: 1 },
    ])
    expect(summary.total.find((f) => f.frame === 'send a.js:10')?.ms).toBe(6)
    expect(summary.total.find((f) => f.frame === '(root) :1')?.ms).toBe(10)
  })

  it('adds up several profiles', () => {
    const summary = summarise([profile, profile])
    expect(summary.totalMs).toBeCloseTo(20)
    expect(summary.total.find((f) => f.frame === 'parse b.js:5')?.ms).toBe(8)
  })
})

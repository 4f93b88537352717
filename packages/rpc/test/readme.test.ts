import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { type RpcMethodSpec, rpcCategories, rpcMethods } from '../src/index.js'

const README = new URL('../README.md', import.meta.url)
const START = '<!-- methods:start (generated from rpcMethods by test/readme.test.ts) -->'
const END = '<!-- methods:end -->'

/** The README method tables, one per category, rendered from the method table. */
function renderMethodTables(): string {
  const entries = Object.entries(rpcMethods) as Array<[string, RpcMethodSpec]>
  const sections = rpcCategories.map((category) => {
    const rows = entries
      .filter(([, spec]) => spec.category === category)
      .map(([name, spec]) => {
        const names = [`\`${name}\``, ...(spec.aliases ?? []).map((alias) => `\`${alias}\``)].join(', ')
        const iterator = spec.iterator ? `<br>iterator: \`${spec.iterator}\`` : ''
        const python = spec.python ? 'yes' : ''
        const http =
          spec.method === 'HEAD' ? `HEAD ${spec.pattern} (count)` : `${spec.method} ${spec.pattern}`
        return `| ${names}${iterator} | \`(${spec.args.join(', ')})\` | \`${http}\` | ${spec.summary} | ${python} |`
      })
    const header = [
      '| Method | Arguments | Request | What it does | Python |',
      '| --- | --- | --- | --- | --- |',
    ]
    return [`### ${category}`, '', ...header, ...rows].join('\n')
  })
  return [
    '"Python" marks the methods of the Python `maxclient`, kept with the same name and argument order.',
    ...sections,
  ].join('\n\n')
}

/** The text with table cells trimmed, so the comparison ignores the column padding a formatter adds. */
function normalize(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line.startsWith('|')
        ? line
            .split('|')
            .map((cell) => cell.trim().replace(/^-+$/, '---'))
            .join('|')
        : line,
    )
    .join('\n')
}

describe('README', () => {
  it('lists every method of the table by category (run with UPDATE_README=1 to regenerate)', () => {
    const text = readFileSync(README, 'utf8')
    const start = text.indexOf(START)
    const end = text.indexOf(END)
    expect(start, 'README lacks the methods:start marker').toBeGreaterThan(-1)
    expect(end, 'README lacks the methods:end marker').toBeGreaterThan(start)
    const expected = `${START}\n\n${renderMethodTables()}\n\n${END}`
    const actual = text.slice(start, end + END.length)
    if (normalize(actual) !== normalize(expected) && process.env.UPDATE_README === '1') {
      writeFileSync(README, text.slice(0, start) + expected + text.slice(end + END.length))
      return
    }
    expect(normalize(actual)).toBe(normalize(expected))
  })
})

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
        const python = spec.python ? ' ¹' : ''
        const http =
          spec.method === 'HEAD' ? `HEAD ${spec.pattern} (count)` : `${spec.method} ${spec.pattern}`
        return `| ${names}${python}${iterator} | \`(${spec.args.join(', ')})\` | \`${http}\` | ${spec.summary} |`
      })
    return [
      `### ${category}`,
      '',
      '| Method | Arguments | Request | What it does |',
      '| --- | --- | --- | --- |',
      ...rows,
    ].join('\n')
  })
  return [...sections, '', '¹ also in the Python `maxclient`, same name and argument order.'].join('\n\n')
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
    if (actual !== expected && process.env.UPDATE_README === '1') {
      writeFileSync(README, text.slice(0, start) + expected + text.slice(end + END.length))
      return
    }
    expect(actual).toBe(expected)
  })
})

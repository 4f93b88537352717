import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseArgs } from '../src/build.js'
import * as handWritten from '../src/methods/index.js'
import { flattenTable, type RpcMethodSpec, rpcTable } from '../src/table.js'

// The generator of the two files built from the method table (src/table.ts). The client class is
// generated at build time, not assembled at start-up, so importing rpc costs no more than a
// hand-written class: run `UPDATE_GENERATED=1 pnpm vitest run --project @maxclient/rpc test/generate.test.ts`
// after changing the table.

const HEADER = [
  '// Generated from the method table (src/table.ts) by test/generate.test.ts; do not edit. After changing',
  '// the table: UPDATE_GENERATED=1 pnpm vitest run --project @maxclient/rpc test/generate.test.ts',
]

const OPTION_TYPES = {
  call: 'CallOptions',
  read: 'ReadOptions',
  list: 'ListOptions',
  tags: 'TagsOptions',
  body: 'BodyOptions',
  permission: 'PermissionOptions',
} as const

const table = Object.entries(flattenTable())

/** `methods.generated.ts`: the flat table with its derived fields, one method a line. */
function renderTable(): string {
  return [
    ...HEADER,
    "import type { RpcCategory, RpcMethods } from './table.js'",
    '',
    '/** Groups of the method table, in the order the README lists them. */',
    `export const rpcCategories: readonly RpcCategory[] = ${JSON.stringify(Object.keys(rpcTable))}`,
    '',
    '/** Every RPC method: name → route, HTTP method, positional parameters, category and summary. */',
    'export const rpcMethods: RpcMethods = {',
    ...table.map(([name, spec]) => `  ${name}: ${JSON.stringify(spec)},`),
    '}',
    '',
  ].join('\n')
}

/** The signature of one table method under `key`: two overloads and a body for a method with `count`. */
function tableMethod(key: string, name: string, spec: RpcMethodSpec): string[] {
  const args = parseArgs(spec.rules)
  const options = `options?: ${OPTION_TYPES[spec.options ?? 'call']}`
  const countAt = args.findIndex((arg) => arg.name === 'count')
  const plain = args.map((arg) =>
    arg.name === 'count' ? 'count?: false' : `${arg.name}${arg.optional ? '?' : ''}: ${arg.rule.type}`,
  )
  const body = `{ return run(this, '${name}', arguments) }`
  if (countAt < 0) return [`  ${key}(${[...plain, options].join(', ')}): RpcReturn<'${name}'> ${body}`]
  // `count: true` resolves to the count; the arguments before it can no longer be left out.
  const counting = args.map((arg, index) =>
    index === countAt
      ? 'count: true'
      : index < countAt && arg.optional
        ? `${arg.name}: ${arg.rule.type} | undefined`
        : plain[index],
  )
  return [
    `  ${key}(${[...plain, options].join(', ')}): RpcReturn<'${name}'>`,
    `  ${key}(${[...counting, options].join(', ')}): RpcReturn<'${name.replace(/^get/, 'count')}'>`,
    `  ${key}(..._: unknown[]): Promise<RpcResult<unknown>> ${body}`,
  ]
}

/** `client.generated.ts`: the client class, one method a line, each handing its arguments to the table. */
function renderClient(): string {
  const members: string[] = []
  const aliases: string[] = []
  for (const [name, spec] of table) {
    const written = name in handWritten
    for (const key of [name, ...(spec.aliases ?? [])]) {
      // A hand-written method has its own signature and TSDoc (methods/); client.ts installs it.
      if (written) {
        if (key !== name)
          aliases.push(`  /** Alias of \`${name}\`. */`, `  ${key}: RpcHandWrittenMethods['${name}']`)
        continue
      }
      members.push(
        key === name ? `  /** ${spec.summary} (\`${spec.route}\`). */` : `  /** Alias of \`${name}\`. */`,
      )
      members.push(...tableMethod(key, name, spec))
    }
    if (spec.iterator) {
      const args = parseArgs(spec.rules).filter((arg) => arg.name !== 'count')
      const params = args.map((arg) => `${arg.name}${arg.optional ? '?' : ''}: ${arg.rule.type}`)
      members.push(
        `  /** Iterates \`${name}\` page by page. */`,
        `  ${spec.iterator}(${[...params, 'options?: IterateOptions'].join(', ')}): AsyncIterable<RpcItem<'${name}'>> { return runIterator(this, '${name}', arguments) }`,
      )
    }
  }
  const types = [
    ...Object.values(OPTION_TYPES),
    'ConversationProperties',
    'IterateOptions',
    'RpcResult',
    'UserProperties',
  ]
  return [
    ...HEADER,
    "import type { ContextPermission } from '@maxclient/resources'",
    "import { run, runIterator } from './build.js'",
    "import { RpcClientBase, type RpcHandWrittenMethods } from './client.js'",
    "import type { RpcItem, RpcReturn } from './result.js'",
    `import type { ${types.sort().join(', ')} } from './types.js'`,
    '',
    '/** The hand-written methods (and their aliases), installed on `RpcClientBase` by client.ts. */',
    'export interface RpcClient extends RpcHandWrittenMethods {',
    ...aliases,
    '}',
    '',
    '/**',
    ' * The RPC-style MAX client: one method per endpoint, each resolving to `[ok, status, content]`.',
    ' *',
    ' * Failures the server answers also resolve (`[false, 404, { error, error_description }]`); bad',
    ' * arguments throw `UsageError` and network failures throw `RequestError` (status 0). Auth,',
    ' * discovery, retries, timeouts, hooks and debug come from `MaxCore`.',
    ' *',
    ' * @example',
    ' * ```ts',
    " * const client = new RpcClient('https://max.example.org', { oauthServer: 'https://oauth.example.org' })",
    " * await client.login('alice', password)",
    ' * const [ok, status, me] = await client.getUser()',
    ' * ```',
    ' */',
    'export class RpcClient extends RpcClientBase {',
    ...members,
    '}',
    '',
  ].join('\n')
}

describe('the files generated from the method table', () => {
  it.each([
    ['methods.generated.ts', renderTable],
    ['client.generated.ts', renderClient],
  ])('%s is current (run with UPDATE_GENERATED=1 to regenerate)', (file, render) => {
    const url = new URL(`../src/${file}`, import.meta.url)
    const expected = render()
    let actual = ''
    try {
      actual = readFileSync(url, 'utf8')
    } catch {}
    if (actual !== expected && process.env.UPDATE_GENERATED === '1') {
      writeFileSync(url, expected)
      actual = expected
    }
    expect(actual).toBe(expected)
  })
})

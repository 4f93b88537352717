import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseArgs } from '../src/build.js'
import * as handWritten from '../src/methods/index.js'
import { type RpcMethodSpec, rpcMethods } from '../src/table.js'

const FILE = new URL('../src/surface.generated.ts', import.meta.url)

const OPTION_TYPES = {
  call: 'CallOptions',
  read: 'ReadOptions',
  list: 'ListOptions',
  tags: 'TagsOptions',
  body: 'BodyOptions',
  permission: 'PermissionOptions',
} as const

/** The signature lines of one table method under `name` (two for a method with a `count` argument). */
function signatures(name: string, method: string, spec: RpcMethodSpec): string[] {
  const args = parseArgs(spec.rules)
  const options = `options?: ${OPTION_TYPES[spec.options ?? 'call']}`
  const countAt = args.findIndex((arg) => arg.name === 'count')
  const plain = args.map((arg) =>
    arg.name === 'count' ? 'count?: false' : `${arg.name}${arg.optional ? '?' : ''}: ${arg.rule.type}`,
  )
  const lines = [`  ${name}(${[...plain, options].join(', ')}): RpcReturn<'${method}'>`]
  if (countAt >= 0) {
    // `count: true` resolves to the count; the arguments before it can no longer be left out.
    const counting = args.map((arg, index) =>
      index === countAt
        ? 'count: true'
        : index < countAt && arg.optional
          ? `${arg.name}: ${arg.rule.type} | undefined`
          : plain[index],
    )
    lines.push(
      `  ${name}(${[...counting, options].join(', ')}): RpcReturn<'${method.replace(/^get/, 'count')}'>`,
    )
  }
  return lines
}

/** The generated interface: every table method, alias and iterator with its parameter names and types. */
function render(): string {
  const members: string[] = []
  for (const [name, spec] of Object.entries(rpcMethods) as Array<[string, RpcMethodSpec]>) {
    const doc = `  /** ${spec.summary} (\`${spec.method} ${spec.pattern}\`). */`
    // A hand-written method has its own signature and TSDoc; only its aliases are listed here.
    const written = name in handWritten
    for (const key of [name, ...(spec.aliases ?? [])]) {
      if (written && key === name) continue
      members.push(key === name ? doc : `  /** Alias of \`${name}\`. */`)
      if (written) members.push(`  ${key}: RpcHandWrittenMethods['${name}']`)
      else members.push(...signatures(key, name, spec))
    }
    if (spec.iterator) {
      const args = parseArgs(spec.rules).filter((arg) => arg.name !== 'count')
      const params = args.map((arg) => `${arg.name}${arg.optional ? '?' : ''}: ${arg.rule.type}`)
      members.push(`  /** Iterates {@link RpcTableMethods.${name}} page by page. */`)
      members.push(
        `  ${spec.iterator}(${[...params, 'options?: IterateOptions'].join(', ')}): AsyncIterable<RpcItem<'${name}'>>`,
      )
    }
  }
  return [
    '// Generated from the method table (src/table.ts) by test/surface.test.ts; do not edit. After changing',
    '// the table: UPDATE_GENERATED=1 pnpm vitest run --project @maxclient/rpc test/surface.test.ts',
    "import type { ContextPermission } from '@maxclient/resources'",
    "import type { RpcHandWrittenMethods } from './client.js'",
    "import type { RpcItem, RpcReturn } from './result.js'",
    'import type {',
    ...[...Object.values(OPTION_TYPES), 'ConversationProperties', 'IterateOptions', 'UserProperties']
      .sort()
      .map((type) => `  ${type},`),
    "} from './types.js'",
    '',
    '/** The methods of `RpcClient` the table describes, with their parameter names and types. */',
    'export interface RpcTableMethods {',
    ...members,
    '}',
    '',
  ].join('\n')
}

describe('the generated method signatures', () => {
  it('match the table (run with UPDATE_GENERATED=1 to regenerate)', () => {
    const expected = render()
    let actual = ''
    try {
      actual = readFileSync(FILE, 'utf8')
    } catch {}
    if (actual !== expected && process.env.UPDATE_GENERATED === '1') {
      writeFileSync(FILE, expected)
      actual = expected
    }
    expect(actual).toBe(expected)
  })
})

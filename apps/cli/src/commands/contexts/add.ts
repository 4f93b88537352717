import { arg, defineCommand, flag } from '../../define.js'
import { usageError } from '../../errors.js'
import { columns } from '../../listing.js'
import { operations } from '../../operations.js'
import { contextSummary, splitTags } from './tags-text.js'

const PERMISSIONS = new Set(['read', 'write', 'subscribe', 'invite', 'unsubscribe', 'delete', 'flag'])

/** Parses `--permission read=subscribed` options into MAX's permissions object. */
export function parsePermissions(entries: string[] | undefined): Record<string, string> | undefined {
  if (!entries || entries.length === 0) return undefined
  const permissions: Record<string, string> = {}
  for (const entry of entries) {
    const [name, value] = entry.split('=', 2)
    if (!name || !value || !PERMISSIONS.has(name)) {
      throw usageError(
        `--permission expects name=value with name one of ${[...PERMISSIONS].join(', ')} (e.g. read=subscribed), got "${entry}".`,
      )
    }
    permissions[name] = value
  }
  return permissions
}

export default defineCommand({
  summary: 'create a context by URL',
  args: { url: arg.required() },
  flags: {
    displayName: flag.string('the name people see', { value: 'name' }),
    tags: flag.string('comma-separated tags', { value: 'list' }),
    permission: flag.list('e.g. read=subscribed, write=restricted', { value: 'name=value' }),
  },
  examples: ['maxcli contexts add https://example.com/team --display-name Team --tags staff'],
  effect: 'change',
  async run(context, options) {
    const call = operations['context.add'].build({
      url: options.url,
      ...(options.displayName !== undefined ? { displayName: options.displayName } : {}),
      ...(options.tags !== undefined ? { tags: splitTags(options.tags) } : {}),
    })
    const permissions = parsePermissions(options.permission)
    if (permissions) call.input = { ...call.input, permissions }
    await context.print(await context.send(call, options), {
      columns: columns.context,
      summary: contextSummary('Created'),
    })
  },
})

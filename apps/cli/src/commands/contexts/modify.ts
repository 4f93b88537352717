import { arg, defineCommand, flag } from '../../define.js'
import { usageError } from '../../errors.js'
import { columns } from '../../listing.js'
import { operations } from '../../operations.js'
import { contextSummary, splitTags } from './tags-text.js'

export default defineCommand({
  summary: "change a context's display name or tags",
  args: { context: arg.required('URL or hash') },
  flags: {
    displayName: flag.string('the name people see', { value: 'name' }),
    tags: flag.string('comma-separated tags', { value: 'list' }),
  },
  examples: ['maxcli contexts modify https://example.com/team --display-name "Team A"'],
  effect: 'change',
  async run(context, options) {
    if (options.displayName === undefined && options.tags === undefined) {
      throw usageError('contexts modify needs --display-name and/or --tags.')
    }
    const values: Record<string, string | string[]> = { context: options.context }
    if (options.displayName !== undefined) values.displayName = options.displayName
    if (options.tags !== undefined) values.tags = splitTags(options.tags)
    await context.print(await context.send(operations['context.modify'].build(values), options), {
      columns: columns.context,
      summary: contextSummary('Changed'),
    })
  },
})

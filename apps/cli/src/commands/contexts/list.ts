import { defineCommand, flag } from '../../define.js'
import { columns } from '../../listing.js'
import { splitTags } from './tags-text.js'

export default defineCommand({
  summary: 'list contexts',
  flags: { tags: flag.string('contexts with these tags (comma-separated)', { value: 'list' }) },
  list: { limit: 100 },
  examples: ['maxcli contexts list --tags staff', 'maxcli contexts list --all --output csv'],
  async run(context, options) {
    const qs: Record<string, unknown> = {}
    if (options.tags !== undefined) qs.tags = splitTags(options.tags)
    await context.list(
      { method: 'GET', pattern: '/contexts', params: {}, input: { qs } },
      options,
      columns.context,
      'contexts',
    )
  },
})

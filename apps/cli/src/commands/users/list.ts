import { defineCommand, flag } from '../../define.js'
import { columns } from '../../listing.js'

export default defineCommand({
  summary: 'list users (search with --search)',
  flags: { search: flag.string('users whose username contains this', { value: 'text' }) },
  list: { limit: 100 },
  examples: ['maxcli users list --search ali', 'maxcli users list --all --output csv > users.csv'],
  async run(context, options) {
    const qs: Record<string, unknown> = {}
    if (options.search !== undefined) qs.username = options.search
    await context.list(
      { method: 'GET', pattern: '/people', params: {}, input: { qs } },
      options,
      columns.person,
      'users',
    )
  },
})

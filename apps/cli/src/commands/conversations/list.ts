import { defineCommand } from '../../define.js'
import { columns } from '../../listing.js'

export default defineCommand({
  summary: 'list your conversations',
  list: { limit: 100 },
  examples: ['maxcli conversations list'],
  async run(context, options) {
    await context.list(
      { method: 'GET', pattern: '/conversations', params: {} },
      options,
      columns.conversation,
      'conversations',
    )
  },
})

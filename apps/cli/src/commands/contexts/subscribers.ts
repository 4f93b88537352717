import { arg, defineCommand } from '../../define.js'
import { columns } from '../../listing.js'

export default defineCommand({
  summary: "list a context's subscribers",
  args: { context: arg.required('URL or hash') },
  list: { limit: 100 },
  examples: ['maxcli contexts subscribers https://example.com/team --all'],
  async run(context, options) {
    await context.list(
      { method: 'GET', pattern: '/contexts/{hash}/subscriptions', params: { hash: options.context } },
      options,
      columns.subscriber,
      'subscribers',
    )
  },
})

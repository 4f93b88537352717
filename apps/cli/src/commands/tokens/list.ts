import { arg, defineCommand } from '../../define.js'
import { columns } from '../../listing.js'

export default defineCommand({
  summary: "list a user's push device tokens",
  args: { username: arg.optional('default: you') },
  list: { limit: 100 },
  examples: ['maxcli tokens list', 'maxcli tokens list alice'],
  async run(context, options) {
    await context.list(
      {
        method: 'GET',
        pattern: '/people/{username}/tokens',
        params: { username: options.username ?? ':me' },
      },
      options,
      columns.token,
      'tokens',
    )
  },
})

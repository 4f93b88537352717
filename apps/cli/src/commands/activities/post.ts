import { arg, defineCommand, flag } from '../../define.js'
import { columns } from '../../listing.js'
import { operations } from '../../operations.js'

export default defineCommand({
  summary: 'post a note to your stream or to a context',
  args: { content: arg.required() },
  flags: {
    context: flag.string('post to a context instead of your stream', { value: 'context' }),
    as: flag.string('post on behalf of this user (needs permission)', { value: 'username' }),
  },
  examples: ['maxcli activities post "Hello" --context https://example.com/team'],
  effect: 'change',
  async run(context, options) {
    const values: Record<string, string> = { content: options.content }
    if (options.context !== undefined) values.context = options.context
    if (options.as !== undefined) values.username = options.as
    await context.print(await context.send(operations['activity.post'].build(values), options), {
      columns: columns.activity,
      summary: (a: { id: string; actor?: { username?: string } }) =>
        `Posted activity ${a.id}${a.actor?.username ? ` as ${a.actor.username}` : ''}`,
    })
  },
})

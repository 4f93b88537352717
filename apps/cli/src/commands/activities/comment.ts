import { arg, defineCommand } from '../../define.js'
import { columns } from '../../listing.js'

export default defineCommand({
  summary: 'comment on an activity',
  args: { id: arg.required(), content: arg.required() },
  examples: ['maxcli activities comment 519b00000000000000000000 "Thanks!"'],
  effect: 'change',
  async run(context, options) {
    const call = {
      method: 'POST' as const,
      pattern: '/activities/{activity}/comments',
      params: { activity: options.id },
      input: { object: { objectType: 'comment', content: options.content } },
    }
    await context.print(await context.send(call, options), {
      columns: columns.comment,
      summary: () => `Commented on activity ${options.id}`,
    })
  },
})

import { arg, defineCommand } from '../../define.js'
import { columns } from '../../listing.js'

export default defineCommand({
  summary: 'like an activity',
  args: { id: arg.required() },
  examples: ['maxcli activities like 519b00000000000000000000'],
  effect: 'change',
  async run(context, options) {
    const call = {
      method: 'POST' as const,
      pattern: '/activities/{activity}/likes',
      params: { activity: options.id },
    }
    await context.print(await context.send(call, options), {
      columns: columns.activity,
      summary: () => `Liked activity ${options.id}`,
    })
  },
})

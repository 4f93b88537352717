import { arg, defineCommand } from '../../define.js'

export default defineCommand({
  summary: 'delete an activity',
  args: { id: arg.required() },
  examples: ['maxcli activities delete 519b00000000000000000000'],
  effect: 'destroy',
  async run(context, options) {
    await context.send(
      { method: 'DELETE', pattern: '/activities/{activity}', params: { activity: options.id } },
      options,
      `Delete activity ${options.id}?`,
    )
    if (!options.dryRun) context.note(`Deleted activity ${options.id}.`)
  },
})

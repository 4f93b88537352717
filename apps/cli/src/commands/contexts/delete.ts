import { arg, defineCommand } from '../../define.js'
import { operations } from '../../operations.js'

export default defineCommand({
  summary: 'delete a context',
  args: { context: arg.required('URL or hash') },
  examples: ['maxcli contexts delete https://example.com/team'],
  effect: 'destroy',
  async run(context, options) {
    await context.send(
      operations['context.delete'].build({ context: options.context }),
      options,
      `Delete context ${options.context} and its activities?`,
    )
    if (!options.dryRun) context.note(`Deleted context ${options.context}.`)
  },
})

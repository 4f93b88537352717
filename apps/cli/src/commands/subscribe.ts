import { arg, defineCommand } from '../define.js'
import { operations } from '../operations.js'

const args = { username: arg.required(), context: arg.required('URL or hash') }

export const subscribe = defineCommand({
  summary: 'subscribe a user to a context',
  args,
  examples: ['maxcli subscribe alice https://example.com/team'],
  effect: 'change',
  async run(context, options) {
    const call = operations.subscribe.build({ username: options.username, context: options.context })
    await context.print(await context.send(call, options), {
      summary: () => `Subscribed ${options.username} to ${options.context}`,
    })
  },
})

export const unsubscribe = defineCommand({
  summary: 'unsubscribe a user from a context',
  args,
  examples: ['maxcli unsubscribe alice https://example.com/team'],
  effect: 'destroy',
  async run(context, options) {
    const call = operations.unsubscribe.build({ username: options.username, context: options.context })
    await context.send(call, options, `Unsubscribe ${options.username} from ${options.context}?`)
    if (!options.dryRun) context.note(`Unsubscribed ${options.username} from ${options.context}.`)
  },
})

import { arg, defineCommand } from '../../define.js'
import { operations } from '../../operations.js'

export default defineCommand({
  summary: 'delete a user',
  args: { username: arg.required() },
  examples: ['maxcli users delete alice', 'maxcli users delete alice --yes   # in a script'],
  effect: 'destroy',
  async run(context, options) {
    const call = operations['user.delete'].build({ username: options.username })
    await context.send(call, options, `Delete user ${options.username}?`)
    if (!options.dryRun) context.note(`Deleted user ${options.username}.`)
  },
})

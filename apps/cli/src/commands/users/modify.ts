import { arg, defineCommand, flag } from '../../define.js'
import { columns } from '../../listing.js'
import { operations } from '../../operations.js'

export default defineCommand({
  summary: "change a user's display name",
  args: { username: arg.required() },
  flags: { displayName: flag.required('the name people see', { value: 'name' }) },
  examples: ['maxcli users modify alice --display-name "Alice Jones"'],
  effect: 'change',
  async run(context, options) {
    const call = operations['user.modify'].build({
      username: options.username,
      displayName: options.displayName,
    })
    await context.print(await context.send(call, options), {
      columns: columns.person,
      summary: (p: { username: string; displayName?: string }) => `Renamed ${p.username} to ${p.displayName}`,
    })
  },
})

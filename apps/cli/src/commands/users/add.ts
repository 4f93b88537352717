import { arg, defineCommand, flag } from '../../define.js'
import { columns } from '../../listing.js'
import { operations } from '../../operations.js'

export default defineCommand({
  summary: 'create a user (an existing one is left as is)',
  args: { username: arg.required() },
  flags: { displayName: flag.string('the name people see', { value: 'name' }) },
  examples: ['maxcli users add alice --display-name "Alice Smith"'],
  effect: 'change',
  async run(context, options) {
    const values: Record<string, string> = { username: options.username }
    if (options.displayName !== undefined) values.displayName = options.displayName
    const person = await context.send(operations['user.add'].build(values), options)
    await context.print(person, {
      columns: columns.person,
      summary: (p: { username: string; displayName?: string }) =>
        `Created user ${p.username}${p.displayName ? ` (${p.displayName})` : ''}`,
    })
  },
})

import { arg, defineCommand, flag } from '../../define.js'
import { columns } from '../../listing.js'

export default defineCommand({
  summary: 'read or send messages',
  args: { id: arg.required() },
  flags: { send: flag.string('send a message instead of listing', { value: 'text' }) },
  list: { limit: 20 },
  effect: 'change',
  examples: [
    'maxcli conversations messages 519b00000000000000000000',
    'maxcli conversations messages 519b00000000000000000000 --send "On my way"',
  ],
  async run(context, options) {
    const params = { id: options.id }
    if (options.send !== undefined) {
      const call = {
        method: 'POST' as const,
        pattern: '/conversations/{id}/messages',
        params,
        input: { object: { objectType: 'note', content: options.send } },
      }
      await context.print(await context.send(call, options), {
        columns: columns.message,
        summary: () => `Sent the message to ${options.id}`,
      })
      return
    }
    await context.list(
      { method: 'GET', pattern: '/conversations/{id}/messages', params },
      options,
      columns.message,
      'messages',
    )
  },
})

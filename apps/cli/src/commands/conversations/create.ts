import { arg, defineCommand, flag } from '../../define.js'
import { columns } from '../../listing.js'

export default defineCommand({
  summary: 'start a conversation',
  args: { participants: arg.variadic('usernames (you are added)') },
  flags: {
    message: flag.required('the first message', { value: 'text' }),
    displayName: flag.string('name of a group conversation', { value: 'name' }),
  },
  examples: [
    'maxcli conversations create alice --message "Hi"',
    'maxcli conversations create alice bob --message "Hi all" --display-name Team',
  ],
  effect: 'change',
  async run(context, options) {
    const { target } = await context.session()
    const people = [...new Set([target.username, ...options.participants])]
    const conversation: Record<string, unknown> = { objectType: 'conversation', participants: people }
    if (options.displayName !== undefined) conversation.displayName = options.displayName
    const call = {
      method: 'POST' as const,
      pattern: '/conversations',
      params: {},
      input: { contexts: [conversation], object: { objectType: 'note', content: options.message } },
    }
    await context.print(await context.send(call, options), {
      columns: columns.conversation,
      summary: (c: { contexts?: Array<{ id?: string }>; id?: string }) =>
        `Started conversation ${c.contexts?.[0]?.id ?? c.id ?? ''} with ${people.join(', ')}`,
    })
  },
})

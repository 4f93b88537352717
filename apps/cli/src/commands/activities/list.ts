import { defineCommand, flag } from '../../define.js'
import { usageError } from '../../errors.js'
import { columns } from '../../listing.js'
import type { EndpointCall } from '../../operations.js'

export default defineCommand({
  summary: "list activities: your timeline, a user's or a context's",
  flags: {
    context: flag.string("a context's activities", { value: 'context' }),
    user: flag.string("a user's own activities", { value: 'username' }),
    timeline: flag.boolean('your timeline (the default)'),
  },
  list: { limit: 20 },
  examples: [
    'maxcli activities list',
    'maxcli activities list --context https://example.com/team --fields id,actor.username,object.content',
  ],
  async run(context, options) {
    const chosen = [options.context, options.user, options.timeline].filter((value) => value !== undefined)
    if (chosen.length > 1) throw usageError('activities list takes one of --context, --user or --timeline.')
    const call: EndpointCall =
      options.context !== undefined
        ? { method: 'GET', pattern: '/contexts/{hash}/activities', params: { hash: options.context } }
        : options.user !== undefined
          ? { method: 'GET', pattern: '/people/{username}/activities', params: { username: options.user } }
          : { method: 'GET', pattern: '/people/{username}/timeline', params: { username: ':me' } }
    await context.list(call, options, columns.activity, 'activities')
  },
})

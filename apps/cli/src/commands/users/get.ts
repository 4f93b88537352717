import { arg, defineCommand } from '../../define.js'

export default defineCommand({
  summary: "show a user's profile",
  args: { username: arg.optional('default: you') },
  examples: ['maxcli users get alice', 'maxcli users get --jq .displayName'],
  async run(context, options) {
    const { callEndpoint } = await import('../../call.js')
    const { client } = await context.session()
    await context.print(
      await callEndpoint(client, {
        method: 'GET',
        pattern: '/people/{username}',
        params: { username: options.username ?? ':me' },
      }),
    )
  },
})

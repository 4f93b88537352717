import { callEndpoint } from '../../call.js'
import { defineCommand } from '../../define.js'

export default defineCommand({
  summary: 'show the server and user the next command would use, where the token is, and check it',
  examples: ['maxcli auth status', 'maxcli whoami --json'],
  async run(context) {
    const { client, target } = await context.session()
    const person = (await callEndpoint(client, {
      method: 'GET',
      pattern: '/people/{username}',
      params: { username: target.username },
    })) as Record<string, unknown> | null
    await context.print({
      server: target.server,
      username: target.username,
      displayName: person?.displayName ?? null,
      profile: target.profileName ?? null,
      token:
        target.tokenSource === 'MAX_TOKEN'
          ? 'from MAX_TOKEN'
          : `stored in ${target.tokenStorage ?? 'the profile'}`,
    })
  },
})

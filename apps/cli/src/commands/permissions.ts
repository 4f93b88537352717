import { arg, defineCommand } from '../define.js'
import { columns } from '../listing.js'
import { operations } from '../operations.js'

const args = {
  context: arg.required('URL or hash'),
  username: arg.required(),
  permission: arg.required('read, write, subscribe, invite, unsubscribe, delete, flag'),
}

const summary = (verb: string) => (s: { username?: string; permissions?: string[] }) =>
  `${verb}; ${s.username ?? 'the user'} now has: ${(s.permissions ?? []).join(', ') || 'no permissions'}`

export const grant = defineCommand({
  summary: 'grant a context permission to a user',
  args,
  examples: ['maxcli permissions grant https://example.com/team alice write'],
  effect: 'change',
  async run(context, options) {
    const call = operations['permission.grant'].build(pick(options))
    await context.print(await context.send(call, options), {
      columns: columns.subscriber,
      summary: summary(`Granted ${options.permission}`),
    })
  },
})

export const revoke = defineCommand({
  summary: 'revoke a context permission from a user',
  args,
  examples: ['maxcli permissions revoke https://example.com/team alice write'],
  effect: 'destroy',
  async run(context, options) {
    const call = operations['permission.revoke'].build(pick(options))
    const result = await context.send(
      call,
      options,
      `Revoke ${options.permission} on ${options.context} from ${options.username}?`,
    )
    await context.print(result, {
      columns: columns.subscriber,
      summary: summary(`Revoked ${options.permission}`),
    })
  },
})

function pick(options: { context: string; username: string; permission: string }) {
  return { context: options.context, username: options.username, permission: options.permission }
}

import { callEndpoint } from '../call.js'
import type { CommandContext } from '../context.js'
import { columns, listItems, parseLimit } from '../listing.js'
import { operations } from '../operations.js'

/** `maxcli users add USERNAME [--display-name NAME]` */
export async function add(context: CommandContext, username: string, options: { displayName?: string }) {
  const { client } = await context.session()
  const values: Record<string, string> = { username }
  if (options.displayName !== undefined) values.displayName = options.displayName
  context.print(await callEndpoint(client, operations['user.add'].build(values)))
}

/** `maxcli users get [USERNAME]` */
export async function get(context: CommandContext, username: string | undefined) {
  const { client } = await context.session()
  context.print(
    await callEndpoint(client, {
      method: 'GET',
      pattern: '/people/{username}',
      params: { username: username ?? ':me' },
    }),
  )
}

/** `maxcli users list [--search TEXT] [--limit N]` */
export async function list(context: CommandContext, options: { search?: string; limit?: string }) {
  const { client } = await context.session()
  const qs: Record<string, unknown> = {}
  if (options.search !== undefined) qs.username = options.search
  const items = await listItems(
    client,
    { method: 'GET', pattern: '/people', params: {}, input: { qs } },
    parseLimit(options.limit, 100),
  )
  context.print(items, columns.person)
}

/** `maxcli users modify USERNAME --display-name NAME` */
export async function modify(context: CommandContext, username: string, options: { displayName: string }) {
  const { client } = await context.session()
  context.print(
    await callEndpoint(
      client,
      operations['user.modify'].build({ username, displayName: options.displayName }),
    ),
  )
}

/** `maxcli users delete USERNAME` */
export async function remove(context: CommandContext, username: string) {
  const { client } = await context.session()
  await callEndpoint(client, operations['user.delete'].build({ username }))
  context.note(`Deleted user ${username}.`)
}

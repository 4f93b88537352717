import { callEndpoint } from '../call.js'
import type { CommandContext } from '../context.js'
import { usageError } from '../errors.js'
import { columns, listItems, parseLimit } from '../listing.js'
import { type EndpointCall, type OperationName, operations } from '../operations.js'

async function run(context: CommandContext, op: OperationName, values: Record<string, string>) {
  const { client } = await context.session()
  return callEndpoint(client, operations[op].build(values))
}

/** `maxcli subscribe USERNAME CONTEXT` */
export async function subscribe(context: CommandContext, username: string, target: string) {
  context.print(await run(context, 'subscribe', { username, context: target }))
}

/** `maxcli unsubscribe USERNAME CONTEXT` */
export async function unsubscribe(context: CommandContext, username: string, target: string) {
  await run(context, 'unsubscribe', { username, context: target })
  context.note(`Unsubscribed ${username} from ${target}.`)
}

/** `maxcli activities post CONTENT [--context C] [--as USER]` */
export async function post(
  context: CommandContext,
  content: string,
  options: { context?: string; as?: string },
) {
  const values: Record<string, string> = { content }
  if (options.context !== undefined) values.context = options.context
  if (options.as !== undefined) values.username = options.as
  context.print(await run(context, 'activity.post', values), columns.activity)
}

/** `maxcli activities list [--context C | --user U | --timeline]` */
export async function listActivities(
  context: CommandContext,
  options: { context?: string; user?: string; timeline?: boolean; limit?: string },
) {
  const chosen = [options.context, options.user, options.timeline].filter((value) => value !== undefined)
  if (chosen.length > 1) throw usageError('activities list takes one of --context, --user or --timeline.')
  const { client } = await context.session()
  const call: EndpointCall =
    options.context !== undefined
      ? { method: 'GET' as const, pattern: '/contexts/{hash}/activities', params: { hash: options.context } }
      : options.user !== undefined
        ? {
            method: 'GET' as const,
            pattern: '/people/{username}/activities',
            params: { username: options.user },
          }
        : { method: 'GET' as const, pattern: '/people/{username}/timeline', params: { username: ':me' } }
  context.print(await listItems(client, call, parseLimit(options.limit, 20)), columns.activity)
}

/** `maxcli activities delete ID` */
export async function deleteActivity(context: CommandContext, id: string) {
  const { client } = await context.session()
  await callEndpoint(client, {
    method: 'DELETE',
    pattern: '/activities/{activity}',
    params: { activity: id },
  })
  context.note(`Deleted activity ${id}.`)
}

/** `maxcli activities comment ID CONTENT` */
export async function comment(context: CommandContext, id: string, content: string) {
  const { client } = await context.session()
  context.print(
    await callEndpoint(client, {
      method: 'POST',
      pattern: '/activities/{activity}/comments',
      params: { activity: id },
      input: { object: { objectType: 'comment', content } },
    }),
  )
}

/** `maxcli activities like ID` */
export async function like(context: CommandContext, id: string) {
  const { client } = await context.session()
  context.print(
    await callEndpoint(client, {
      method: 'POST',
      pattern: '/activities/{activity}/likes',
      params: { activity: id },
    }),
    columns.activity,
  )
}

/** `maxcli permissions grant CONTEXT USERNAME PERMISSION` */
export async function grantPermission(
  context: CommandContext,
  target: string,
  username: string,
  permission: string,
) {
  context.print(await run(context, 'permission.grant', { context: target, username, permission }))
}

/** `maxcli permissions revoke CONTEXT USERNAME PERMISSION` */
export async function revokePermission(
  context: CommandContext,
  target: string,
  username: string,
  permission: string,
) {
  context.print(await run(context, 'permission.revoke', { context: target, username, permission }))
}

/** `maxcli roles list`: one row per role with its users. */
export async function listRoles(context: CommandContext) {
  const { client } = await context.session()
  const security = (await callEndpoint(client, {
    method: 'GET',
    pattern: '/admin/security',
    params: {},
  })) as {
    roles?: Record<string, string[]>
  } | null
  const roles = security?.roles ?? {}
  context.print(
    Object.keys(roles).map((role) => ({ role, users: roles[role] ?? [] })),
    columns.role,
  )
}

/** `maxcli roles grant ROLE USERNAME` */
export async function grantRole(context: CommandContext, role: string, username: string) {
  await run(context, 'role.grant', { role, username })
  context.note(`Granted ${role} to ${username}.`)
}

/** `maxcli roles revoke ROLE USERNAME` */
export async function revokeRole(context: CommandContext, role: string, username: string) {
  await run(context, 'role.revoke', { role, username })
  context.note(`Revoked ${role} from ${username}.`)
}

/** `maxcli conversations list` */
export async function listConversations(context: CommandContext) {
  const { client } = await context.session()
  context.print(
    await callEndpoint(client, { method: 'GET', pattern: '/conversations', params: {} }),
    columns.conversation,
  )
}

/** `maxcli conversations create USER... --message TEXT [--display-name NAME]` */
export async function createConversation(
  context: CommandContext,
  participants: string[],
  options: { message: string; displayName?: string },
) {
  const { client, target } = await context.session()
  const people = [...new Set([target.username, ...participants])]
  const conversation: Record<string, unknown> = { objectType: 'conversation', participants: people }
  if (options.displayName !== undefined) conversation.displayName = options.displayName
  context.print(
    await callEndpoint(client, {
      method: 'POST',
      pattern: '/conversations',
      params: {},
      input: { contexts: [conversation], object: { objectType: 'note', content: options.message } },
    }),
  )
}

/** `maxcli conversations messages ID [--send TEXT]` */
export async function messages(
  context: CommandContext,
  id: string,
  options: { send?: string; limit?: string },
) {
  const { client } = await context.session()
  if (options.send !== undefined) {
    context.print(
      await callEndpoint(client, {
        method: 'POST',
        pattern: '/conversations/{id}/messages',
        params: { id },
        input: { object: { objectType: 'note', content: options.send } },
      }),
      columns.message,
    )
    return
  }
  const items = await listItems(
    client,
    { method: 'GET', pattern: '/conversations/{id}/messages', params: { id } },
    parseLimit(options.limit, 20),
  )
  context.print(items, columns.message)
}

/** `maxcli tokens list [USERNAME]` */
export async function listTokens(context: CommandContext, username: string | undefined) {
  const { client } = await context.session()
  context.print(
    await callEndpoint(client, {
      method: 'GET',
      pattern: '/people/{username}/tokens',
      params: { username: username ?? ':me' },
    }),
    columns.token,
  )
}

/** `maxcli tokens add TOKEN --platform ios|android` */
export async function addToken(context: CommandContext, token: string, options: { platform: string }) {
  if (options.platform !== 'ios' && options.platform !== 'android') {
    throw usageError(`--platform must be ios or android, got "${options.platform}".`)
  }
  const { client } = await context.session()
  context.print(
    await callEndpoint(client, {
      method: 'POST',
      pattern: '/tokens',
      params: {},
      input: { data: { token, platform: options.platform } },
    }),
  )
}

/** `maxcli tokens delete TOKEN` */
export async function deleteToken(context: CommandContext, token: string) {
  const { client } = await context.session()
  await callEndpoint(client, { method: 'DELETE', pattern: '/tokens/{token}', params: { token } })
  context.note('Deleted the device token.')
}

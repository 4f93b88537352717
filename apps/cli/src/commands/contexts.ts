import { callEndpoint } from '../call.js'
import type { CommandContext } from '../context.js'
import { usageError } from '../errors.js'
import { columns, listItems, parseLimit } from '../listing.js'
import { operations } from '../operations.js'

const PERMISSIONS = new Set(['read', 'write', 'subscribe', 'invite', 'unsubscribe', 'delete', 'flag'])

/** Parses `--permission read=subscribed` options into MAX's permissions object. */
export function parsePermissions(entries: string[] | undefined): Record<string, string> | undefined {
  if (!entries || entries.length === 0) return undefined
  const permissions: Record<string, string> = {}
  for (const entry of entries) {
    const [name, value] = entry.split('=', 2)
    if (!name || !value || !PERMISSIONS.has(name)) {
      throw usageError(
        `--permission expects name=value with name one of ${[...PERMISSIONS].join(', ')} (e.g. read=subscribed), got "${entry}".`,
      )
    }
    permissions[name] = value
  }
  return permissions
}

const splitTags = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '')

/** `maxcli contexts add URL [--display-name N] [--tags a,b] [--permission read=public]...` */
export async function add(
  context: CommandContext,
  url: string,
  options: { displayName?: string; tags?: string; permission?: string[] },
) {
  const { client } = await context.session()
  const call = operations['context.add'].build({
    url,
    ...(options.displayName !== undefined ? { displayName: options.displayName } : {}),
    ...(options.tags !== undefined ? { tags: splitTags(options.tags) } : {}),
  })
  const permissions = parsePermissions(options.permission)
  if (permissions) call.input = { ...call.input, permissions }
  context.print(await callEndpoint(client, call))
}

/** `maxcli contexts get CONTEXT` */
export async function get(context: CommandContext, target: string) {
  const { client } = await context.session()
  context.print(
    await callEndpoint(client, { method: 'GET', pattern: '/contexts/{hash}', params: { hash: target } }),
  )
}

/** `maxcli contexts list [--tags a,b]` */
export async function list(context: CommandContext, options: { tags?: string; limit?: string }) {
  const { client } = await context.session()
  const qs: Record<string, unknown> = {}
  if (options.tags !== undefined) qs.tags = splitTags(options.tags)
  const items = await listItems(
    client,
    { method: 'GET', pattern: '/contexts', params: {}, input: { qs } },
    parseLimit(options.limit, 100),
  )
  context.print(items, columns.context)
}

/** `maxcli contexts modify CONTEXT [--display-name N] [--tags a,b]` */
export async function modify(
  context: CommandContext,
  target: string,
  options: { displayName?: string; tags?: string },
) {
  if (options.displayName === undefined && options.tags === undefined) {
    throw usageError('contexts modify needs --display-name and/or --tags.')
  }
  const { client } = await context.session()
  const values: Record<string, string | string[]> = { context: target }
  if (options.displayName !== undefined) values.displayName = options.displayName
  if (options.tags !== undefined) values.tags = splitTags(options.tags)
  context.print(await callEndpoint(client, operations['context.modify'].build(values)))
}

/** `maxcli contexts delete CONTEXT` */
export async function remove(context: CommandContext, target: string) {
  const { client } = await context.session()
  await callEndpoint(client, operations['context.delete'].build({ context: target }))
  context.note(`Deleted context ${target}.`)
}

/** `maxcli contexts subscribers CONTEXT` */
export async function subscribers(context: CommandContext, target: string, options: { limit?: string }) {
  const { client } = await context.session()
  const items = await listItems(
    client,
    { method: 'GET', pattern: '/contexts/{hash}/subscriptions', params: { hash: target } },
    parseLimit(options.limit, 100),
  )
  context.print(items, columns.subscriber)
}

/** `maxcli contexts tags CONTEXT [--add a,b | --remove tag]` */
export async function tags(
  context: CommandContext,
  target: string,
  options: { add?: string; remove?: string },
) {
  if (options.add !== undefined && options.remove !== undefined) {
    throw usageError('contexts tags takes --add or --remove, not both.')
  }
  const { client } = await context.session()
  const params = { hash: target }
  let result: unknown
  if (options.add !== undefined) {
    result = await callEndpoint(client, {
      method: 'PUT',
      pattern: '/contexts/{hash}/tags',
      params,
      input: { data: splitTags(options.add) },
    })
  } else if (options.remove !== undefined) {
    result = await callEndpoint(client, {
      method: 'DELETE',
      pattern: '/contexts/{hash}/tags/{tag}',
      params: { ...params, tag: options.remove },
    })
  }
  if (result === undefined || result === null || result === '') {
    result = await callEndpoint(client, { method: 'GET', pattern: '/contexts/{hash}/tags', params })
  }
  context.print(result)
}

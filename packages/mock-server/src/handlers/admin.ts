import { type Ctx, empty, type Handler, isManager, json, requirePermission } from '../context.js'
import { notFound, validationError } from '../errors.js'
import { infoApi } from '../info-api.js'
import { ROLES, type RoleName } from '../store.js'

/** The MAX version this mock answers as. */
export const EMULATED_MAX_VERSION = '5.3.27'

/** What GET /info answers; `max.oauth_server` points at this server's OAuth prefix. */
export function serverInfo(ctx: Ctx): Record<string, unknown> {
  return {
    'max.oauth_server': ctx.server.oauthUrl,
    'max.server_id': ctx.server.serverId,
    version: EMULATED_MAX_VERSION,
  }
}

const info: Handler = (ctx) => json(200, serverInfo(ctx))

const api: Handler = (ctx) => json(200, infoApi(Boolean(ctx.query.get('by_category'))))

const settings: Handler = (ctx) => {
  requirePermission(ctx, isManager(ctx))
  return json(200, {
    ...serverInfo(ctx),
    'max.oauth_check_endpoint': `${ctx.server.oauthUrl}/checktoken`,
    'max.oauth_passtrough': false,
    'max.debug_api': false,
  })
}

function requireManager(ctx: Ctx): void {
  requirePermission(ctx, isManager(ctx))
}

const security: Handler = (ctx) => {
  requireManager(ctx)
  const { store } = ctx
  return json(200, {
    id: store.securityId,
    roles: { Manager: [...store.roles.Manager], NonVisible: [...store.roles.NonVisible] },
  })
}

function pathRole(ctx: Ctx): RoleName {
  const role = ctx.params.role ?? ''
  if (!(ROLES as readonly string[]).includes(role))
    throw validationError(`Role "${role}" does not exist: use ${ROLES.join(' or ')}`)
  return role as RoleName
}

const pathUser = (ctx: Ctx) => (ctx.params.user ?? '').toLowerCase()

const hasRole: Handler = (ctx) => {
  requireManager(ctx)
  const role = pathRole(ctx)
  const user = pathUser(ctx)
  if (!ctx.store.roles[role].has(user)) throw notFound(`User ${user} has not the role ${role}`)
  return json(200, { roles: ROLES.filter((r) => ctx.store.roles[r].has(user)) })
}

const grantRole: Handler = (ctx) => {
  requireManager(ctx)
  const role = pathRole(ctx)
  const user = pathUser(ctx)
  const holders = ctx.store.roles[role]
  const status = holders.has(user) ? 200 : 201
  holders.add(user)
  return json(status, [...holders])
}

const revokeRole: Handler = (ctx) => {
  requireManager(ctx)
  const role = pathRole(ctx)
  const user = pathUser(ctx)
  if (!ctx.store.roles[role].delete(user)) throw notFound(`User ${user} has not the role ${role}`)
  return empty()
}

const securityUsers: Handler = (ctx) => {
  requireManager(ctx)
  const users = new Set(ROLES.flatMap((r) => [...ctx.store.roles[r]]))
  return json(
    200,
    [...users].sort().map((username) => ({
      username,
      roles: ROLES.map((name) => ({ name, active: ctx.store.roles[name].has(username) })),
    })),
  )
}

/** Maintenance tasks repair a database the mock cannot corrupt: they only check the caller. */
const maintenance: Handler = (ctx) => {
  requireManager(ctx)
  return json(200, [])
}

const listExceptions: Handler = (ctx) => {
  requireManager(ctx)
  const entries = [...ctx.store.exceptions.values()].sort((a, b) => (a.date < b.date ? 1 : -1))
  return json(
    200,
    entries.map((e) => ({ id: e.id, date: e.date })),
  )
}

function pathException(ctx: Ctx) {
  const hash = ctx.params.hash ?? ''
  const entry = ctx.store.exceptions.get(hash)
  if (!entry) throw notFound(`There is no logged exception with id ${hash}`)
  return entry
}

const getException: Handler = (ctx) => {
  requireManager(ctx)
  const { date, request, traceback } = pathException(ctx)
  return json(200, { date, request, traceback })
}

const deleteException: Handler = (ctx) => {
  requireManager(ctx)
  ctx.store.exceptions.delete(pathException(ctx).id)
  return empty()
}

export const adminHandlers: Record<string, Handler> = {
  'GET /info': info,
  'GET /info/api': api,
  'GET /info/settings': settings,
  'GET /admin/security': security,
  'GET /admin/security/roles/{role}/users/{user}': hasRole,
  'POST /admin/security/roles/{role}/users/{user}': grantRole,
  'DELETE /admin/security/roles/{role}/users/{user}': revokeRole,
  'GET /admin/security/users': securityUsers,
  'POST /admin/maintenance/keywords': maintenance,
  'POST /admin/maintenance/dates': maintenance,
  'POST /admin/maintenance/subscriptions': maintenance,
  'POST /admin/maintenance/conversations': maintenance,
  'POST /admin/maintenance/users': maintenance,
  'POST /admin/maintenance/tokens': maintenance,
  'GET /admin/maintenance/exceptions': listExceptions,
  'GET /admin/maintenance/exceptions/{hash}': getException,
  'DELETE /admin/maintenance/exceptions/{hash}': deleteException,
}

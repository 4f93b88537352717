import type { MaxCore } from '@maxclient/core'
import type { ContextPermission, PermissionPolicy } from '@maxclient/resources'
import { fields, OPTION_KEYS, options, text, withFields } from '../arguments.js'
import { send } from '../call.js'
import type { RpcReturn } from '../result.js'
import type { BodyOptions } from '../types.js'

/**
 * Creates a context (`POST /contexts`); 201 new, 200 when its URL already exists.
 * @param permissions - e.g. `{ read: 'public', write: 'subscribed' }`; left out of the body when absent.
 * @param contextType - the context `objectType`.
 */
export function addContext(
  this: MaxCore,
  url: string,
  displayName: string,
  permissions?: Partial<Record<ContextPermission, PermissionPolicy>>,
  contextType = 'context',
  opts?: BodyOptions,
): RpcReturn<'addContext'> {
  const method = 'addContext'
  const o = options(method, opts, OPTION_KEYS.body)
  const body: Record<string, unknown> = {
    url: text(method, 'url', url),
    objectType: text(method, 'contextType', contextType),
    displayName: text(method, 'displayName', displayName),
  }
  if (permissions !== undefined && permissions !== null)
    body.permissions = fields(method, 'permissions', permissions)
  return send(this, method, {
    body: withFields(method, body, o.fields),
    options: o,
  }) as RpcReturn<'addContext'>
}

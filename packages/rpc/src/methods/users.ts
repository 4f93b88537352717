import { type MaxCore, UsageError } from '@maxclient/core'
import type { UploadInput } from '@maxclient/resources'
import { fields, flag, OPTION_KEYS, options, text, withFields } from '../arguments.js'
import { send } from '../call.js'
import type { RpcReturn } from '../result.js'
import type { AddUserOptions, CallOptions, UserProperties } from '../types.js'

/**
 * Creates a user (`POST /people`); answers 201, or 200 with the user that already existed.
 * @param properties - profile fields such as `{ displayName }`.
 */
export function addUser(
  this: MaxCore,
  username: string,
  properties?: UserProperties,
  opts?: AddUserOptions,
): RpcReturn<'addUser'> {
  const o = options('addUser', opts, [...OPTION_KEYS.body, 'notifications'])
  const name = text('addUser', 'username', username)
  const props = properties === undefined ? {} : fields('addUser', 'properties', properties)
  if (props.username !== undefined && props.username !== name) {
    throw new UsageError(
      `addUser(): properties.username ${JSON.stringify(props.username)} differs from the username argument "${name}"; give it once`,
    )
  }
  const body = { ...props, username: name }
  const notifications =
    o.notifications === undefined ? undefined : flag('addUser', 'notifications', o.notifications)
  return send(this, 'addUser', {
    body: withFields('addUser', body, o.fields),
    qs: notifications === undefined ? undefined : { notifications },
    options: o,
  }) as RpcReturn<'addUser'>
}

/**
 * Uploads the avatar of a user (`POST /people/{username}/avatar`, multipart). The file name is the
 * caller's (a `File`'s name, or `{ data, name }`).
 */
export function postAvatar(
  this: MaxCore,
  username: string,
  image: UploadInput,
  opts?: CallOptions,
): RpcReturn<'postAvatar'> {
  const o = options('postAvatar', opts, OPTION_KEYS.call)
  if (image === undefined || image === null) {
    throw new UsageError('postAvatar(): image must be a Blob/File, bytes, a stream or { data, name, type }')
  }
  // The catalog gives this route the file-only form: MAX reads the first form field as the image.
  return send(this, 'postAvatar', {
    params: { username: text('postAvatar', 'username', username) },
    file: image,
    options: o,
  }) as RpcReturn<'postAvatar'>
}

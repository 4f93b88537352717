import type { MaxCore } from '@maxclient/core'
import { DEVICE_PLATFORMS } from '@maxclient/resources'
import { OPTION_KEYS, oneOf, optionalText, options, text, withFields } from '../arguments.js'
import { send } from '../call.js'
import type { RpcReturn } from '../result.js'
import type { AddTokenOptions } from '../types.js'

/** Registers a push device token for the actor (`POST /tokens`); `platform` is `ios` or `android`. */
export function addToken(
  this: MaxCore,
  token: string,
  platform: 'ios' | 'android',
  opts?: AddTokenOptions,
): RpcReturn<'addToken'> {
  const o = options('addToken', opts, [...OPTION_KEYS.body, 'device', 'username'])
  const body: Record<string, unknown> = {
    token: text('addToken', 'token', token),
    platform: oneOf('addToken', 'platform', platform, DEVICE_PLATFORMS),
  }
  const device = optionalText('addToken', 'device', o.device)
  const owner = optionalText('addToken', 'username', o.username)
  if (device !== undefined) body.device = device
  if (owner !== undefined) body.username = owner
  return send(this, 'addToken', {
    body: withFields('addToken', body, o.fields),
    options: o,
  }) as RpcReturn<'addToken'>
}

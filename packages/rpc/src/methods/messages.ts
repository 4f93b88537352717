import type { MaxCore } from '@maxclient/core'
import { OPTION_KEYS, optionalText, options, text, textList, withFields } from '../arguments.js'
import { send } from '../call.js'
import type { RpcReturn } from '../result.js'
import type { ConversationOptions, MessageOptions } from '../types.js'
import { activityObject, messageBody } from './body.js'

const MESSAGE = [...OPTION_KEYS.post, 'otype', 'mobile']

/**
 * Starts a conversation with its first message (`POST /conversations`). More than two
 * participants make a group; `options.displayName` names it.
 */
export function addConversation(
  this: MaxCore,
  participants: readonly string[],
  content: string,
  opts?: ConversationOptions,
): RpcReturn<'addConversation'> {
  const method = 'addConversation'
  const o = options(method, opts, [...OPTION_KEYS.post, 'displayName', 'otype'])
  const conversation: Record<string, unknown> = {
    objectType: 'conversation',
    participants: [...textList(method, 'participants', participants)],
  }
  const displayName = optionalText(method, 'displayName', o.displayName)
  if (displayName !== undefined) conversation.displayName = displayName
  const body = {
    contexts: [conversation],
    object: activityObject(method, content, o.otype ?? 'note', o.file),
  }
  return send(this, method, {
    body: withFields(method, body, o.fields),
    file: o.file,
    options: o,
  }) as RpcReturn<'addConversation'>
}

/** Posts a message in a conversation (`POST /conversations/{id}/messages`). */
export function addMessage(
  this: MaxCore,
  id: string,
  content: string,
  opts?: MessageOptions,
): RpcReturn<'addMessage'> {
  const o = options('addMessage', opts, MESSAGE)
  const params = { id: text('addMessage', 'id', id) }
  return send(this, 'addMessage', message('addMessage', params, content, o)) as RpcReturn<'addMessage'>
}

/** Posts a message in a conversation on behalf of `username`. */
export function addUserMessage(
  this: MaxCore,
  username: string,
  id: string,
  content: string,
  opts?: MessageOptions,
): RpcReturn<'addUserMessage'> {
  const o = options('addUserMessage', opts, MESSAGE)
  const params = {
    username: text('addUserMessage', 'username', username),
    id: text('addUserMessage', 'id', id),
  }
  return send(
    this,
    'addUserMessage',
    message('addUserMessage', params, content, o),
  ) as RpcReturn<'addUserMessage'>
}

function message(method: string, params: Record<string, string>, content: string, o: MessageOptions) {
  return {
    params,
    body: withFields(method, messageBody(method, content, o), o.fields),
    file: o.file,
    options: o,
  }
}

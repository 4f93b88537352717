import { type MaxCore, UsageError } from '@maxclient/core'
import { OPTION_KEYS, optionalText, options, text, withFields } from '../arguments.js'
import { send, userOrActor } from '../call.js'
import type { RpcReturn } from '../result.js'
import type { BodyOptions, PostOptions } from '../types.js'
import { activityObject } from './body.js'

/**
 * Posts an activity (`POST /people/{username}/activities`) as `username` (default the actor). With
 * one context URL in `contexts` it is posted in that context (`POST /contexts/{hash}/activities`,
 * the route the server rewrites the old form to). `otype` `image` or `file` needs `options.file`.
 */
export function addActivity(
  this: MaxCore,
  content: string,
  otype = 'note',
  contexts: readonly string[] = [],
  generator?: string,
  username?: string,
  opts?: PostOptions,
): RpcReturn<'addActivity'> {
  const method = 'addActivity'
  const o = options(method, opts, OPTION_KEYS.post)
  const body: Record<string, unknown> = { object: activityObject(method, content, otype, o.file) }
  const gen = optionalText(method, 'generator', generator)
  if (gen !== undefined) body.generator = gen
  const actor = userOrActor(this, method, username)
  if (!Array.isArray(contexts)) {
    throw new UsageError(`${method}(): 'contexts' must be an array of context URLs, got ${typeof contexts}`)
  }
  if (contexts.length > 1) {
    throw new UsageError(
      `${method}(): MAX posts an activity in one context at a time, got ${contexts.length}; call addActivity once per context`,
    )
  }
  const inContext = contexts.length === 1
  if (inContext) body.actor = { objectType: 'person', username: actor }
  // In a context: the route of addActivityAsContext, posting as the person.
  return send(this, inContext ? 'addActivityAsContext' : method, {
    params: inContext ? { hash: text(method, 'contexts[0]', contexts[0]) } : { username: actor },
    body: withFields(method, body, o.fields),
    file: o.file,
    options: o,
  }) as RpcReturn<'addActivity'>
}

/**
 * Posts an activity in a context as the context itself (`POST /contexts/{hash}/activities` with
 * actor `{ objectType: 'context', url }`). `url` is the context URL.
 */
export function addActivityAsContext(
  this: MaxCore,
  content: string,
  url: string,
  otype = 'note',
  generator?: string,
  opts?: PostOptions,
): RpcReturn<'addActivityAsContext'> {
  const method = 'addActivityAsContext'
  const o = options(method, opts, OPTION_KEYS.post)
  const contextUrl = text(method, 'url', url)
  const body: Record<string, unknown> = {
    object: activityObject(method, content, otype, o.file),
    actor: { objectType: 'context', url: contextUrl },
  }
  const gen = optionalText(method, 'generator', generator)
  if (gen !== undefined) body.generator = gen
  return send(this, method, {
    params: { hash: contextUrl },
    body: withFields(method, body, o.fields),
    file: o.file,
    options: o,
  }) as RpcReturn<'addActivityAsContext'>
}

/** Comments on an activity (`POST /activities/{activity}/comments`). */
export function addComment(
  this: MaxCore,
  content: string,
  activity: string,
  otype = 'comment',
  opts?: BodyOptions,
): RpcReturn<'addComment'> {
  const o = options('addComment', opts, OPTION_KEYS.body)
  const body = {
    object: {
      objectType: text('addComment', 'otype', otype),
      content: text('addComment', 'content', content),
    },
  }
  return send(this, 'addComment', {
    params: { activity: text('addComment', 'activity', activity) },
    body: withFields('addComment', body, o.fields),
    options: o,
  }) as RpcReturn<'addComment'>
}

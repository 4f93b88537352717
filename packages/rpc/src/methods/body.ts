import { UsageError } from '@maxclient/core'
import { flag, text } from '../arguments.js'
import type { MessageOptions } from '../types.js'

/** `{ objectType, content }` of a post; a file goes only with `image`/`file` objects. */
export function activityObject(
  method: string,
  content: string,
  otype: string,
  file: unknown,
): Record<string, unknown> {
  const objectType = text(method, 'otype', otype)
  if (file !== undefined && objectType !== 'image' && objectType !== 'file') {
    throw new UsageError(
      `${method}(): a file is only sent with objectType 'image' or 'file', got '${objectType}'; pass otype 'image' or 'file'`,
    )
  }
  if ((objectType === 'image' || objectType === 'file') && file === undefined) {
    throw new UsageError(`${method}(): objectType '${objectType}' needs the file: pass it as options.file`)
  }
  // Image and file posts may go without text; notes need it.
  const object: Record<string, unknown> = { objectType }
  if (file !== undefined && (content === undefined || content === '')) return object
  object.content = text(method, 'content', content)
  return object
}

/** The body of a message: its object, with `mobile` when asked. */
export function messageBody(method: string, content: string, o: MessageOptions): Record<string, unknown> {
  const object = activityObject(method, content, o.otype ?? 'note', o.file)
  if (o.mobile !== undefined) object.mobile = flag(method, 'mobile', o.mobile)
  return { object }
}

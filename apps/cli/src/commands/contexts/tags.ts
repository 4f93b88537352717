import { arg, defineCommand, flag } from '../../define.js'
import { usageError } from '../../errors.js'
import { splitTags } from './tags-text.js'

export default defineCommand({
  summary: 'show tags, or change them with --add/--remove',
  args: { context: arg.required('URL or hash') },
  flags: {
    add: flag.string('comma-separated tags to add', { value: 'list' }),
    remove: flag.string('a tag to remove', { value: 'tag' }),
  },
  examples: ['maxcli contexts tags https://example.com/team --add news,staff'],
  effect: 'change',
  async run(context, options) {
    if (options.add !== undefined && options.remove !== undefined) {
      throw usageError('contexts tags takes --add or --remove, not both.')
    }
    const params = { hash: options.context }
    let result: unknown
    if (options.add !== undefined) {
      const call = {
        method: 'PUT' as const,
        pattern: '/contexts/{hash}/tags',
        params,
        input: { data: splitTags(options.add) },
      }
      result = await context.send(call, options)
    } else if (options.remove !== undefined) {
      const call = {
        method: 'DELETE' as const,
        pattern: '/contexts/{hash}/tags/{tag}',
        params: { ...params, tag: options.remove },
      }
      result = await context.send(call, options)
    }
    if (options.dryRun) return
    if (result === undefined || result === null || result === '') {
      const { callEndpoint } = await import('../../call.js')
      const { client } = await context.session()
      result = await callEndpoint(client, { method: 'GET', pattern: '/contexts/{hash}/tags', params })
    }
    await context.print(result)
  },
})

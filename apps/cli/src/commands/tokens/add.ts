import { arg, defineCommand, flag } from '../../define.js'
import { usageError } from '../../errors.js'
import { columns } from '../../listing.js'

export default defineCommand({
  summary: 'register a push device token',
  args: { token: arg.required() },
  flags: { platform: flag.required('ios or android', { value: 'name' }) },
  examples: ['maxcli tokens add 0123abcd... --platform ios'],
  effect: 'change',
  async run(context, options) {
    if (options.platform !== 'ios' && options.platform !== 'android') {
      throw usageError(`--platform must be ios or android, got "${options.platform}".`)
    }
    const call = {
      method: 'POST' as const,
      pattern: '/tokens',
      params: {},
      input: { data: { token: options.token, platform: options.platform } },
    }
    await context.print(await context.send(call, options), {
      columns: columns.token,
      summary: () => `Registered the ${options.platform} device token`,
    })
  },
})

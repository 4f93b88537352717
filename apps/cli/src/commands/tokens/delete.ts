import { arg, defineCommand } from '../../define.js'

export default defineCommand({
  summary: 'remove a push device token',
  args: { token: arg.required() },
  examples: ['maxcli tokens delete 0123abcd...'],
  effect: 'destroy',
  async run(context, options) {
    await context.send(
      { method: 'DELETE', pattern: '/tokens/{token}', params: { token: options.token } },
      options,
      'Remove this device token?',
    )
    if (!options.dryRun) context.note('Deleted the device token.')
  },
})

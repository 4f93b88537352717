import { arg, defineCommand } from '../../define.js'

export default defineCommand({
  summary: 'show a context',
  args: { context: arg.required('URL or hash') },
  examples: ['maxcli contexts get https://example.com/team'],
  async run(context, options) {
    const { callEndpoint } = await import('../../call.js')
    const { client } = await context.session()
    await context.print(
      await callEndpoint(client, {
        method: 'GET',
        pattern: '/contexts/{hash}',
        params: { hash: options.context },
      }),
    )
  },
})

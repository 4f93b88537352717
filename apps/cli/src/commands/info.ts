import { MaxCore } from '@maxclient/core'
import { defineCommand } from '../define.js'
import { usageError } from '../errors.js'
import { clientOptions, resolveTarget } from '../session.js'

export default defineCommand({
  summary: "show the server's /info (no login needed)",
  examples: ['maxcli info -s https://max.example.com'],
  async run(context) {
    const options = await clientOptions(context.globals, context.io.stderr)
    const { target, reason } = await resolveTarget(context.globals, context.io.env, context.store, options)
    if (!target) throw usageError(reason ?? 'No server given: pass --server URL.')
    await context.print(await new MaxCore(target.server, options).serverInfo())
  },
})

import { defineCommand } from '../../define.js'
import { columns } from '../../listing.js'

export default defineCommand({
  summary: 'list security roles and their users',
  examples: ['maxcli roles list'],
  async run(context) {
    const { callEndpoint } = await import('../../call.js')
    const { client } = await context.session()
    const security = (await callEndpoint(client, {
      method: 'GET',
      pattern: '/admin/security',
      params: {},
    })) as {
      roles?: Record<string, string[]>
    } | null
    const roles = security?.roles ?? {}
    await context.print(
      Object.keys(roles).map((role) => ({ role, users: roles[role] ?? [] })),
      { columns: columns.role },
    )
  },
})

import { defineCommand } from '../../define.js'

export default defineCommand({
  summary: 'list stored logins (tokens are never shown)',
  examples: ['maxcli profiles', 'maxcli auth switch NAME'],
  async run(context) {
    const store = await context.store()
    const rows = store.list().map(({ name, profile, current }) => ({
      current: current ? '*' : '',
      name,
      server: profile.server,
      username: profile.username,
      storedIn: profile.tokenIn === 'keyring' ? 'keyring' : 'file',
      savedAt: profile.savedAt ?? null,
    }))
    if (rows.length === 0 && !context.json) {
      context.note('No stored logins: run "maxcli login".')
      return
    }
    await context.print(rows, { columns: ['current', 'name', 'server', 'username', 'storedIn', 'savedAt'] })
  },
})

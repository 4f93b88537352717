import { defineCommand, flag } from '../../define.js'
import { usageError } from '../../errors.js'
import { resolveTarget } from '../../session.js'

export default defineCommand({
  summary: 'forget the stored token of the current (or --profile) login',
  flags: { all: flag.boolean('forget every stored login') },
  examples: ['maxcli logout', 'maxcli logout --profile admin@max.example.com', 'maxcli logout --all'],
  async run(context, options) {
    const store = await context.store()
    if (options.all) {
      const names = store.list().map(({ name }) => name)
      for (const name of names) store.remove(name)
      context.note(names.length ? `Removed ${names.length} stored login(s).` : 'No stored logins.')
      return
    }
    let name = context.globals.profile
    if (!name) {
      const { target } = await resolveTarget(
        context.globals,
        { ...context.io.env, MAX_TOKEN: '' },
        context.store,
      )
      name = target?.profileName ?? store.current()?.name
    }
    if (!name || !store.remove(name)) throw usageError('Not logged in: there is no stored login to remove.')
    context.note(`Removed the stored login "${name}".`)
  },
})

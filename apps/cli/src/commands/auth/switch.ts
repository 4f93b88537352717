import { arg, defineCommand } from '../../define.js'

export default defineCommand({
  summary: 'make a stored login the current one',
  args: { profile: arg.required('a name from "maxcli profiles"') },
  examples: ['maxcli auth switch admin@max.example.com'],
  async run(context, options) {
    const store = await context.store()
    const previous = store.current()?.name
    store.use(options.profile)
    context.note(
      previous === options.profile
        ? `"${options.profile}" was already the current profile.`
        : `Switched the current profile${previous ? ` from "${previous}"` : ''} to "${options.profile}".`,
    )
  },
})

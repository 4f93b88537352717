import { arg, defineCommand } from '../../define.js'
import { operations } from '../../operations.js'

const args = { role: arg.required('e.g. Manager'), username: arg.required() }

export const grant = defineCommand({
  summary: 'grant a security role to a user',
  args,
  examples: ['maxcli roles grant Manager alice'],
  effect: 'change',
  async run(context, options) {
    await context.send(
      operations['role.grant'].build({ role: options.role, username: options.username }),
      options,
    )
    if (!options.dryRun) context.note(`Granted ${options.role} to ${options.username}.`)
  },
})

export const revoke = defineCommand({
  summary: 'revoke a security role from a user',
  args,
  examples: ['maxcli roles revoke Manager alice'],
  effect: 'destroy',
  async run(context, options) {
    await context.send(
      operations['role.revoke'].build({ role: options.role, username: options.username }),
      options,
      `Revoke ${options.role} from ${options.username}?`,
    )
    if (!options.dryRun) context.note(`Revoked ${options.role} from ${options.username}.`)
  },
})

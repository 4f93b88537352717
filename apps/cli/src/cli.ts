/**
 * The CLI's shared runtime, built into one CommonJS file (`dist/cli.cjs`) that `bin/maxcli.js`
 * requires: the parser and program, context, session, output and the bundled clients. Each command
 * module is built into a file of its own that takes everything listed here from this one (see
 * tsup.config.ts), so a run loads two files of CommonJS and never starts Node's ES module loader,
 * which would cost more than the request a one-shot command sends.
 */
export * from '@maxclient/core'
export * from '@maxclient/resources'
export * from './call.js'
export * from './command.js'
export * from './config.js'
export * from './context.js'
export * from './define.js'
export * from './dry-run.js'
export * from './errors.js'
export * from './fields.js'
export * from './globals.js'
export * from './jq.js'
export * from './keyring.js'
export * from './listing.js'
export * from './main.js'
export * from './operations.js'
export * from './output.js'
export * from './prompt.js'
export * from './secrets.js'
export * from './session.js'
export * from './style.js'
export * from './suggest.js'
export * from './version.js'

import type { MaxCore } from '@maxclient/core'
import { BadCredentialsError, MaxCore as Core } from '@maxclient/core'
import { defaultProfileName } from '../../config.js'
import type { CommandContext } from '../../context.js'
import { defineCommand, flag } from '../../define.js'
import { authError } from '../../errors.js'
import { readLine } from '../../prompt.js'
import { rememberSecret } from '../../secrets.js'
import { checkServerUrl, clientOptions, resolveTarget } from '../../session.js'

const MAX_ATTEMPTS = 3

/**
 * Asks for what is missing and logs in; on bad credentials asks again (keeping the username after a
 * wrong non-empty password, asking for it again after an empty one), at most three times.
 */
export async function interactiveLogin(
  context: CommandContext,
  client: MaxCore,
  known: { username?: string | undefined },
): Promise<{ username: string; token: string }> {
  const { prompter } = context
  let username = known.username
  for (let attempt = 1; ; attempt++) {
    while (!username) username = await prompter.ask('Username: ')
    const password = await prompter.askHidden(`Password for ${username}: `)
    if (password === '') {
      prompter.say('Empty password: enter the username again.')
      username = undefined
    } else {
      rememberSecret(password)
      try {
        return { username, token: await client.login(username, password) }
      } catch (error) {
        if (!(error instanceof BadCredentialsError)) throw error
        prompter.say(`Wrong username or password for ${username}.`)
      }
    }
    if (attempt >= MAX_ATTEMPTS) throw authError(`Login failed after ${MAX_ATTEMPTS} attempts.`)
  }
}

export default defineCommand({
  summary: 'log in and store the token (never the password) for this server and user',
  flags: { passwordStdin: flag.boolean('read the password from stdin (for scripts)') },
  examples: [
    'maxcli login -s https://max.example.com',
    'printf %s "$PASSWORD" | maxcli login -s https://max.example.com -u admin --password-stdin',
  ],
  notes:
    'The token goes to the system keyring when there is one, else to a file of mode 600 (MAXCLI_KEYRING=off forces the file).',
  async run(context, options) {
    const { globals, io, prompter } = context
    const clientOpts = await clientOptions(globals, io.stderr)
    // --profile names the profile to save, which need not exist yet.
    const { profile: _name, ...lookup } = globals
    const { MAX_PROFILE: _env, ...env } = io.env
    const { target } = await resolveTarget(lookup, env, context.store, clientOpts)
    let server = target?.server
    const username = globals.username ?? io.env.MAX_USERNAME ?? target?.username
    const canPrompt = prompter.interactive && !options.passwordStdin
    if (!canPrompt) {
      const missing: string[] = []
      if (!server) missing.push('--server (or MAX_SERVER)')
      if (!username) missing.push('--username (or MAX_USERNAME)')
      if (!options.passwordStdin) missing.push('the password (pipe it in with --password-stdin)')
      if (missing.length > 0) {
        throw authError(
          `Cannot prompt: stdin is not a terminal. Missing ${missing.join(', ')}; or skip login by setting MAX_TOKEN and MAX_USERNAME.`,
        )
      }
    }
    while (!server) server = checkServerUrl(await prompter.ask('MAX server URL: '), 'the server URL')
    if (target?.oauthServer) clientOpts.oauthServer = target.oauthServer
    const client = new Core(server, clientOpts)
    let result: { username: string; token: string }
    if (options.passwordStdin) {
      // On a terminal, --password-stdin still must not echo what is typed.
      const password = io.stdin.isTTY ? await prompter.askHidden('Password: ') : await readLine(io.stdin)
      if (password === '') throw authError('--password-stdin read an empty password.')
      rememberSecret(password)
      try {
        result = { username: username!, token: await client.login(username!, password) }
      } catch (error) {
        if (error instanceof BadCredentialsError) throw authError(error.message)
        throw error
      }
    } else {
      result = await interactiveLogin(context, client, { username })
    }
    rememberSecret(result.token)
    const store = await context.store()
    const tightened = store.secureDir()
    if (tightened) context.note(tightened)
    const name = globals.profile ?? io.env.MAX_PROFILE ?? defaultProfileName(server, result.username)
    const profile: Parameters<typeof store.save>[1] = {
      server,
      username: result.username,
      token: result.token,
      savedAt: new Date().toISOString(),
    }
    if (target?.oauthServer) profile.oauthServer = target.oauthServer
    const { storedIn, previous } = store.save(name, profile)
    const where = storedIn === 'keyring' ? 'the system keyring' : store.file
    context.note(
      `${context.paint.err.green('✓')} Logged in to ${server} as ${result.username}; token saved in ${where}.`,
    )
    context.note(
      previous && previous !== name
        ? `Switched the current profile from "${previous}" to "${name}" (back with: maxcli auth switch ${previous}).`
        : `Current profile: "${name}".`,
    )
  },
})

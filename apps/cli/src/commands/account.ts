import type { MaxCore } from '@maxclient/core'
import { BadCredentialsError, MaxCore as Core } from '@maxclient/core'
import { callEndpoint } from '../call.js'
import { defaultProfileName } from '../config.js'
import type { CommandContext } from '../context.js'
import { authError, usageError } from '../errors.js'
import { readLine } from '../prompt.js'
import { checkServerUrl, clientOptions, resolveTarget } from '../session.js'

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

/** `maxcli login` */
export async function login(context: CommandContext, options: { passwordStdin?: boolean }): Promise<void> {
  const { globals, io, store, prompter } = context
  const clientOpts = await clientOptions(globals, io.stderr)
  const { target } = await resolveTarget(globals, io.env, store, clientOpts)
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
    try {
      result = { username: username!, token: await client.login(username!, password) }
    } catch (error) {
      if (error instanceof BadCredentialsError) throw authError(error.message)
      throw error
    }
  } else {
    result = await interactiveLogin(context, client, { username })
  }
  const name = globals.profile ?? defaultProfileName(server, result.username)
  const profile: Parameters<typeof store.save>[1] = {
    server,
    username: result.username,
    token: result.token,
    savedAt: new Date().toISOString(),
  }
  if (target?.oauthServer) profile.oauthServer = target.oauthServer
  store.save(name, profile)
  context.note(
    `Logged in to ${server} as ${result.username}; token saved in profile "${name}" (${store.file}).`,
  )
}

/** `maxcli logout` */
export async function logout(context: CommandContext, options: { all?: boolean }): Promise<void> {
  const { store, globals } = context
  if (options.all) {
    const names = store.list().map(({ name }) => name)
    for (const name of names) store.remove(name)
    context.note(names.length ? `Removed ${names.length} stored login(s).` : 'No stored logins.')
    return
  }
  let name = globals.profile
  if (!name) {
    const { target } = await resolveTarget(globals, context.io.env, store)
    name = target?.profileName ?? store.current()?.name
  }
  if (!name || !store.remove(name)) throw usageError('Not logged in: there is no stored login to remove.')
  context.note(`Removed the stored login "${name}".`)
}

/** `maxcli whoami`: where and who, and whether the token still works. */
export async function whoami(context: CommandContext): Promise<void> {
  const { client, target } = await context.session()
  const person = (await callEndpoint(client, {
    method: 'GET',
    pattern: '/people/{username}',
    params: { username: target.username },
  })) as Record<string, unknown> | null
  context.print(
    {
      server: target.server,
      username: target.username,
      displayName: person?.displayName ?? null,
      profile: target.profileName ?? null,
      token: target.tokenSource === 'MAX_TOKEN' ? 'from MAX_TOKEN' : 'from the stored profile',
    },
    undefined,
  )
}

/** `maxcli profiles` (tokens are never shown). */
export async function profiles(context: CommandContext): Promise<void> {
  const rows = context.store.list().map(({ name, profile, current }) => ({
    current: current ? '*' : '',
    name,
    server: profile.server,
    username: profile.username,
    savedAt: profile.savedAt ?? null,
  }))
  if (rows.length === 0 && !context.json) {
    context.note('No stored logins: run "maxcli login".')
    return
  }
  context.print(rows, ['current', 'name', 'server', 'username', 'savedAt'])
}

/** `maxcli info`: public server information. */
export async function info(context: CommandContext): Promise<void> {
  const options = await clientOptions(context.globals, context.io.stderr)
  const { target, reason } = await resolveTarget(context.globals, context.io.env, context.store, options)
  if (!target) throw usageError(reason ?? 'No server given: pass --server URL.')
  const client = new Core(target.server, options)
  context.print(await client.serverInfo())
}

import {
  createNodeTransport,
  type MaxClientOptions,
  MaxCore,
  type MaxResponse,
  resolveHubDomain,
} from '@maxclient/core'
import type { Profile, ProfileStore } from './config.js'
import { authError, usageError } from './errors.js'
import type { GlobalOptions } from './globals.js'
import { rememberSecret } from './secrets.js'

export type { GlobalOptions }

/** Where the command talks to and as whom, before any network call. */
export interface Target {
  server: string
  username?: string
  token?: string
  oauthServer?: string
  /** The stored profile this came from, if any. */
  profileName?: string
  /** Where the token came from, for `whoami`. */
  tokenSource?: 'MAX_TOKEN' | 'profile'
  /** Where a stored token is kept, in words (for `auth status`). */
  tokenStorage?: string
}

/** Checks a server URL option: absolute http(s), no trailing slash kept. */
export function checkServerUrl(value: string, option: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw usageError(`${option} must be an absolute URL such as https://max.example.com, got "${value}".`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError(`${option} must use http or https, got "${url.protocol}".`)
  }
  return value.replace(/\/+$/, '')
}

/** Parses `--timeout` (seconds, decimals allowed) to milliseconds. */
export function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const seconds = Number(value)
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0) {
    throw usageError(`--timeout expects a positive number of seconds, got "${value}".`)
  }
  return Math.round(seconds * 1000)
}

/** Builds core client options from the global options: timeout, debug dumps to stderr, TLS opt-out. */
export async function clientOptions(
  globals: GlobalOptions,
  stderr: NodeJS.WritableStream = process.stderr,
): Promise<MaxClientOptions> {
  const options: MaxClientOptions = {}
  const timeout = parseTimeout(globals.timeout)
  if (timeout !== undefined) options.timeout = timeout
  if (globals.debug) options.debug = (line: string) => stderr.write(`${line}\n`)
  if (globals.insecure) {
    stderr.write(
      'warning: --insecure: TLS certificates are NOT verified; anyone on the network path could read your token.\n',
    )
    options.transport = createNodeTransport({ rejectUnauthorized: false })
  }
  return options
}

/**
 * Works out server, username and token from options, environment and stored profiles, in this
 * order: `--server`/`--domain` > `MAX_SERVER` > the selected profile; `MAX_TOKEN` (with a username)
 * > the stored token for that server and username > the current profile.
 */
export async function resolveTarget(
  globals: GlobalOptions,
  env: NodeJS.ProcessEnv,
  openStore: () => Promise<ProfileStore>,
  options: MaxClientOptions = {},
): Promise<{ target: Target | undefined; reason?: string }> {
  const profileName = globals.profile ?? env.MAX_PROFILE
  let server = globals.server ?? env.MAX_SERVER
  if (server !== undefined) server = checkServerUrl(server, globals.server ? '--server' : 'MAX_SERVER')
  const username = globals.username ?? env.MAX_USERNAME
  if (env.MAX_TOKEN && server !== undefined && username !== undefined && profileName === undefined) {
    // Everything comes from the environment (CI, one-shot calls): no config directory to read.
    const target: Target = { server, username, token: env.MAX_TOKEN, tokenSource: 'MAX_TOKEN' }
    const oauth = globals.oauthServer ?? env.MAX_OAUTH_SERVER
    if (oauth !== undefined) target.oauthServer = checkServerUrl(oauth, '--oauth-server')
    return { target }
  }
  const store = await openStore()
  let profile: Profile | undefined
  if (profileName !== undefined) {
    profile = store.get(profileName)
    if (!profile) {
      const known = store.list().map(({ name }) => name)
      throw usageError(
        `No profile named "${profileName}"${known.length ? `; known profiles: ${known.join(', ')}` : ': log in first with maxcli login'}.`,
      )
    }
  }
  if (server === undefined && globals.domain !== undefined) {
    const hub = globals.hub ?? env.MAX_HUB
    if (!hub) throw usageError('--domain needs a hub: pass --hub URL or set MAX_HUB.')
    const hubOptions: Parameters<typeof resolveHubDomain>[1] = { hub: checkServerUrl(hub, '--hub') }
    if (options.transport) hubOptions.transport = options.transport
    server = checkServerUrl(await resolveHubDomain(globals.domain, hubOptions), 'the hub answer')
  }
  let chosen = profileName
  if (!profile && profileName === undefined) {
    const current = store.current()
    const found =
      server !== undefined
        ? store.find(server, username)
        : username === undefined || current?.profile.username === username
          ? current
          : store.list().find((entry) => entry.profile.username === username)
    if (found && (username === undefined || found.profile.username === username)) {
      profile = found.profile
      chosen = found.name
    }
  }
  server ??= profile?.server
  if (server === undefined) {
    return {
      target: undefined,
      reason: 'No server given: pass --server URL (or set MAX_SERVER), or log in first.',
    }
  }
  const target: Target = { server }
  const user = username ?? profile?.username
  if (user !== undefined) target.username = user
  const oauth = globals.oauthServer ?? env.MAX_OAUTH_SERVER ?? profile?.oauthServer
  if (oauth !== undefined) target.oauthServer = checkServerUrl(oauth, '--oauth-server')
  if (env.MAX_TOKEN) {
    if (!target.username) {
      return { target, reason: 'MAX_TOKEN is set but no username: set MAX_USERNAME or pass --username.' }
    }
    target.token = env.MAX_TOKEN
    target.tokenSource = 'MAX_TOKEN'
  } else if (
    profile &&
    profile.server.replace(/\/+$/, '') === server &&
    profile.username === target.username
  ) {
    const token = chosen !== undefined ? store.tokenOf(chosen, profile) : profile.token
    if (token !== undefined) {
      target.token = token
      target.tokenSource = 'profile'
      target.tokenStorage = store.whereIs(profile)
    }
    if (chosen !== undefined) target.profileName = chosen
  }
  return { target }
}

/** What a command needs to reach MAX as the logged-in user. */
export interface Session {
  client: MaxCore
  target: Target & { username: string; token: string }
  options: MaxClientOptions
}

/**
 * An authenticated core client, or an auth error (exit code 3) saying how to log in. Nothing is
 * sent here: a wrong token shows up as a 401 on the first request.
 */
export async function openSession(
  globals: GlobalOptions,
  env: NodeJS.ProcessEnv,
  openStore: () => Promise<ProfileStore>,
  stderr: NodeJS.WritableStream = process.stderr,
  onResponse?: (response: MaxResponse) => void,
): Promise<Session> {
  const options = await clientOptions(globals, stderr)
  if (onResponse) {
    options.hooks = {
      afterResponse: (response) => {
        onResponse(response)
        return undefined
      },
    }
  }
  const { target, reason } = await resolveTarget(globals, env, openStore, options)
  if (!target || reason) throw authError(reason!)
  if (!target.token || !target.username) {
    const who = target.username ? `${target.username} on ${target.server}` : `on ${target.server}`
    throw authError(
      `Not logged in ${who}: run "maxcli login${target.username ? '' : ' -u USERNAME'}" or set MAX_TOKEN and MAX_USERNAME.`,
    )
  }
  if (target.oauthServer) options.oauthServer = target.oauthServer
  rememberSecret(target.token)
  const client = new MaxCore(target.server, options)
  client.setActor(target.username)
  client.setToken(target.token)
  return { client, target: target as Session['target'], options }
}

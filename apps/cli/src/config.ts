import {
  chmodSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import { isPlainObject } from '@maxclient/core'
import { usageError } from './errors.js'
import { type Keyring, systemKeyring } from './keyring.js'

/** One stored login: the token (never the password), in the file or in the system keyring. */
export interface Profile {
  server: string
  username: string
  /** The token, when it is stored in the file. */
  token?: string
  /** Set when the token lives in the operating system's keyring instead. */
  tokenIn?: 'keyring'

  oauthServer?: string
  /** ISO date of the login that produced the token. */
  savedAt?: string
}

interface ConfigFile {
  version: 1
  current?: string
  profiles: Record<string, Profile>
}

const FORBIDDEN_NAMES = new Set(['__proto__', 'prototype', 'constructor'])
const PROFILE_NAME = /^[A-Za-z0-9._@:+-]{1,200}$/

/**
 * The directory holding maxcli's files, by each platform's convention (env-paths): XDG config on
 * Linux (`$XDG_CONFIG_HOME/maxcli`, else `~/.config/maxcli`), `~/Library/Application Support/maxcli`
 * on macOS, `%APPDATA%\\maxcli\\Config` on Windows. `MAXCLI_CONFIG_DIR` overrides it.
 */
export async function configDir(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.MAXCLI_CONFIG_DIR) return env.MAXCLI_CONFIG_DIR
  const { default: envPaths } = await import('env-paths')
  const paths = envPaths('maxcli', { suffix: '' })
  return process.platform === 'darwin' ? paths.data : paths.config
}

/** The profile store of this environment, with the system keyring unless `MAXCLI_KEYRING=off`. */
export async function openProfileStore(env: NodeJS.ProcessEnv = process.env): Promise<ProfileStore> {
  return new ProfileStore(await configDir(env), env.MAXCLI_KEYRING === 'off' ? undefined : systemKeyring())
}

/** The default profile name for a login: `username@host[:port]`. */
export function defaultProfileName(server: string, username: string): string {
  let host = server
  try {
    host = new URL(server).host
  } catch {
    // keep the raw server text: the URL is validated elsewhere
  }
  return `${username}@${host}`
}

/** Checks a user-supplied profile name; names become object keys, so prototype names are refused. */
export function checkProfileName(name: string): string {
  if (!PROFILE_NAME.test(name) || FORBIDDEN_NAMES.has(name)) {
    throw usageError(
      `Invalid profile name "${name}": use 1-200 letters, digits or . _ @ : + - (and not __proto__, prototype or constructor).`,
    )
  }
  return name
}

function emptyConfig(): ConfigFile {
  return { version: 1, profiles: Object.create(null) as Record<string, Profile> }
}

function readProfile(value: unknown): Profile | undefined {
  if (!isPlainObject(value)) return undefined
  const { server, username, token, oauthServer, savedAt } = value
  if (typeof server !== 'string' || typeof username !== 'string') return undefined
  const profile: Profile = { server, username }
  if (typeof token === 'string') profile.token = token
  else if (value.tokenIn === 'keyring') profile.tokenIn = 'keyring'
  else return undefined
  if (typeof oauthServer === 'string') profile.oauthServer = oauthServer
  if (typeof savedAt === 'string') profile.savedAt = savedAt
  return profile
}

/** Reads and writes `profiles.json` (mode 0600, directory 0700) in {@link configDir}. */
export class ProfileStore {
  readonly dir: string
  readonly file: string
  readonly keyring: Keyring | undefined

  constructor(dir: string, keyring?: Keyring) {
    this.dir = dir
    this.file = join(dir, 'profiles.json')
    this.keyring = keyring
  }

  /**
   * Creates the directory 0700, or tightens an existing one that others can read or write (as
   * OpenSSH's StrictModes insists); returns a notice when it changed the mode.
   */
  secureDir(): string | undefined {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 })
    if (process.platform === 'win32') return undefined
    const mode = statSync(this.dir).mode & 0o777
    if ((mode & 0o077) === 0) return undefined
    try {
      chmodSync(this.dir, 0o700)
    } catch (error) {
      throw usageError(
        `${this.dir} is readable or writable by others (mode ${mode.toString(8)}) and cannot be tightened (${(error as Error).message}): run "chmod 700 ${this.dir}".`,
      )
    }
    return `Tightened ${this.dir} to mode 700 (it was ${mode.toString(8)}): stored logins must not be readable by others.`
  }

  /** The parsed file; a missing file is an empty store, a corrupt one is an error naming the file. */
  read(): ConfigFile {
    let text: string
    try {
      text = readFileSync(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyConfig()
      throw error
    }
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch {
      throw usageError(`${this.file} is not valid JSON: fix it or delete it and log in again.`)
    }
    const config = emptyConfig()
    if (!isPlainObject(raw) || !isPlainObject(raw.profiles)) return config
    for (const [name, value] of Object.entries(raw.profiles)) {
      const profile = readProfile(value)
      if (profile && PROFILE_NAME.test(name) && !FORBIDDEN_NAMES.has(name)) config.profiles[name] = profile
    }
    if (typeof raw.current === 'string' && raw.current in config.profiles) config.current = raw.current
    return config
  }

  /** Writes atomically: a 0600 temp file, fsync, rename; the directory is created 0700. */
  write(config: ConfigFile): void {
    this.secureDir()
    const temp = `${this.file}.${process.pid}.tmp`
    const fd = openSync(temp, 'w', 0o600)
    try {
      writeSync(fd, `${JSON.stringify({ ...config, profiles: { ...config.profiles } }, null, 2)}\n`)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    chmodSync(temp, 0o600)
    renameSync(temp, this.file)
  }

  /** All profiles by name. */
  list(): Array<{ name: string; profile: Profile; current: boolean }> {
    const config = this.read()
    return Object.keys(config.profiles)
      .sort()
      .map((name) => ({ name, profile: config.profiles[name]!, current: name === config.current }))
  }

  get(name: string): Profile | undefined {
    const config = this.read()
    return Object.hasOwn(config.profiles, name) ? config.profiles[name] : undefined
  }

  /** The profile marked current by the last login, if any. */
  current(): { name: string; profile: Profile } | undefined {
    const config = this.read()
    if (!config.current) return undefined
    const profile = config.profiles[config.current]
    return profile ? { name: config.current, profile } : undefined
  }

  /** Finds the profile stored for this server and username. */
  find(server: string, username?: string): { name: string; profile: Profile } | undefined {
    const wanted = trimSlash(server)
    return this.list().find(
      ({ profile }) =>
        trimSlash(profile.server) === wanted && (username === undefined || profile.username === username),
    )
  }

  /**
   * Saves (or replaces) a profile with its token and makes it current. The token goes to the
   * keyring when one works, else into the 0600 file. Returns where it went and the profile that was
   * current before, so the caller can say so.
   */
  save(
    name: string,
    profile: Profile & { token: string },
  ): { storedIn: 'keyring' | 'file'; previous: string | undefined } {
    checkProfileName(name)
    const config = this.read()
    const previous = config.current
    let stored: Profile = profile
    let storedIn: 'keyring' | 'file' = 'file'
    if (this.keyring?.set(name, profile.token)) {
      const { token: _token, ...rest } = profile
      stored = { ...rest, tokenIn: 'keyring' }
      storedIn = 'keyring'
    }
    config.profiles[name] = stored
    config.current = name
    this.write(config)
    return { storedIn, previous }
  }

  /** The token of a profile, from the file or the keyring. */
  tokenOf(name: string, profile: Profile): string | undefined {
    if (profile.token !== undefined) return profile.token
    return profile.tokenIn === 'keyring' ? this.keyring?.get(name) : undefined
  }

  /** Where a profile's token is kept, in words. */
  whereIs(profile: Profile): string {
    return profile.tokenIn === 'keyring' ? 'the system keyring' : `${this.file} (mode 600)`
  }

  /** Makes a stored profile current. */
  use(name: string): void {
    const config = this.read()
    if (!Object.hasOwn(config.profiles, name)) {
      const known = Object.keys(config.profiles).sort()
      throw usageError(
        `No profile named "${name}"${known.length ? `; known profiles: ${known.join(', ')}` : ': log in first with maxcli login'}.`,
      )
    }
    config.current = name
    this.write(config)
  }

  /** Removes a profile (and its keyring entry); returns false when it did not exist. */
  remove(name: string): boolean {
    const config = this.read()
    if (!Object.hasOwn(config.profiles, name)) return false
    if (config.profiles[name]!.tokenIn === 'keyring') this.keyring?.delete(name)
    delete config.profiles[name]
    if (config.current === name) config.current = Object.keys(config.profiles).sort()[0]
    this.write(config)
    return true
  }
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '')
}

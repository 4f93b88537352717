import {
  chmodSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeSync,
} from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { usageError } from './errors.js'

/** One stored login: the token, never the password. */
export interface Profile {
  server: string
  username: string
  token: string
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
 * The directory holding maxcli's files: `$XDG_CONFIG_HOME/maxcli`, else `~/.config/maxcli`.
 * `MAXCLI_CONFIG_DIR` overrides both (tests and portable setups).
 */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MAXCLI_CONFIG_DIR) return env.MAXCLI_CONFIG_DIR
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config')
  return join(base, 'maxcli')
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function readProfile(value: unknown): Profile | undefined {
  if (!isRecord(value)) return undefined
  const { server, username, token, oauthServer, savedAt } = value
  if (typeof server !== 'string' || typeof username !== 'string' || typeof token !== 'string')
    return undefined
  const profile: Profile = { server, username, token }
  if (typeof oauthServer === 'string') profile.oauthServer = oauthServer
  if (typeof savedAt === 'string') profile.savedAt = savedAt
  return profile
}

/** Reads and writes `profiles.json` (mode 0600, directory 0700) in {@link configDir}. */
export class ProfileStore {
  readonly dir: string
  readonly file: string

  constructor(dir: string = configDir()) {
    this.dir = dir
    this.file = join(dir, 'profiles.json')
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
    if (!isRecord(raw) || !isRecord(raw.profiles)) return config
    for (const [name, value] of Object.entries(raw.profiles)) {
      const profile = readProfile(value)
      if (profile && PROFILE_NAME.test(name) && !FORBIDDEN_NAMES.has(name)) config.profiles[name] = profile
    }
    if (typeof raw.current === 'string' && raw.current in config.profiles) config.current = raw.current
    return config
  }

  /** Writes atomically: a 0600 temp file, fsync, rename; the directory is created 0700. */
  write(config: ConfigFile): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 })
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

  /** Saves (or replaces) a profile and makes it current. */
  save(name: string, profile: Profile): void {
    checkProfileName(name)
    const config = this.read()
    config.profiles[name] = profile
    config.current = name
    this.write(config)
  }

  /** Removes a profile; returns false when it did not exist. */
  remove(name: string): boolean {
    const config = this.read()
    if (!Object.hasOwn(config.profiles, name)) return false
    delete config.profiles[name]
    if (config.current === name) config.current = Object.keys(config.profiles).sort()[0]
    this.write(config)
    return true
  }
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '')
}

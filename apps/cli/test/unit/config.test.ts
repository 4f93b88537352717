import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkProfileName, configDir, defaultProfileName, ProfileStore } from '../../src/config.js'

const tempDir = () => mkdtempSync(join(tmpdir(), 'maxcli-config-'))

describe('configDir', () => {
  it('prefers MAXCLI_CONFIG_DIR, then the platform convention (XDG_CONFIG_HOME on Linux)', async () => {
    expect(await configDir({ MAXCLI_CONFIG_DIR: '/x', XDG_CONFIG_HOME: '/y', HOME: '/h' })).toBe('/x')
    if (process.platform !== 'linux') return
    const saved = process.env.XDG_CONFIG_HOME
    process.env.XDG_CONFIG_HOME = '/y'
    try {
      expect(await configDir({})).toBe('/y/maxcli')
    } finally {
      if (saved === undefined) delete process.env.XDG_CONFIG_HOME
      else process.env.XDG_CONFIG_HOME = saved
    }
  })
})

describe('ProfileStore with a keyring', () => {
  const fakeKeyring = (works: boolean) => {
    const entries = new Map<string, string>()
    return {
      entries,
      set: (account: string, token: string) => {
        if (works) entries.set(account, token)
        return works
      },
      get: (account: string) => entries.get(account),
      delete: (account: string) => void entries.delete(account),
    }
  }

  it('keeps the token in the keyring, not in the file, and says so', () => {
    const keyring = fakeKeyring(true)
    const store = new ProfileStore(tempDir(), keyring)
    const saved = store.save('p', { server: 'http://max', username: 'ann', token: 'secret-token' })
    expect(saved.storedIn).toBe('keyring')
    expect(readFileSync(store.file, 'utf8')).not.toContain('secret-token')
    const profile = store.get('p')!
    expect(store.tokenOf('p', profile)).toBe('secret-token')
    expect(store.whereIs(profile)).toBe('the system keyring')
    store.remove('p')
    expect(keyring.entries.size).toBe(0)
  })

  it('falls back to the 0600 file when the keyring refuses', () => {
    const store = new ProfileStore(tempDir(), fakeKeyring(false))
    expect(store.save('p', { server: 'http://max', username: 'ann', token: 'file-token' }).storedIn).toBe(
      'file',
    )
    expect(readFileSync(store.file, 'utf8')).toContain('file-token')
    expect(statSync(store.file).mode & 0o777).toBe(0o600)
  })

  it('tightens an existing directory that others could read to 0700', () => {
    const dir = tempDir()
    chmodSync(dir, 0o777)
    const store = new ProfileStore(dir)
    expect(store.secureDir()).toMatch(/Tightened .* to mode 700 \(it was 777\)/)
    store.save('p', { server: 'http://max', username: 'ann', token: 't' })
    expect(statSync(dir).mode & 0o777).toBe(0o700)
  })

  it('reports whether login switched the current profile', () => {
    const store = new ProfileStore(tempDir())
    expect(store.save('a', { server: 'http://max', username: 'a', token: 't' }).previous).toBeUndefined()
    expect(store.save('b', { server: 'http://max', username: 'b', token: 't' }).previous).toBe('a')
    store.use('a')
    expect(store.current()?.name).toBe('a')
    expect(() => store.use('zzz')).toThrow(/known profiles: a, b/)
  })
})

describe('ProfileStore', () => {
  it('saves tokens in a 0600 file inside a 0700 directory and reads them back', () => {
    const dir = join(tempDir(), 'maxcli')
    const store = new ProfileStore(dir)
    store.save('alice@max.example.com', { server: 'https://max.example.com', username: 'alice', token: 't1' })
    expect(statSync(store.file).mode & 0o777).toBe(0o600)
    expect(statSync(dir).mode & 0o777).toBe(0o700)
    expect(store.current()).toEqual({
      name: 'alice@max.example.com',
      profile: { server: 'https://max.example.com', username: 'alice', token: 't1' },
    })
    expect(JSON.parse(readFileSync(store.file, 'utf8')).profiles['alice@max.example.com'].token).toBe('t1')
  })

  it('keeps 0600 when an existing file had wider permissions', () => {
    const dir = tempDir()
    const store = new ProfileStore(dir)
    writeFileSync(store.file, '{"version":1,"profiles":{}}', { mode: 0o644 })
    store.save('a@h', { server: 'http://h', username: 'a', token: 't' })
    expect(statSync(store.file).mode & 0o777).toBe(0o600)
  })

  it('finds a profile by server (ignoring a trailing slash) and username', () => {
    const store = new ProfileStore(tempDir())
    store.save('a', { server: 'http://one/', username: 'alice', token: '1' })
    store.save('b', { server: 'http://two', username: 'bob', token: '2' })
    expect(store.find('http://one', 'alice')?.name).toBe('a')
    expect(store.find('http://one', 'bob')).toBeUndefined()
    expect(store.current()?.name).toBe('b')
  })

  it('removes a profile and moves "current" to a remaining one', () => {
    const store = new ProfileStore(tempDir())
    store.save('a', { server: 'http://one', username: 'alice', token: '1' })
    store.save('b', { server: 'http://two', username: 'bob', token: '2' })
    expect(store.remove('b')).toBe(true)
    expect(store.remove('b')).toBe(false)
    expect(store.current()?.name).toBe('a')
  })

  it('ignores prototype-polluting names in the file and refuses them as profile names', () => {
    const store = new ProfileStore(tempDir())
    writeFileSync(
      store.file,
      '{"version":1,"profiles":{"__proto__":{"server":"http://x","username":"u","token":"t","polluted":true}}}',
    )
    expect(store.list()).toEqual([])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(() => checkProfileName('__proto__')).toThrow(/Invalid profile name/)
    expect(() => store.save('constructor', { server: 'http://x', username: 'u', token: 't' })).toThrow()
  })

  it('names a corrupt file in its error', () => {
    const store = new ProfileStore(tempDir())
    writeFileSync(store.file, '{nope')
    expect(() => store.list()).toThrow(store.file)
  })

  it('names default profiles username@host', () => {
    expect(defaultProfileName('https://max.example.com:8443/', 'alice')).toBe('alice@max.example.com:8443')
  })
})

import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkProfileName, configDir, defaultProfileName, ProfileStore } from '../../src/config.js'

const tempDir = () => mkdtempSync(join(tmpdir(), 'maxcli-config-'))

describe('configDir', () => {
  it('prefers MAXCLI_CONFIG_DIR, then XDG_CONFIG_HOME, then ~/.config', () => {
    expect(configDir({ MAXCLI_CONFIG_DIR: '/x', XDG_CONFIG_HOME: '/y', HOME: '/h' })).toBe('/x')
    expect(configDir({ XDG_CONFIG_HOME: '/y', HOME: '/h' })).toBe('/y/maxcli')
    expect(configDir({ HOME: '/h' })).toBe('/h/.config/maxcli')
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

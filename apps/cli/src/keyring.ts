import { createRequire } from 'node:module'

/** Where tokens go when the operating system has a keyring. */
export interface Keyring {
  /** Stores a token; false when no keyring is usable here (headless server, no D-Bus...). */
  set(account: string, token: string): boolean
  get(account: string): string | undefined
  delete(account: string): void
}

const SERVICE = 'maxcli'

type Binding = typeof import('@napi-rs/keyring')

/**
 * The system keyring (macOS Keychain, Windows Credential Manager, the Secret Service on Linux)
 * through @napi-rs/keyring, loaded on first use. Every failure means "no keyring": the caller falls
 * back to the 0600 file.
 */
export function systemKeyring(): Keyring {
  let binding: Binding | null | undefined
  const entry = (account: string) => {
    if (binding === undefined) {
      try {
        binding = createRequire(import.meta.url)('@napi-rs/keyring') as Binding
      } catch {
        binding = null
      }
    }
    if (!binding) return undefined
    // On Linux only the Secret Service persists; the kernel keyring forgets at logout.
    return new binding.Entry(SERVICE, account, { linux: { store: 'secret-service' } })
  }
  return {
    set(account, token) {
      try {
        const found = entry(account)
        if (!found) return false
        found.setPassword(token)
        return found.getPassword() === token
      } catch {
        return false
      }
    },
    get(account) {
      try {
        return entry(account)?.getPassword() ?? undefined
      } catch {
        return undefined
      }
    },
    delete(account) {
      try {
        entry(account)?.deletePassword()
      } catch {
        // nothing stored, or no keyring: nothing to forget
      }
    },
  }
}

import { redactUrl } from './errors.js'

/** Placeholder written instead of a secret. */
export const REDACTED = '[REDACTED]'

const SECRET_KEYS = 'password|access_token|oauth_token|refresh_token|client_secret|X-Oauth-Token'
const JSON_SECRET = new RegExp(`("(?:${SECRET_KEYS})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi')
const FORM_SECRET = new RegExp(`((?:^|&)(?:${SECRET_KEYS})=)[^&]*`, 'gi')

/** Replaces secret JSON values and form fields (password, tokens) and any known secret string. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(JSON_SECRET, `$1"${REDACTED}"`).replace(FORM_SECRET, `$1${REDACTED}`)
  for (const secret of secrets) {
    // Short values would blank out ordinary text.
    if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join(REDACTED)
  }
  return out
}

/** Base64 of the UTF-8 bytes of `text` (as HTTP Basic sends credentials). */
export function base64(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/**
 * A secret with the forms a server may echo it in: as is, percent-encoded (form bodies, URLs) and,
 * for credentials, base64.
 */
export function secretForms(secret: string): string[] {
  const forms = [secret]
  let encoded: string | undefined
  try {
    encoded = encodeURIComponent(secret)
  } catch {}
  if (encoded !== undefined && encoded !== secret) forms.push(encoded)
  const plus = encoded?.replace(/%20/g, '+')
  if (plus !== undefined && plus !== encoded) forms.push(plus)
  return forms
}

const SCRUBBED_FIELDS = ['message', 'stack', 'description', 'error', 'url'] as const

/**
 * Removes every known secret (and URL credentials) from an error before it leaves the client:
 * message, stack, MAX's `error`/`description`, `url`, and the same in its `cause` chain. The
 * error object is changed in place and returned.
 */
export function redactError<E>(error: E, secrets: readonly string[]): E {
  let current: unknown = error
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const record = current as Record<string, unknown>
    for (const field of SCRUBBED_FIELDS) {
      const value = record[field]
      if (typeof value !== 'string') continue
      const clean = redactUrl(redactText(value, secrets))
      if (clean !== value) {
        const own = Object.getOwnPropertyDescriptor(record, field)
        Object.defineProperty(record, field, {
          value: clean,
          writable: true,
          configurable: true,
          enumerable: own?.enumerable ?? false,
        })
      }
    }
    current = record.cause
  }
  return error
}

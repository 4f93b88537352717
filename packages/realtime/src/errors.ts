import { MaxError, redactText } from '@maxclient/core'

/** A broker connection or protocol failure. Messages never contain the token. */
export class RealtimeError extends MaxError {}

/** The broker refused the credentials (wrong or expired token, unknown user). Not retried. */
export class RealtimeAuthError extends RealtimeError {}

/** Builds an error whose message has every secret removed (the token can echo back in broker text). */
export function realtimeError(
  kind: typeof RealtimeError,
  message: string,
  secrets: readonly string[],
  cause?: unknown,
): RealtimeError {
  const detail = cause instanceof Error ? cause.message : cause === undefined ? '' : String(cause)
  const text = redactText(detail ? `${message}: ${detail}` : message, secrets)
  // The cause is not attached: its message or stack could hold the secret.
  return new kind(text)
}

/** Does a broker error text say the login was refused? */
export const isAuthRefusal = (text: string): boolean =>
  /access.refused|login was refused|not_allowed|403/i.test(text)

/**
 * Secrets of this run (the token, a typed password): whatever a server echoes, they never reach the
 * terminal. Kept free of imports so the failure path stays cheap.
 */
const secrets = new Set<string>()

/** Marks a value as secret for the rest of the run (short values would blank out ordinary text). */
export function rememberSecret(value: string | undefined): void {
  if (value !== undefined && value.length >= 4) {
    secrets.add(value)
    // Basic-auth and other encodings of it too.
    secrets.add(Buffer.from(value).toString('base64'))
    secrets.add(encodeURIComponent(value))
  }
}

/** `text` with every remembered secret replaced. */
export function redactSecrets(text: string): string {
  let out = text
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join('[REDACTED]')
  return out
}

/** Wraps a stream's `write` so that no remembered secret is written through it. */
export function guardStream<T extends { write: (...args: any[]) => boolean }>(stream: T): T {
  const write = stream.write.bind(stream)
  const guarded = ((chunk: unknown, ...rest: unknown[]) =>
    write(
      secrets.size > 0 && typeof chunk === 'string' ? redactSecrets(chunk) : chunk,
      ...rest,
    )) as T['write']
  return new Proxy(stream, {
    get: (target, key) => (key === 'write' ? guarded : Reflect.get(target, key, target)),
  })
}

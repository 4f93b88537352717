/**
 * True for `{}` literals and `Object.create(null)` objects: the only objects whose keys the clients
 * read as names (never arrays, class instances, Maps or Dates).
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** Default length of a value quoted by {@link preview}. */
const PREVIEW_LENGTH = 80

/**
 * Shortens a value quoted in an error message, so a 100 KB argument does not give a 100 KB
 * message: the first `max` characters (default 80) followed by `…` and the full length.
 *
 * @example
 * ```ts
 * preview('x'.repeat(100_000)) // 'xxxx…xxx… (100000 characters)'
 * ```
 */
export function preview(value: string, max: number = PREVIEW_LENGTH): string {
  const text = String(value)
  if (text.length <= max) return text
  let end = Math.max(0, max)
  // Never cut a surrogate pair in half.
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end--
  return `${text.slice(0, end)}… (${text.length} characters)`
}

/** `chunks` in one array of `total` bytes (their summed length). */
export function joinBytes(chunks: readonly Uint8Array[], total: number): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    joined.set(chunk, offset)
    offset += chunk.length
  }
  return joined
}

/** Splits a comma-separated `--tags` value. */
export const splitTags = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '')

/** "Created context Team (https://...)". */
export const contextSummary = (verb: string) => (c: { url?: string; displayName?: string; hash?: string }) =>
  `${verb} context ${c.displayName ?? c.hash ?? ''}${c.url ? ` (${c.url})` : ''}`

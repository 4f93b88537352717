/** MAX's date format: RFC 3339 in UTC without fractional seconds. */
export function formatDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

const ALLOWED_TAGS = new Set(['a', 'abbr', 'acronym', 'b', 'blockquote', 'code', 'em', 'i', 'strong', 'u'])
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g
const HREF = /\bhref\s*=\s*("[^"]*"|'[^']*')/i

/**
 * Keeps the inline tags MAX allows and drops every other tag (its text stays); attributes are
 * dropped except `href` on links.
 */
export function sanitizeContent(html: string): string {
  return html.replace(TAG, (tag, name: string) => {
    const lower = name.toLowerCase()
    if (!ALLOWED_TAGS.has(lower)) return ''
    if (tag.startsWith('</')) return `</${lower}>`
    const href = lower === 'a' ? HREF.exec(tag) : null
    return href ? `<a href=${href[1]}>` : `<${lower}>`
  })
}

const WORD = /[\p{L}\p{N}_]+/gu

/** Search keywords as MAX indexes them: lowercased words of three or more characters. */
export function keywordsOf(...texts: Array<string | undefined>): string[] {
  const words = new Set<string>()
  for (const text of texts) {
    if (!text) continue
    for (const word of text
      .replace(/<[^>]*>/g, ' ')
      .toLowerCase()
      .match(WORD) ?? []) {
      if (word.length >= 3) words.add(word)
    }
  }
  return [...words]
}

/** Hashtags (`#word`), lowercased and without the `#`. */
export function hashtagsOf(text: string | undefined): string[] {
  const tags = new Set<string>()
  for (const match of (text ?? '').matchAll(/#([\p{L}\p{N}_]+)/gu)) tags.add(match[1]!.toLowerCase())
  return [...tags]
}

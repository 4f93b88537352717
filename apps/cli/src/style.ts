/** Colours for one stream; identity functions when colour is off. */
export interface Paint {
  bold(text: string): string
  red(text: string): string
  green(text: string): string
  yellow(text: string): string
  dim(text: string): string
}

const plain: Paint = {
  bold: String,
  red: String,
  green: String,
  yellow: String,
  dim: String,
}

/**
 * Whether to colour a stream: never with `NO_COLOR`, always with `FORCE_COLOR` (other than 0),
 * else only on a terminal (so pipes and files get plain text).
 */
export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR) return false
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true
  return Boolean(stream.isTTY) && env.TERM !== 'dumb'
}

/** The colours of a stream; picocolors is loaded only when colour is on. */
export async function painter(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Promise<Paint> {
  if (!colorEnabled(stream, env)) return plain
  const { default: picocolors } = await import('picocolors')
  const colors = picocolors.createColors(true)
  return { bold: colors.bold, red: colors.red, green: colors.green, yellow: colors.yellow, dim: colors.dim }
}

import { usageError } from './errors.js'

/**
 * Runs a jq expression over a value with jq itself (compiled to WebAssembly, loaded on first use)
 * and returns every result it outputs.
 */
export async function runJq(value: unknown, expression: string): Promise<unknown[]> {
  const jq = await import('jq-wasm')
  let text: string
  try {
    text = await jq.raw(JSON.stringify(value ?? null), expression, ['-c'])
  } catch (error) {
    const message = (error as Error).message.replace(/\s+$/, '')
    throw usageError(`--jq ${JSON.stringify(expression)} failed: ${message}`)
  }
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown)
}

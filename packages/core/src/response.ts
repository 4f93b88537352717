import { RequestError, redactUrl } from './errors.js'
import type { MaxResponse } from './types.js'
import { preview } from './values.js'

const decoder = new TextDecoder()
const TEXT_TYPE =
  /^(text\/|application\/(json|[\w.+-]*\+json|xml|[\w.+-]*\+xml|x-www-form-urlencoded|base64|javascript))/i

/**
 * Turns response bytes into the `body` of a {@link MaxResponse}: parsed JSON, `null` when empty,
 * the text when it is not JSON, the bytes themselves for binary content types.
 */
export function parseBody(bytes: Uint8Array, contentType: string | undefined): unknown {
  if (bytes.length === 0) return null
  if (
    contentType !== undefined &&
    !contentType.startsWith('application/json') &&
    !TEXT_TYPE.test(contentType)
  )
    return bytes
  const text = decodeUtf8(bytes)
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

/**
 * UTF-8 text of `bytes`. Node's transport hands over Buffers, whose native decoding is ~20% faster
 * than TextDecoder on large pages; elsewhere TextDecoder. Both drop a leading BOM.
 */
function decodeUtf8(bytes: Uint8Array): string {
  if (typeof Buffer !== 'undefined' && Buffer.isBuffer(bytes)) {
    // Without an encoding argument Buffer decodes UTF-8 directly, with no encoding look-up.
    const text = bytes.toString()
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  }
  return decoder.decode(bytes)
}

/** `X-totalItems` as a number; 0 when the header is absent. */
export function countOf(response: MaxResponse): number {
  const value = response.headers['x-totalitems']
  if (value === undefined || value.trim() === '') return 0
  const count = Number(value)
  if (!Number.isInteger(count) || count < 0) {
    throw new RequestError(
      `${response.method} ${response.url} answered X-totalItems: ${preview(JSON.stringify(value))}, expected a whole number`,
      { status: response.status, method: response.method, url: response.url },
    )
  }
  return count
}

function isMaxError(body: unknown): body is { error: unknown; error_description?: unknown } {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && 'error' in body
}

// Pyramid's own JSON not-found page: not a MAX answer about a resource.
function isFrameworkNotFound(body: Record<string, unknown>): boolean {
  return 'code' in body && 'title' in body && 'message' in body && !('error' in body)
}

const RESTRICTED = /restricted permissions to\s*=\s*([^\s<"',]+)/i

/**
 * The response rules every MAX client shares:
 * - 2xx: the body (parsed JSON, `null` when empty, text when not JSON); for HEAD, `X-totalItems` as a number;
 * - 404 with a MAX JSON body: `null` (the resource does not exist);
 * - 404 without one: {@link RequestError} saying the endpoint does not accept the method (or is
 *   restricted to a role);
 * - 502: {@link RequestError} asking whether MAX is running;
 * - anything else: {@link RequestError} with the MAX `error` and `error_description` when present.
 *
 * `notFound: 'throw'` makes a 404 with a MAX JSON body a {@link RequestError} too, for callers such
 * as a command line where a missing resource is a failure rather than an empty result.
 */
export function interpretResponse(
  response: MaxResponse,
  options: { notFound?: 'null' | 'throw' } = {},
): unknown {
  const { status, method, body } = response
  if (status >= 200 && status < 300) return method === 'HEAD' ? countOf(response) : body
  const url = redactUrl(response.url)
  const details = { status, method, url }
  if (status === 404) {
    if (typeof body === 'object' && body !== null && !(body instanceof Uint8Array)) {
      if (Array.isArray(body) || !isFrameworkNotFound(body as Record<string, unknown>)) {
        if (options.notFound !== 'throw') return null
        if (isMaxError(body)) return throwMaxError(body, details)
        return throwError(`${method} ${url}: not found (HTTP 404)`, details)
      }
    }
    const text = typeof body === 'string' ? body : ''
    const role = RESTRICTED.exec(text)?.[1]
    if (role !== undefined) {
      return throwError(`${method} ${url} is restricted to the ${role} role (HTTP 404)`, details)
    }
    return throwError(
      `${method} ${url}: this endpoint does not accept ${method} (HTTP 404 without a MAX error body)`,
      details,
    )
  }
  if (status === 502) {
    return throwError(
      `${method} ${url} answered 502 Bad Gateway: is the MAX server running at ${originOf(url)}?`,
      details,
    )
  }
  if (isMaxError(body)) return throwMaxError(body, details)
  return throwError(`${method} ${url} failed with HTTP ${status}`, details)
}

function throwError(message: string, details: { status: number; method: string; url: string }): never {
  throw new RequestError(message, details)
}

function throwMaxError(
  body: { error: unknown; error_description?: unknown },
  details: { status: number; method: string; url: string },
): never {
  const error = String(body.error)
  const description = body.error_description === undefined ? undefined : String(body.error_description)
  // The fields keep MAX's full texts; the message quotes them shortened.
  const text = description === undefined ? preview(error) : `${preview(error)}: ${preview(description, 500)}`
  throw new RequestError(`${text} (HTTP ${details.status} from ${details.method} ${details.url})`, {
    ...details,
    error,
    ...(description === undefined ? {} : { description }),
  })
}

function originOf(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return url
  }
}

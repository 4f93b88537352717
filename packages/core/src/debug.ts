import { redactUrl } from './errors.js'
import { isFormData } from './form-data.js'
import { isMultipartBody, type MultipartPart } from './multipart.js'
import { REDACTED, redactText } from './redact.js'

const SECRET_HEADERS = new Set([
  'x-oauth-token',
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
])
const MAX_BODY = 4096

function formatBody(body: unknown, secrets: readonly string[]): string | undefined {
  if (body === undefined || body === null) return undefined
  let text: string
  if (typeof body === 'string') text = body
  else if (body instanceof Uint8Array) return `<${body.length} bytes>`
  else if (isFormData(body)) {
    const parts: string[] = []
    body.forEach((value, name) => {
      parts.push(
        typeof value === 'string'
          ? `${name}=${value}`
          : `${name}=<file ${JSON.stringify(value.name)} ${value.type || 'application/octet-stream'}, ${value.size} bytes>`,
      )
    })
    text = `multipart form: ${parts.join('; ')}`
  } else if (isMultipartBody(body)) {
    text = `multipart form: ${body.parts.map(describePart).join('; ')}`
  } else text = JSON.stringify(body) ?? String(body)
  text = redactText(text, secrets)
  return text.length > MAX_BODY ? `${text.slice(0, MAX_BODY)}... (${text.length} characters)` : text
}

// Like a FormData entry; file contents are never printed, and a stream's size is unknown until sent.
function describePart({ name, filename, type, data }: MultipartPart): string {
  if (typeof data === 'string' && filename === undefined) return `${name}=${data}`
  let size = 'stream'
  let mime = type
  if (typeof data === 'string') size = `${new TextEncoder().encode(data).length} bytes`
  else if (data instanceof Uint8Array) size = `${data.length} bytes`
  else if (typeof (data as Blob).size === 'number') {
    size = `${(data as Blob).size} bytes`
    mime ||= (data as Blob).type
  }
  mime ||= 'application/octet-stream'
  return `${name}=<file ${JSON.stringify(filename ?? name)} ${mime}, ${size}>`
}

function formatHeaders(headers: Record<string, string>, secrets: readonly string[]): string[] {
  const lines: string[] = []
  for (const name of Object.keys(headers).sort()) {
    const value = SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : redactText(headers[name]!, secrets)
    lines.push(`${name}: ${value}`)
  }
  return lines
}

/** Dump of an outgoing request, secrets redacted. */
export function formatRequest(
  request: { method: string; url: string; headers: Record<string, string>; body?: unknown; attempt: number },
  secrets: readonly string[],
): string {
  const retry = request.attempt > 0 ? ` (retry ${request.attempt})` : ''
  const lines = [`> ${request.method} ${redactText(redactUrl(request.url), secrets)}${retry}`]
  for (const line of formatHeaders(request.headers, secrets)) lines.push(`> ${line}`)
  const body = formatBody(request.body, secrets)
  if (body !== undefined) lines.push('>', `> ${body}`)
  return lines.join('\n')
}

/** Dump of a received response, secrets redacted. */
export function formatResponse(
  response: { status: number; headers: Record<string, string>; body: unknown },
  secrets: readonly string[],
): string {
  const lines = [`< HTTP ${response.status}`]
  for (const line of formatHeaders(response.headers, secrets)) lines.push(`< ${line}`)
  const body = formatBody(response.body, secrets)
  if (body !== undefined) lines.push('<', `< ${body}`)
  return lines.join('\n')
}

import { type MaxCore, redactText } from '@maxclient/core'
import { requestFor } from './call.js'
import type { EndpointCall } from './operations.js'

/** What `--dry-run` prints: method, URL and body of the request, with secrets redacted. */
export function describeRequest(client: MaxCore, call: EndpointCall, secrets: string[]): string {
  const request = requestFor(client, call)
  const query = request.query ? `?${request.query}` : ''
  const lines = [`${request.method} ${client.url}${request.path}${query}`]
  const body = request.body
  if (body instanceof Uint8Array) lines.push(`<${body.length} bytes>`)
  else if (body !== undefined && body !== null && typeof body === 'object' && 'forEach' in body) {
    const parts: string[] = []
    ;(body as FormData).forEach((value, name) => {
      parts.push(
        typeof value === 'string' ? `${name}=${value}` : `${name}=<file ${value.name}, ${value.size} bytes>`,
      )
    })
    lines.push(`multipart form: ${parts.join('; ')}`)
  } else if (body !== undefined && JSON.stringify(body) !== '{}') lines.push(JSON.stringify(body, null, 2))
  return `${redactText(lines.join('\n'), secrets)}\n`
}

import { type RunningMockServer, type StartMockServerOptions, startMockServer } from '../src/index.js'

/** A parsed answer: status, lower-case headers and the JSON (or text) body. */
export interface Answer {
  status: number
  headers: Headers
  body: any
  text: string
}

export interface CallOptions {
  body?: unknown
  /** Raw body sent as is (string, FormData, bytes). */
  raw?: BodyInit
  headers?: Record<string, string>
  query?: Record<string, string | string[]>
}

/** A user session against the server: every call carries that user's X-Oauth-* headers. */
export interface Session {
  username: string
  token: string
  call(method: string, path: string, options?: CallOptions): Promise<Answer>
}

export async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text()
  let body: unknown = text
  if ((response.headers.get('content-type') ?? '').includes('application/json') && text !== '')
    body = JSON.parse(text)
  return { status: response.status, headers: response.headers, body, text }
}

export function withQuery(path: string, query?: Record<string, string | string[]>): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query))
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v)
  return `${path}?${params}`
}

/** One HTTP call to `base` (real socket) with optional auth headers. */
export async function request(
  base: string,
  method: string,
  path: string,
  options: CallOptions & { auth?: { username: string; token: string } } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.auth) {
    headers['X-Oauth-Token'] = options.auth.token
    headers['X-Oauth-Username'] = options.auth.username
    headers['X-Oauth-Scope'] = 'widgetcli'
  }
  let body: BodyInit | undefined = options.raw
  if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers['Content-Type'] ??= 'application/json'
  }
  const response = await fetch(`${base}${withQuery(path, options.query)}`, {
    method,
    headers,
    body: body ?? null,
  })
  return answerOf(response)
}

/** Logs in through the OAuth endpoint (password grant) and returns a session. */
export async function login(server: RunningMockServer, username: string, password = 'x'): Promise<Session> {
  const response = await fetch(`${server.oauthUrl}/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'MAX',
      scope: 'widgetcli',
      username,
      password,
    }),
  })
  const answer = await answerOf(response)
  if (answer.status !== 200) throw new Error(`login of ${username} failed: ${answer.status} ${answer.text}`)
  return sessionOf(server.url, username, answer.body.access_token as string)
}

export function sessionOf(base: string, username: string, token: string): Session {
  return {
    username,
    token,
    call: (method, path, options = {}) =>
      request(base, method, path, { ...options, auth: { username, token } }),
  }
}

/** Starts a server on 127.0.0.1 and a free port. */
export function start(options: StartMockServerOptions = {}): Promise<RunningMockServer> {
  return startMockServer({ host: '127.0.0.1', port: 0, ...options })
}

/** A fixed clock that moves one second per read, so dates are deterministic. */
export function steppingClock(startIso = '2024-01-01T00:00:00Z'): () => Date {
  let at = new Date(startIso).getTime()
  return () => {
    const now = new Date(at)
    at += 1000
    return now
  }
}

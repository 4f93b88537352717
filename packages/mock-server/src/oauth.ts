import { randomBytes } from 'node:crypto'
import { json } from './context.js'
import type { Store } from './store.js'
import { formatDate } from './text.js'

/** Who may log in: configured passwords, or anyone in open mode. */
export interface OAuthConfig {
  users: ReadonlyMap<string, string>
  open: boolean
}

/** Issues a new access token for `username` (stored in the state). */
export function issueToken(store: Store, username: string): string {
  const token = randomBytes(16).toString('hex')
  store.oauthTokens.set(token, username)
  const person = store.people.get(username)
  if (person) person.lastLogin = formatDate(store.now())
  return token
}

/** Whether `token` was issued to `username`. */
export function tokenIsValid(store: Store, token: string, username: string): boolean {
  return token !== '' && store.oauthTokens.get(token) === username
}

async function formOf(request: Request): Promise<URLSearchParams> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase()
  const text = await request.text()
  if (type.includes('application/json')) {
    try {
      const parsed = JSON.parse(text) as unknown
      const form = new URLSearchParams()
      if (typeof parsed === 'object' && parsed !== null)
        for (const [k, v] of Object.entries(parsed)) if (v !== undefined && v !== null) form.set(k, String(v))
      return form
    } catch {
      return new URLSearchParams()
    }
  }
  return new URLSearchParams(text)
}

const oauthError = (status: number, error: string, description: string) =>
  json(status, { error, error_description: description })

/**
 * The OAuth server under its prefix: `POST /token` (password grant) and `POST /checktoken`.
 * Answers undefined for any other path so the caller renders a 404 page.
 */
export async function handleOAuth(
  store: Store,
  config: OAuthConfig,
  subpath: string,
  request: Request,
): Promise<Response | undefined> {
  const path = subpath.replace(/\/$/, '')
  if (request.method !== 'POST' || (path !== '/token' && path !== '/checktoken')) return undefined
  const form = await formOf(request)
  // The OAuth docs name the check fields user_id/oauth_token; MAX itself sends username/access_token.
  const username = (form.get('username') ?? form.get('user_id') ?? '').toLowerCase()
  if (path === '/checktoken') {
    const token = form.get('access_token') ?? form.get('oauth_token') ?? ''
    const scope = form.get('scope') ?? 'widgetcli'
    const valid = scope === 'widgetcli' && tokenIsValid(store, token, username)
    return valid ? json(200, {}) : oauthError(401, 'invalid_token', 'The token is not valid for that user')
  }
  const grantType = form.get('grant_type') ?? ''
  if (grantType !== 'password')
    return oauthError(
      400,
      'unsupported_grant_type',
      'Only the password grant is supported (grant_type=password)',
    )
  const scope = form.get('scope') || 'widgetcli'
  if (scope !== 'widgetcli') return oauthError(400, 'invalid_scope', 'The only scope is widgetcli')
  if (username === '') return oauthError(400, 'invalid_request', 'The username field is required')
  const password = form.get('password') ?? ''
  const known = config.users.get(username)
  const accepted = known !== undefined ? known === password : config.open
  if (!accepted) return oauthError(401, 'invalid_grant', 'Wrong username or password')
  const token = issueToken(store, username)
  return json(200, { access_token: token, token_type: 'bearer', scope: 'widgetcli', fresh: true })
}

/** The hub's `GET /info`: each domain with the MAX URL that serves it. */
export function handleHub(
  subpath: string,
  request: Request,
  domains: Readonly<Record<string, string>>,
): Response | undefined {
  if (subpath.replace(/\/$/, '') !== '/info' || (request.method !== 'GET' && request.method !== 'HEAD'))
    return undefined
  // fromEntries defines own properties, so a domain named __proto__ stays a plain key.
  const out = Object.fromEntries(
    Object.entries(domains).map(([domain, url]) => [domain, { max_server_url: url }]),
  )
  return json(200, { domains: out })
}

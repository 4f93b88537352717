import { BadCredentialsError, RequestError, redactUrl } from './errors.js'
import type { Pipeline } from './pipeline.js'
import { secretForms } from './redact.js'
import { isPlainObject, preview } from './values.js'

/** What a password-grant login sends. */
export interface LoginRequest {
  oauthServer: string
  maxServer: string
  username: string
  password: string
  bypass: boolean
}

// OAuth error names that mean "these credentials are wrong" (RFC 6749 5.2; MAX's OAuth server
// answers `invalid_grant` for a bad username or password).
const REFUSALS = new Set(['invalid_grant'])

/**
 * Gets a token with the password grant (`POST {oauthServer}/token`, form-encoded, as the Python
 * client did). Only an OAuth refusal (`invalid_grant` with HTTP 400/401) is a
 * {@link BadCredentialsError}; any other answer is a {@link RequestError} with its status.
 */
export async function requestToken(pipeline: Pipeline, login: LoginRequest): Promise<string> {
  const { settings } = pipeline
  const form = new URLSearchParams()
  form.set('grant_type', settings.grantType)
  form.set('client_id', settings.clientId)
  form.set('scope', settings.scope)
  form.set('username', login.username)
  form.set('password', login.password)
  // The Python client sent its bool, which Python writes as True/False.
  form.set('bypass', login.bypass ? 'True' : 'False')
  const url = `${login.oauthServer}/token`
  const secrets = login.password === '' ? [] : secretForms(login.password)
  const prepared = pipeline.prepareAbsolute(
    'POST',
    url,
    { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    form.toString(),
  )
  const response = await pipeline.execute(prepared, secrets)
  const { status, body } = response
  const fail = (message: string, details: { error?: string; description?: string } = {}) =>
    pipeline.redact(new RequestError(message, { status, method: 'POST', url, ...details }), secrets)
  if (status !== 200) {
    const error = isPlainObject(body) && typeof body.error === 'string' ? body.error : undefined
    const description =
      isPlainObject(body) && typeof body.error_description === 'string' ? body.error_description : undefined
    if ((status === 400 || status === 401) && error !== undefined && REFUSALS.has(error)) {
      throw pipeline.redact(
        new BadCredentialsError({
          username: login.username,
          oauthServer: login.oauthServer,
          maxServer: login.maxServer,
          status,
          error,
        }),
        secrets,
      )
    }
    const reason =
      error === undefined
        ? ''
        : `: ${preview(error)}${description === undefined ? '' : ` (${preview(description, 200)})`}`
    throw fail(
      `Login failed: the OAuth server answered POST ${redactUrl(url)} with HTTP ${status}${reason}; ` +
        'this is not a refusal of the credentials',
      { ...(error === undefined ? {} : { error }), ...(description === undefined ? {} : { description }) },
    )
  }
  if (!isPlainObject(body)) {
    throw fail(`POST ${redactUrl(url)} answered 200 without a JSON object; expected {"access_token": ...}`)
  }
  const token = body.access_token ?? body.oauth_token
  if (typeof token !== 'string' || token === '') {
    throw fail(`POST ${redactUrl(url)} answered 200 without a token (no access_token or oauth_token)`)
  }
  return token
}

import { UsageError } from './errors.js'
import { createFetchTransport } from './fetch-transport.js'
import { type Hooks, normalizeHooks } from './hooks.js'
import { DEFAULT_MAX_RESPONSE_SIZE, DEFAULT_TIMEOUT, MAX_TIMEOUT } from './limits.js'
import { base64, secretForms } from './redact.js'
import { defaultRetryPolicy, type RetryPolicy, resolveRetry } from './retry.js'
import { type AnswerTo, answerToOf, readsHeadersOnly, supportsTimeout, type Transport } from './transport.js'
import type { MaxClientOptions } from './types.js'
import { isPlainObject, preview } from './values.js'

const OPTION_NAMES: ReadonlySet<string> = new Set([
  'oauthServer',
  'actor',
  'token',
  'scope',
  'grantType',
  'clientId',
  'basicAuth',
  'transport',
  'fetch',
  'timeout',
  'retry',
  'hooks',
  'debug',
  'headers',
  'maxResponseSize',
] satisfies Array<keyof MaxClientOptions>)

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
// What HTTP/1.1 allows in a field value (Node and fetch refuse the rest): tab, visible ASCII, Latin-1.
const HEADER_VALUE_INVALID = /[^\t\x20-\x7e\x80-\xff]/

/**
 * A `timeout` option: an integer number of milliseconds from 1 to 2^31-1, or 0 for none.
 * @returns the timeout, or `undefined` for no timeout.
 */
export function checkTimeout(value: unknown, where: string): number | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_TIMEOUT) {
    throw new UsageError(
      `${where} must be a whole number of milliseconds from 1 to ${MAX_TIMEOUT}, or 0 for no timeout; got ${preview(String(value))}`,
    )
  }
  return value === 0 ? undefined : value
}

/** A `maxResponseSize` option: a positive whole number of bytes. */
export function checkMaxResponseSize(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new UsageError(
      `${where} must be a positive whole number of bytes (default ${DEFAULT_MAX_RESPONSE_SIZE}, 64 MiB), got ${preview(String(value))}`,
    )
  }
  return value
}

/** A header value: a string of characters HTTP allows (no line breaks, NUL or other controls). */
export function checkHeaderValue(name: string, value: unknown, where: string): string {
  if (typeof value !== 'string') {
    throw new UsageError(`${where} "${preview(name)}" must be a string, got ${typeof value}`)
  }
  if (HEADER_VALUE_INVALID.test(value)) {
    throw new UsageError(
      `${where} "${preview(name)}" must not contain line breaks, NUL, other control characters or characters beyond Latin-1`,
    )
  }
  return value
}

/** Copies checked headers into `into` with lower-case names. */
export function copyHeaders(into: Record<string, string>, headers: unknown, where: string): void {
  if (headers === undefined) return
  if (!isPlainObject(headers)) {
    throw new UsageError(`${where} must be a plain object of header names to string values`)
  }
  for (const name of Object.keys(headers)) {
    if (!HEADER_NAME.test(name) || name === '__proto__') {
      throw new UsageError(`${where}: "${preview(name)}" is not a valid header name`)
    }
    into[name.toLowerCase()] = checkHeaderValue(name, headers[name], where)
  }
}

/** Checks headers a `beforeRequest` hook may have changed, so a bad one is a UsageError, not a network failure. */
export function checkHookHeaders(headers: unknown): void {
  if (typeof headers !== 'object' || headers === null) {
    throw new UsageError('a beforeRequest hook left request.headers that is not an object')
  }
  for (const name of Object.keys(headers)) {
    if (!HEADER_NAME.test(name)) {
      throw new UsageError(`a beforeRequest hook set "${preview(name)}", which is not a valid header name`)
    }
    checkHeaderValue(name, (headers as Record<string, unknown>)[name], 'a beforeRequest hook set header')
  }
}

/** Validates an absolute http(s) base URL without credentials and drops trailing slashes. @internal */
export function checkUrl(value: unknown, what: string): string {
  const example = `${what} must be an absolute http(s) URL such as "https://max.example.org"`
  if (typeof value !== 'string' || value === '') {
    throw new UsageError(`${example}, got ${value === '' ? 'an empty string' : typeof value}`)
  }
  let parsed: URL
  try {
    parsed = new URL(value)
  } catch {
    throw new UsageError(`${example}, got "${preview(value)}"`)
  }
  if (parsed.username !== '' || parsed.password !== '') {
    // Credentials in a URL end up in logs and error messages: they have their own option.
    throw new UsageError(
      `${what} must not contain credentials (user:password@); pass them as the basicAuth option: { basicAuth: { username, password } }`,
    )
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new UsageError(`${what} must use http: or https:, got "${preview(parsed.protocol)}"`)
  }
  if (parsed.search !== '' || parsed.hash !== '') {
    throw new UsageError(`${what} must not carry a query or fragment, got "${preview(value)}"`)
  }
  return value.replace(/\/+$/, '')
}

function optionString(value: unknown, name: string, fallback: string): string {
  if (value === undefined) return fallback
  if (typeof value !== 'string' || value === '') throw new UsageError(`${name} must be a non-empty string`)
  return checkHeaderValue(name, value, 'option')
}

/** Everything a client needs from its options, checked. */
export interface Settings {
  transport: Transport
  /** True when the transport enforces `timeout` itself (no AbortSignal per request). */
  nativeTimeout: boolean
  /** The built-in transport's callback form, when it has one (see `AnswerTo`). */
  answerTo: AnswerTo | undefined
  /**
   * True when nothing may change a request's headers (a built-in transport, no hooks), so requests
   * can share frozen header objects.
   */
  sharedHeaders: boolean
  /** Milliseconds per attempt, `undefined` for none. */
  timeout: number | undefined
  maxResponseSize: number
  retry: RetryPolicy
  hooks: Hooks
  hasHooks: boolean
  debug: ((line: string) => void) | undefined
  /** Headers of every request, lower-case names. */
  headers: Record<string, string>
  scope: string
  grantType: string
  clientId: string
  oauthServer: string | undefined
  /** Secrets of the options themselves (basic-auth credentials in every form). */
  secrets: string[]
}

/**
 * Checks a client's options (unknown keys, nested ones too, are a UsageError) and resolves them.
 * @param createDefaultTransport - used when neither `transport` nor `fetch` is given.
 */
export function resolveOptions(options: unknown, createDefaultTransport: () => Transport): Settings {
  if (!isPlainObject(options)) {
    throw new UsageError(
      `client options must be an object such as { token, actor }, got ${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options}`,
    )
  }
  for (const key of Object.keys(options)) {
    // A misspelt option would otherwise be ignored silently (subclasses strip their own first).
    if (!OPTION_NAMES.has(key)) {
      throw new UsageError(
        `unknown client option "${preview(key)}"; known options: ${[...OPTION_NAMES].join(', ')}`,
      )
    }
  }
  const o = options as MaxClientOptions
  if (o.transport !== undefined && typeof o.transport !== 'function') {
    throw new UsageError('transport must be a function (request) => Promise<response>')
  }
  if (o.fetch !== undefined && typeof o.fetch !== 'function') {
    throw new UsageError('fetch must be a function taking a Request and returning a Promise<Response>')
  }
  const transport =
    o.transport ?? (o.fetch === undefined ? createDefaultTransport() : createFetchTransport(o.fetch))
  if (o.debug !== undefined && typeof o.debug !== 'boolean' && typeof o.debug !== 'function') {
    throw new UsageError('debug must be true, false or a function receiving each dump')
  }
  const hooks = normalizeHooks(o.hooks)
  const headers: Record<string, string> = Object.create(null)
  headers.accept = 'application/json'
  copyHeaders(headers, o.headers, 'headers option')
  const secrets: string[] = []
  if (o.basicAuth !== undefined) {
    if (!isPlainObject(o.basicAuth)) {
      throw new UsageError('basicAuth must be { username: string, password: string }')
    }
    for (const key of Object.keys(o.basicAuth)) {
      if (key !== 'username' && key !== 'password') {
        throw new UsageError(`unknown basicAuth key "${preview(key)}"; basicAuth is { username, password }`)
      }
    }
    const { username, password } = o.basicAuth
    if (typeof username !== 'string' || username === '' || typeof password !== 'string') {
      throw new UsageError('basicAuth must be { username: string, password: string }')
    }
    if (username.includes(':')) throw new UsageError('basicAuth.username must not contain ":"')
    const pair = `${username}:${password}`
    const encoded = base64(pair)
    headers.authorization = `Basic ${encoded}`
    secrets.push(encoded, ...secretForms(pair))
    if (password !== '') secrets.push(...secretForms(password))
  }
  const debug = o.debug === true ? (line: string) => console.error(line) : o.debug || undefined
  const hasHooks =
    hooks.beforeRequest.length +
      hooks.afterResponse.length +
      hooks.onError.length +
      hooks.beforeRetry.length >
    0
  return {
    transport,
    nativeTimeout: supportsTimeout(transport),
    answerTo: answerToOf(transport),
    sharedHeaders: readsHeadersOnly(transport) && !hasHooks,
    timeout: o.timeout === undefined ? DEFAULT_TIMEOUT : checkTimeout(o.timeout, 'timeout'),
    maxResponseSize:
      o.maxResponseSize === undefined
        ? DEFAULT_MAX_RESPONSE_SIZE
        : checkMaxResponseSize(o.maxResponseSize, 'maxResponseSize'),
    retry: resolveRetry(o.retry, defaultRetryPolicy),
    hooks,
    hasHooks,
    debug,
    headers,
    scope: optionString(o.scope, 'scope', 'widgetcli'),
    grantType: optionString(o.grantType, 'grantType', 'password'),
    clientId: optionString(o.clientId, 'clientId', 'MAX'),
    oauthServer: o.oauthServer === undefined ? undefined : checkUrl(o.oauthServer, 'oauthServer'),
    secrets,
  }
}

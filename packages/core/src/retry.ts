import { UsageError } from './errors.js'
import { MAX_TIMEOUT } from './limits.js'
import { HTTP_METHODS, isHttpMethod } from './request.js'
import { isPlainObject, preview } from './values.js'

/** When and how often a failed request is repeated. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 2 (3 attempts in all). */
  retries?: number
  /**
   * Methods that may be retried. Default: the idempotent ones, `GET`, `HEAD`, `PUT`, `DELETE`.
   * POST is retried only when listed here.
   */
  methods?: readonly string[]
  /** Statuses that trigger a retry. Default 429, 502, 503, 504. Network errors and timeouts always do. */
  statusCodes?: readonly number[]
  /** Base delay in ms, doubled each retry, with jitter. Default 300. */
  minDelay?: number
  /** Upper bound of the computed backoff delay in ms. Default 10 000. */
  maxDelay?: number
  /**
   * Longest `Retry-After` (ms) honoured; a longer one means the response is returned as is, without
   * waiting. Default 60 000.
   */
  maxRetryAfter?: number
}

/** A {@link RetryOptions} with every field filled. */
export interface RetryPolicy {
  retries: number
  methods: ReadonlySet<string>
  statusCodes: ReadonlySet<number>
  minDelay: number
  maxDelay: number
  maxRetryAfter: number
}

const IDEMPOTENT = ['GET', 'HEAD', 'PUT', 'DELETE']
const STATUSES = [429, 502, 503, 504]

/** Default policy: 2 retries of idempotent methods. */
export const defaultRetryPolicy: RetryPolicy = Object.freeze({
  retries: 2,
  methods: new Set(IDEMPOTENT),
  statusCodes: new Set(STATUSES),
  minDelay: 300,
  maxDelay: 10_000,
  maxRetryAfter: 60_000,
})

const NO_RETRY: RetryPolicy = Object.freeze({ ...defaultRetryPolicy, retries: 0 })

/** Most retries one call may make. */
export const MAX_RETRIES = 100

const RETRY_KEYS: ReadonlySet<string> = new Set([
  'retries',
  'methods',
  'statusCodes',
  'minDelay',
  'maxDelay',
  'maxRetryAfter',
] satisfies Array<keyof RetryOptions>)

function checkDelay(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_TIMEOUT) {
    throw new UsageError(
      `retry.${name} must be a whole number of milliseconds from 0 to ${MAX_TIMEOUT}, got ${preview(String(value))}`,
    )
  }
  return value
}

function checkRetries(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_RETRIES) {
    throw new UsageError(
      `${where} must be a whole number of retries from 0 to ${MAX_RETRIES}, got ${preview(String(value))}`,
    )
  }
  return value
}

/** Resolves a `retry` option (number, object or `false`) over a base policy. */
export function resolveRetry(
  option: RetryOptions | number | false | undefined,
  base: RetryPolicy,
): RetryPolicy {
  if (option === undefined) return base
  if (option === false) return NO_RETRY
  if (typeof option === 'number') return { ...base, retries: checkRetries(option, 'retry') }
  if (!isPlainObject(option)) {
    throw new UsageError(
      `retry must be a number of retries, an object such as { retries: 2 } or false, got ${option === null ? 'null' : Array.isArray(option) ? 'an array' : typeof option}`,
    )
  }
  for (const key of Object.keys(option)) {
    if (!RETRY_KEYS.has(key)) {
      throw new UsageError(`unknown retry option "${preview(key)}"; known: ${[...RETRY_KEYS].join(', ')}`)
    }
  }
  const policy: RetryPolicy = { ...base }
  if (option.retries !== undefined) policy.retries = checkRetries(option.retries, 'retry.retries')
  if (option.methods !== undefined) {
    const methods: unknown = option.methods
    if (
      !Array.isArray(methods) ||
      methods.some((m) => typeof m !== 'string' || !isHttpMethod(m.toUpperCase()))
    ) {
      throw new UsageError(
        `retry.methods must be an array of HTTP methods among ${HTTP_METHODS.join(', ')}, e.g. ["GET", "POST"]`,
      )
    }
    policy.methods = new Set((methods as string[]).map((m) => m.toUpperCase()))
  }
  if (option.statusCodes !== undefined) {
    const codes: unknown = option.statusCodes
    if (
      !Array.isArray(codes) ||
      codes.some((s) => !Number.isInteger(s) || (s as number) < 100 || (s as number) > 599)
    ) {
      throw new UsageError('retry.statusCodes must be an array of HTTP statuses (100-599), e.g. [502, 503]')
    }
    policy.statusCodes = new Set(codes as number[])
  }
  if (option.minDelay !== undefined) policy.minDelay = checkDelay('minDelay', option.minDelay)
  if (option.maxDelay !== undefined) policy.maxDelay = checkDelay('maxDelay', option.maxDelay)
  if (option.maxRetryAfter !== undefined) {
    policy.maxRetryAfter = checkDelay('maxRetryAfter', option.maxRetryAfter)
  }
  return policy
}

/**
 * Milliseconds asked for by a `Retry-After` header (delta seconds or an HTTP date), or `undefined`
 * when absent or unreadable.
 */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined) return undefined
  const trimmed = value.trim()
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}

/**
 * Exponential backoff with jitter for retry number `retry` (1-based): a random delay between half
 * and all of `min(maxDelay, minDelay * 2^(retry-1))`, so clients that failed together spread out.
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelay, policy.minDelay * 2 ** (retry - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

/** Waits `ms`, rejecting with the signal's reason if it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason)
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal!.reason)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

import { UsageError } from './errors.js'

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

function checkDelay(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new UsageError(`retry.${name} must be a non-negative number of milliseconds, got ${String(value)}`)
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
  if (typeof option === 'number') {
    if (!Number.isInteger(option) || option < 0) {
      throw new UsageError(
        `retry must be a non-negative integer (retries), an object or false, got ${option}`,
      )
    }
    return { ...base, retries: option }
  }
  if (typeof option !== 'object' || option === null) {
    throw new UsageError(`retry must be a number, an object or false, got ${typeof option}`)
  }
  const policy: RetryPolicy = { ...base }
  if (option.retries !== undefined) {
    if (!Number.isInteger(option.retries) || option.retries < 0) {
      throw new UsageError(`retry.retries must be a non-negative integer, got ${String(option.retries)}`)
    }
    policy.retries = option.retries
  }
  if (option.methods !== undefined) {
    if (!Array.isArray(option.methods) || option.methods.some((m) => typeof m !== 'string')) {
      throw new UsageError('retry.methods must be an array of HTTP method names, e.g. ["GET", "POST"]')
    }
    policy.methods = new Set(option.methods.map((m) => m.toUpperCase()))
  }
  if (option.statusCodes !== undefined) {
    if (!Array.isArray(option.statusCodes) || option.statusCodes.some((s) => !Number.isInteger(s))) {
      throw new UsageError('retry.statusCodes must be an array of HTTP status numbers, e.g. [502, 503]')
    }
    policy.statusCodes = new Set(option.statusCodes)
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

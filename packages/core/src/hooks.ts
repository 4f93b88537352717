import { UsageError } from './errors.js'
import type { MultipartBody } from './multipart.js'
import type { MaxResponse } from './types.js'
import { isPlainObject, preview } from './values.js'

/** The request as hooks see it, just before it is handed to the transport. Hooks may change it. */
export interface HookRequest {
  method: string
  url: string
  /** Lower-case names. Contains the auth headers: treat them as secrets. */
  headers: Record<string, string>
  body?: string | Uint8Array | FormData | MultipartBody
  /** 0 for the first attempt, 1 for the first retry, ... */
  attempt: number
}

/** What a retry is about to do. */
export interface RetryInfo {
  request: HookRequest
  /** Retry number, starting at 1. */
  retry: number
  /** Milliseconds the client will wait before it. */
  delay: number
  /** The response that triggered it (429, 502, ...), if any. */
  response?: MaxResponse
  /** The error that triggered it (network failure, timeout), if any. */
  error?: Error
}

/** Called before each attempt; may modify the request (e.g. add a header). */
export type BeforeRequestHook = (request: HookRequest) => void | Promise<void>
/** Called with the final response of `send`; may return a replacement. */
export type AfterResponseHook = (
  response: MaxResponse,
  request: HookRequest,
) => undefined | MaxResponse | Promise<undefined | MaxResponse>
/** Called with every error before it is thrown; may return a replacement error. */
export type ErrorHook = (error: Error, request: HookRequest) => undefined | Error | Promise<undefined | Error>
/** Called before waiting for a retry. */
export type BeforeRetryHook = (info: RetryInfo) => void | Promise<void>

/** Functions called around each request, in the order given. */
export interface Hooks {
  beforeRequest: BeforeRequestHook[]
  afterResponse: AfterResponseHook[]
  onError: ErrorHook[]
  beforeRetry: BeforeRetryHook[]
}

/** The `hooks` option: each hook as a function or an array of functions. */
export type HooksOption = { [K in keyof Hooks]?: Hooks[K] | Hooks[K][number] }

const NAMES = ['beforeRequest', 'afterResponse', 'onError', 'beforeRetry'] as const

/** Checks a `hooks` option and copies it into fresh arrays; a single function is accepted as a list of one. */
export function normalizeHooks(option: unknown): Hooks {
  const hooks: Hooks = { beforeRequest: [], afterResponse: [], onError: [], beforeRetry: [] }
  if (option === undefined) return hooks
  if (!isPlainObject(option)) {
    throw new UsageError('hooks must be an object such as { beforeRequest: [fn], afterResponse: [fn] }')
  }
  for (const key of Object.keys(option)) {
    if (!(NAMES as readonly string[]).includes(key)) {
      throw new UsageError(`unknown hook "${preview(key)}"; known hooks: ${NAMES.join(', ')}`)
    }
  }
  for (const name of NAMES) {
    const value = (option as Record<string, unknown>)[name]
    if (value === undefined) continue
    const list = typeof value === 'function' ? [value] : value
    if (!Array.isArray(list) || list.some((fn) => typeof fn !== 'function')) {
      throw new UsageError(`hooks.${name} must be a function or an array of functions`)
    }
    ;(hooks[name] as unknown[]).push(...list)
  }
  return hooks
}

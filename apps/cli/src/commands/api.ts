import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import type { MaxCore } from '@maxclient/core'
import { catalog, type HttpMethod, matchPath, methodOf, type RouteSpec } from '@maxclient/resources'
import { resultOf, sendCall } from '../call.js'
import type { CommandContext } from '../context.js'
import { usageError } from '../errors.js'
import { buildFields, buildQueryFields, type FileReader, parseUpload, readFileOrStdin } from '../fields.js'
import { iterateItems } from '../listing.js'
import type { EndpointCall } from '../operations.js'
import { formatResult } from '../output.js'
import { nearestPaths } from '../suggest.js'

const METHODS = new Set<HttpMethod>(['GET', 'POST', 'PUT', 'DELETE', 'HEAD'])

export interface ApiOptions {
  rawField?: string[]
  field?: string[]
  query?: string[]
  data?: string
  upload?: string[]
  paginate?: boolean
  pageSize?: string
  count?: boolean
  include?: boolean
}

/** Splits the positional arguments into method and path. */
export function parseTarget(
  first: string,
  second: string | undefined,
): { method?: HttpMethod; path: string } {
  if (second === undefined) return { path: first }
  const method = first.toUpperCase() as HttpMethod
  if (!METHODS.has(method)) {
    throw usageError(`Unknown method "${first}": use GET, POST, PUT, DELETE or HEAD before the path.`)
  }
  return { method, path: second }
}

/**
 * Resolves a user path against the catalog: the route, its decoded variables and the query string
 * found in the path. Unknown paths fail with the nearest valid ones.
 */
export function resolvePath(path: string) {
  let text = path
  if (/^https?:\/\//i.test(text)) {
    const url = new URL(text)
    text = url.pathname + url.search
  }
  if (!text.startsWith('/'))
    throw usageError(`The path must start with "/", e.g. /people/:me (got "${path}").`)
  const mark = text.indexOf('?')
  const pathname = mark === -1 ? text : text.slice(0, mark)
  const search = mark === -1 ? '' : text.slice(mark + 1)
  const match = matchPath(pathname.replace(/\/+$/, '') || '/')
  if (!match) {
    const suggestions = nearestPaths(
      pathname,
      catalog.map((route) => route.pattern),
    )
    if (pathname.includes('://') || pathname.includes(':%2F%2F')) {
      throw usageError(
        `Unknown API path ${pathname}: a context URL inside a path must be percent-encoded (https%3A%2F%2Fexample.com%2Fteam) or given as its hash.`,
      )
    }
    const hint = suggestions.length
      ? ` Did you mean:\n${suggestions.map((suggestion) => `  ${suggestion}`).join('\n')}`
      : ' Run "maxcli routes" to see them all.'
    throw usageError(`Unknown API path ${pathname}: no route of the catalog matches.${hint}`)
  }
  const query: Record<string, unknown> = {}
  for (const [key, value] of new URLSearchParams(search)) {
    const existing = Object.hasOwn(query, key) ? query[key] : undefined
    query[key] =
      existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value]
  }
  return { route: match.route, params: match.params, query }
}

/** Turns the command line into an endpoint call; exported for unit tests. */
export function planApiCall(
  first: string,
  second: string | undefined,
  options: ApiOptions,
  readFile: FileReader = readFileOrStdin,
  readBytes: (path: string) => Uint8Array = (path) => readFileSync(path),
): { call: EndpointCall; deprecated?: string } {
  const target = parseTarget(first, second)
  const { route, params, query } = resolvePath(target.path)
  const fieldEntries = [
    ...(options.rawField ?? []).map((text) => ({ text, typed: false })),
    ...(options.field ?? []).map((text) => ({ text, typed: true })),
  ]
  // Keep command-line order between -f and -F is not needed: keys are distinct paths.
  const fields = buildFields(fieldEntries, readFile)
  const hasBody = fieldEntries.length > 0 || options.data !== undefined || (options.upload?.length ?? 0) > 0
  if (options.count && target.method && target.method !== 'HEAD') {
    throw usageError(`--count sends HEAD; drop ${target.method} or --count.`)
  }
  const method: HttpMethod = options.count ? 'HEAD' : (target.method ?? (hasBody ? 'POST' : 'GET'))
  const spec = methodOf(route, method)
  if (!spec) {
    const allowed = Object.keys(route.methods)
    if (route.methods.GET) allowed.push('HEAD')
    throw usageError(`${route.pattern} does not answer ${method}; it answers ${allowed.join(', ')}.`)
  }
  if (method === 'HEAD' && !spec.count) {
    const counting = (catalog as readonly RouteSpec[])
      .filter((r) => r.methods.GET?.count)
      .map((r) => r.pattern)
    throw usageError(`${route.pattern} gives no count; HEAD counts work on: ${counting.join(', ')}.`)
  }
  if (options.paginate && (method !== 'GET' || !spec.paginated)) {
    throw usageError(`--paginate works on GET of paged lists; ${method} ${route.pattern} is not one.`)
  }
  const input: Record<string, unknown> = { ...fields }
  const qs = { ...query, ...buildQueryFields(options.query ?? []) }
  if (Object.keys(qs).length > 0) input.qs = qs
  if (options.data !== undefined) {
    if (fieldEntries.length > 0) throw usageError('--data is the whole body: use it without -f/-F fields.')
    if (!options.data.startsWith('@') && options.data !== '-') {
      throw usageError('--data expects @file or - (stdin); for single fields use -f key=value.')
    }
    const text = readFile(options.data === '-' ? '-' : options.data.slice(1))
    try {
      input.data = JSON.parse(text)
    } catch (error) {
      throw usageError(`--data must be JSON: ${(error as Error).message}`)
    }
  }
  for (const text of options.upload ?? []) {
    const { field, path } = parseUpload(text)
    let bytes: Uint8Array
    try {
      bytes = readBytes(path)
    } catch (error) {
      throw usageError(`Cannot read upload ${path}: ${(error as Error).message}`)
    }
    input[field === 'file' ? 'upload_file' : `upload_file_${field}`] = { data: bytes, name: basename(path) }
  }
  const call: EndpointCall = { method, pattern: route.pattern, params }
  if (Object.keys(input).length > 0) call.input = input
  const rewrite = spec.deprecated?.rewritesTo
  return rewrite
    ? {
        call,
        deprecated: `${method} ${route.pattern} is deprecated: the server rewrites it to ${rewrite.method} ${rewrite.pattern}.`,
      }
    : { call }
}

async function streamPages(context: CommandContext, client: MaxCore, call: EndpointCall, pageSize: number) {
  const fields = context.fields
  const items: unknown[] = []
  for await (const item of iterateItems(client, call, { pageSize })) {
    if (context.json) {
      const value = fields ? JSON.parse(formatResult(item, { json: true, fields })) : item
      context.io.stdout.write(`${JSON.stringify(value)}\n`)
    } else items.push(item)
  }
  if (!context.json) context.print(items)
}

/** `maxcli api [METHOD] PATH ...` */
export async function api(
  context: CommandContext,
  first: string,
  second: string | undefined,
  options: ApiOptions,
) {
  const { call, deprecated } = planApiCall(first, second, options)
  if (deprecated) context.note(`note: ${deprecated}`)
  const { client } = await context.session()
  if (options.paginate) {
    const size = Number(options.pageSize ?? '100')
    if (!Number.isInteger(size) || size < 1)
      throw usageError(`--page-size expects a whole number from 1, got "${options.pageSize}".`)
    await streamPages(context, client, call, size)
    return
  }
  const response = await sendCall(client, call)
  if (options.include) {
    context.note(`HTTP ${response.status}`)
    for (const [name, value] of Object.entries(response.headers)) context.note(`${name}: ${value}`)
  }
  const result = resultOf(response)
  if (call.method === 'HEAD') {
    context.io.stdout.write(`${String(result)}\n`)
  } else if (result instanceof Uint8Array) {
    context.io.stdout.write(result)
  } else if (typeof result === 'string') {
    context.io.stdout.write(result.endsWith('\n') ? result : `${result}\n`)
  } else if (result !== null && result !== undefined) {
    context.io.stdout.write(
      formatResult(result, { json: true, ...(context.fields ? { fields: context.fields } : {}) }),
    )
  }
}

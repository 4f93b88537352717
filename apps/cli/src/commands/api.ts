import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { HTTP_METHODS, type MaxCore, type MaxResponse } from '@maxclient/core'
import { catalog, type HttpMethod, matchPath, methodOf, type RouteSpec } from '@maxclient/resources'
import { resultOf, sendCall } from '../call.js'
import type { CommandContext } from '../context.js'
import { arg, defineCommand, flag } from '../define.js'
import { usageError } from '../errors.js'
import { buildFields, buildQueryFields, type FileReader, parseUpload, readFileOrStdin } from '../fields.js'
import { iterateItems } from '../listing.js'
import type { EndpointCall } from '../operations.js'
import { checkFields, selectFields } from '../output.js'
import { nearestPaths } from '../suggest.js'

const METHODS = new Set<string>(HTTP_METHODS)

const apiFlags = {
  rawField: flag.list('string field; key[sub]=v nests, key[]=v appends (query parameter on GET)', {
    short: 'f',
    value: 'key=value',
  }),
  field: flag.list('typed field: true/false/null/numbers, @file, @- for stdin (query parameter on GET)', {
    short: 'F',
    value: 'key=value',
  }),
  query: flag.list('query parameter, whatever the method', { value: 'key=value' }),
  data: flag.string('raw JSON body from a file or stdin (no defaults applied)', { value: '@file|-' }),
  upload: flag.list('upload a file as multipart (form field "file" by default)', { value: '[field=]path' }),
  paginate: flag.boolean('follow the before-cursor through every page, one JSON item per line'),
  pageSize: flag.withDefault('items per page with --paginate', '100', { value: 'n' }),
  count: flag.boolean('HEAD request: print the X-totalItems count'),
  include: flag.boolean('print the status line and headers of every response to stderr', { short: 'i' }),
  dryRun: flag.boolean('print the request it would send, and send nothing'),
}

/** The options of `maxcli api`, as parsed from its declaration. */
export type ApiOptions = { [K in keyof typeof apiFlags]?: NonNullable<(typeof apiFlags)[K]['type']> }

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
  const fields = buildFields(fieldEntries, readFile)
  // As gh: fields are the query of an explicit GET (or HEAD), and the body otherwise.
  const fieldsAreQuery = target.method === 'GET' || target.method === 'HEAD' || Boolean(options.count)
  if (fieldsAreQuery && (options.data !== undefined || (options.upload?.length ?? 0) > 0)) {
    throw usageError(`${target.method ?? 'HEAD'} sends no body: drop --data/--upload or pick another method.`)
  }
  const hasBody =
    (!fieldsAreQuery && fieldEntries.length > 0) ||
    options.data !== undefined ||
    (options.upload?.length ?? 0) > 0
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
  const input: Record<string, unknown> = fieldsAreQuery ? {} : { ...fields }
  const qs = { ...query, ...(fieldsAreQuery ? fields : {}), ...buildQueryFields(options.query ?? []) }
  if (Object.keys(qs).length > 0) input.qs = qs
  if (options.data !== undefined) {
    if (fieldEntries.length > 0) throw usageError('--data is the whole body: use it without -f/-F fields.')
    if (!options.data.startsWith('@') && options.data !== '-') {
      throw usageError('--data expects @file or - (stdin); for single fields use -f key=value.')
    }
    const source = options.data === '-' ? '-' : options.data.slice(1)
    let text: string
    try {
      text = readFile(source)
    } catch (error) {
      throw usageError(`Cannot read --data ${options.data}: ${(error as Error).message}`)
    }
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
  if (!context.json || context.globals.jq !== undefined || context.format === 'csv') {
    // Tables, CSV and jq see the whole list at once.
    const items: unknown[] = []
    for await (const item of iterateItems(client, call, { pageSize })) items.push(item)
    await context.print(items)
    return
  }
  let checked = false
  for await (const item of iterateItems(client, call, { pageSize })) {
    if (fields && !checked) {
      checkFields(item, fields)
      checked = true
    }
    const value = fields ? selectFields(item, fields) : item
    context.io.stdout.write(`${JSON.stringify(value)}\n`)
  }
}

/** `-i`: the status line and headers of a response, on stderr. */
function showHeaders(context: CommandContext, response: MaxResponse) {
  context.note(context.paint.err.bold(`HTTP ${response.status}`))
  for (const [name, value] of Object.entries(response.headers)) context.note(`${name}: ${value}`)
}

export default defineCommand({
  summary: 'call any endpoint; the path is checked against the catalog',
  args: {
    methodOrPath: arg.required('GET, POST, PUT, DELETE or HEAD (default GET, or POST when a body is given)'),
    path: arg.optional('e.g. /people/:me/activities; context URLs may stand in {hash} (percent-encoded)'),
  },
  flags: apiFlags,
  examples: [
    'maxcli api /people/:me',
    'maxcli api POST /people/:me/activities -f object[content]="Hello"',
    'maxcli api GET /people -f username=ali          # -f/-F on GET are query parameters',
    'maxcli api /contexts/https%3A%2F%2Fexample.com%2Fteam/activities --paginate --jq .object.content',
    'maxcli api /people/:me/timeline --count',
    'maxcli api POST /people/:me/avatar --upload ./me.png',
  ],
  async run(context, options) {
    const { call, deprecated } = planApiCall(options.methodOrPath, options.path, options)
    if (deprecated) context.note(`note: ${deprecated}`)
    if (options.dryRun) {
      if (call.method === 'GET' || call.method === 'HEAD') {
        throw usageError('--dry-run is for requests that change something; a GET or HEAD changes nothing.')
      }
      await context.send(call, options)
      return
    }
    const { client } = await context.session(
      options.include ? { onResponse: (response) => showHeaders(context, response) } : undefined,
    )
    if (options.paginate) {
      const size = Number(options.pageSize ?? '100')
      if (!Number.isInteger(size) || size < 1)
        throw usageError(`--page-size expects a whole number from 1, got "${options.pageSize}".`)
      await streamPages(context, client, call, size)
      return
    }
    const result = resultOf(await sendCall(client, call))
    if (call.method === 'HEAD') {
      context.io.stdout.write(`${String(result)}\n`)
    } else if (result instanceof Uint8Array) {
      context.io.stdout.write(result)
    } else if (typeof result === 'string') {
      context.io.stdout.write(result.endsWith('\n') ? result : `${result}\n`)
    } else if (result !== null && result !== undefined) {
      // Any endpoint's answer is data: JSON unless another format was asked for.
      if (context.format === 'table' && context.globals.output === undefined) {
        if (context.fields) checkFields(result, context.fields)
        const output = context.fields ? selectFields(result, context.fields) : result
        if (context.globals.jq !== undefined) await context.print(result)
        else context.io.stdout.write(`${JSON.stringify(output, null, 2)}\n`)
      } else await context.print(result)
    }
  },
})

// `@maxclient/resources/openapi`: an OpenAPI 3.1 document of the whole MAX API, computed from the
// catalog (routes, methods, parameters, paging), the defaults table (request bodies) and the model
// schemas. A separate entry point, so users of the main entry never load it.

import { UsageError } from '@maxclient/core'
import { catalog } from './catalog.js'
import { defaultsFor } from './defaults.js'
import { componentSchemas, type JsonSchema, modelSchemas } from './openapi-schemas.js'
import { describe } from './params.js'
import { methodOf, routePairs } from './routes.js'
import type { HttpMethod, MethodSpec, RouteSpec } from './spec.js'
import { CONTEXT_PERMISSIONS, DEVICE_PLATFORMS, IMAGE_SIZES, SECURITY_ROLES } from './vocabulary.js'

export type { JsonSchema } from './openapi-schemas.js'

/** A server entry of the document (OpenAPI Server Object). */
export interface OpenApiServer {
  url: string
  description?: string
}

/** Options of {@link openApiDocument}. */
export interface OpenApiOptions {
  /**
   * Where "try it" requests go. Default: a local `max-mock-server` on its default port
   * (`http://127.0.0.1:8081`). The mock server passes its own origin.
   */
  servers?: readonly OpenApiServer[]
}

/** An OpenAPI 3.1 document, as plain JSON data. */
export interface OpenApiDocument {
  openapi: '3.1.0'
  info: { title: string; version: string; description: string; summary: string }
  jsonSchemaDialect: string
  servers: OpenApiServer[]
  security: Array<Record<string, string[]>>
  tags: Array<{ name: string; description: string }>
  paths: Record<string, Record<string, unknown>>
  components: {
    schemas: Record<string, JsonSchema>
    securitySchemes: Record<string, Record<string, string>>
    responses: Record<string, unknown>
    headers: Record<string, unknown>
  }
}

/** The MAX release line the catalog describes. */
export const MAX_API_VERSION = '5.3'

const DEFAULT_SERVER: OpenApiServer = {
  url: 'http://127.0.0.1:8081',
  description: 'A local max-mock-server on its default port',
}

/** The three headers MAX authenticates with, as security schemes that all apply together. */
const AUTH_SCHEMES = {
  oauthToken: { header: 'X-Oauth-Token', text: 'The OAuth access token (POST {oauth server}/token).' },
  oauthUsername: { header: 'X-Oauth-Username', text: 'The username the token was issued to.' },
  oauthScope: { header: 'X-Oauth-Scope', text: 'The token scope; MAX accepts `widgetcli`.' },
} as const

const CATEGORY_TEXT: Readonly<Record<string, string>> = {
  User: 'People: profiles and avatars.',
  Activities: 'Posts, likes, favorites and flags in timelines and contexts.',
  Comments: 'Comments on activities.',
  Contexts: 'Shared spaces, their subscribers, permissions and tags.',
  Subscriptions: 'The contexts a user follows.',
  Conversations: 'Private conversations, participants and messages.',
  Messages: 'Messages across conversations and their attachments.',
  Tokens: 'Push notification device tokens.',
  Management: 'Server info, security roles and maintenance.',
}

const OBJECT_ID = { type: 'string', pattern: '^[0-9a-f]{24}$' } as const
const SHA1 = { type: 'string', pattern: '^[0-9a-f]{40}$' } as const

/** Schema and text of a path variable, by name (and by pattern where a name means two things). */
function pathParameter(name: string, pattern: string): { schema: JsonSchema; description: string } {
  switch (name) {
    case 'username':
    case 'user':
      return { schema: { type: 'string' }, description: 'A username' }
    case 'hash':
      return pattern.startsWith('/contexts')
        ? { schema: SHA1, description: 'The SHA-1 hash of the context URL' }
        : { schema: SHA1, description: 'The id of the logged exception' }
    case 'activity':
      return { schema: OBJECT_ID, description: 'An activity id' }
    case 'comment':
      return { schema: OBJECT_ID, description: 'A comment id' }
    case 'id':
      return pattern.startsWith('/messages')
        ? { schema: OBJECT_ID, description: 'A message id' }
        : { schema: OBJECT_ID, description: 'A conversation id' }
    case 'platform':
      return { schema: { type: 'string', enum: DEVICE_PLATFORMS }, description: 'A device platform' }
    case 'permission':
      return { schema: { type: 'string', enum: CONTEXT_PERMISSIONS }, description: 'A context permission' }
    case 'role':
      return { schema: { type: 'string', enum: SECURITY_ROLES }, description: 'A global security role' }
    case 'size':
      return pattern.includes('/image/')
        ? { schema: { type: 'string', enum: IMAGE_SIZES }, description: 'The image size' }
        : { schema: { type: 'string' }, description: 'The avatar size' }
    case 'token':
      return { schema: { type: 'string' }, description: 'A device token' }
    case 'tag':
      return { schema: { type: 'string' }, description: 'A context tag' }
    default:
      return { schema: { type: 'string' }, description: `The ${name}` }
  }
}

/** The shared list parameters MAX reads on methods that take search parameters. */
function searchParameters(spec: MethodSpec): Array<Record<string, unknown>> {
  const paging = spec.pagination
  const cursor = paging
    ? `the \`${paging.cursor}\` of the ${paging.order === 'oldest-first' ? 'first' : 'last'} item of the previous page`
    : 'an item id'
  return [
    {
      name: 'limit',
      in: 'query',
      description: 'Items per page; 0 answers every item.',
      schema: { type: 'integer', minimum: 0, default: 10 },
    },
    {
      name: 'before',
      in: 'query',
      description: `Answer the items before this cursor: ${cursor}.`,
      schema: { type: 'string' },
    },
    {
      name: 'after',
      in: 'query',
      description: 'Answer the items after this cursor.',
      schema: { type: 'string' },
    },
  ]
}

function parameters(route: RouteSpec, spec: MethodSpec): Array<Record<string, unknown>> {
  const list: Array<Record<string, unknown>> = route.params.map((name) => ({
    name,
    in: 'path',
    required: true,
    ...pathParameter(name, route.pattern),
  }))
  const search = spec.searchParams ? searchParameters(spec) : []
  const seen = new Set(search.map((p) => p.name))
  for (const param of spec.queryParams) {
    if (seen.has(param.name)) continue
    seen.add(param.name)
    list.push({
      name: param.name,
      in: 'query',
      required: param.required,
      schema: { type: 'string' },
      ...(param.example === undefined ? {} : { example: param.example }),
    })
  }
  return [...list, ...search]
}

function requestBody(route: RouteSpec, method: HttpMethod, spec: MethodSpec): Record<string, unknown> {
  const file = { type: 'string', format: 'binary', contentMediaType: 'application/octet-stream' }
  // The avatar form: the server reads the first form field as the file, so no JSON body at all.
  if (spec.uploadForm === 'file') {
    const schema = { type: 'object', required: ['file'], properties: { file } }
    return { required: true, content: { 'multipart/form-data': { schema } } }
  }
  const defaults = defaultsFor(route.pattern, method)
  const json: Record<string, unknown> = {
    schema: {
      type: 'object',
      additionalProperties: true,
      ...(defaults
        ? {
            default: defaults,
            description: 'The maxclient clients send these fields unless a call overrides them (deep merge).',
          }
        : {}),
    },
    example: defaults ?? {},
  }
  const content: Record<string, unknown> = { 'application/json': json }
  if (spec.upload) {
    const jsonData = {
      type: 'string',
      contentMediaType: 'application/json',
      description: 'The JSON body, as text',
    }
    content['multipart/form-data'] = {
      schema: { type: 'object', required: ['json_data'], properties: { json_data: jsonData, file } },
    }
  }
  return { required: false, content }
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  204: 'No content',
}

function responses(spec: MethodSpec): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const status of spec.successStatus) {
    const text =
      status === 200 && spec.successStatus.includes(201) ? 'OK: it already existed' : STATUS_TEXT[status]
    const response: Record<string, unknown> = { description: text ?? `HTTP ${status}` }
    const model = spec.model === undefined ? undefined : modelSchemas[spec.model]
    if (spec.model === 'binary') {
      response.content = { '*/*': { schema: { type: 'string', format: 'binary' } } }
    } else if (spec.list) {
      const items = spec.model === 'none' || model === undefined ? undefined : model
      response.content = {
        'application/json': { schema: items ? { type: 'array', items } : { type: 'array', maxItems: 0 } },
      }
      if (spec.paginated)
        response.headers = { 'X-Has-Remaining-Items': { $ref: '#/components/headers/HasRemaining' } }
    } else if (model !== undefined) {
      response.content = { 'application/json': { schema: model } }
    }
    result[String(status)] = response
  }
  result['4XX'] = { $ref: '#/components/responses/Error' }
  return result
}

function describeOperation(route: RouteSpec, method: HttpMethod, spec: MethodSpec): string {
  const lines = [
    spec.permission === 'Anonymous'
      ? 'Public: no authentication.'
      : `Permission: \`${spec.permission}\` (${spec.permissionLabel}).`,
  ]
  if (spec.deprecated) {
    const to = spec.deprecated.rewritesTo
    lines.push(`Deprecated request form: the server rewrites it to \`${to.method} ${to.pattern}\`.`)
  }
  if (spec.pagination) {
    const p = spec.pagination
    lines.push(
      `Paginated with \`limit\` + \`before\`: pages are ${p.order}, the cursor is each item's \`${p.cursor}\`.`,
    )
    for (const mode of p.modes ?? []) lines.push(`With \`${mode.param}\`: ${mode.note}.`)
  }
  if (spec.count) lines.push('HEAD answers the total in `X-totalItems`.')
  if (spec.upload)
    lines.push(
      spec.uploadForm === 'file'
        ? 'Takes a multipart form with the file part alone.'
        : 'Takes a multipart form: `json_data` (the JSON body) and the file.',
    )
  if (route.actorNotRequired.includes(method)) lines.push('The actor need not exist yet.')
  return lines.join('\n\n')
}

function operation(route: RouteSpec, method: HttpMethod, spec: MethodSpec): Record<string, unknown> {
  const op: Record<string, unknown> = {
    tags: [route.category],
    summary: spec.summary,
    description: describeOperation(route, method, spec),
    operationId: `${method.toLowerCase()}_${route.id}`,
  }
  const params = parameters(route, spec)
  if (params.length > 0) op.parameters = params
  if (method === 'POST' || method === 'PUT') op.requestBody = requestBody(route, method, spec)
  op.responses = responses(spec)
  if (spec.permission === 'Anonymous') op.security = []
  if (spec.deprecated || route.deprecated) op.deprecated = true
  if (spec.pagination) op['x-pagination'] = spec.pagination
  return op
}

function countOperation(route: RouteSpec, spec: MethodSpec): Record<string, unknown> {
  const op: Record<string, unknown> = {
    tags: [route.category],
    summary: `Count: ${spec.summary.charAt(0).toLowerCase()}${spec.summary.slice(1)}`,
    description: 'The total of the GET list, in `X-totalItems`; `limit` is ignored.',
    operationId: `head_${route.id}`,
  }
  const params = parameters(route, spec)
  if (params.length > 0) op.parameters = params
  op.responses = {
    200: { description: 'OK', headers: { 'X-totalItems': { $ref: '#/components/headers/TotalItems' } } },
    '4XX': { description: 'The request failed (HEAD answers carry no body)' },
  }
  if (spec.permission === 'Anonymous') op.security = []
  return op
}

function checkOptions(options: unknown): OpenApiServer[] {
  if (options === undefined) return [{ ...DEFAULT_SERVER }]
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new UsageError(
      `openApiDocument options must be an object like { servers: [...] }, got ${describe(options)}`,
    )
  for (const key of Object.keys(options))
    if (key !== 'servers')
      throw new UsageError(`Unknown openApiDocument option '${key}'; the only option is 'servers'`)
  const { servers } = options as OpenApiOptions
  if (servers === undefined) return [{ ...DEFAULT_SERVER }]
  if (!Array.isArray(servers) || servers.length === 0)
    throw new UsageError(
      `openApiDocument servers must be a non-empty array of { url, description? }, got ${describe(servers)}`,
    )
  return servers.map((server: unknown, i) => {
    const url = (server as OpenApiServer | null)?.url
    if (typeof url !== 'string' || !URL.canParse(url))
      throw new UsageError(
        `openApiDocument servers[${i}].url must be an absolute URL such as 'https://max.example.com'`,
      )
    const description = (server as OpenApiServer).description
    if (description !== undefined && typeof description !== 'string')
      throw new UsageError(`openApiDocument servers[${i}].description must be a string`)
    return description === undefined ? { url } : { url, description }
  })
}

/**
 * The OpenAPI 3.1 document of the MAX API: every route–method pair of the catalog (deprecated
 * request forms marked `deprecated`), HEAD where a GET counts, path and query parameters, the
 * list parameters where MAX reads them, request bodies carrying the endpoint defaults, response
 * schemas from the models, and the `X-Oauth-*` headers as security schemes. A fresh object on
 * every call.
 *
 * @throws {@link @maxclient/core!UsageError | UsageError} for bad options.
 *
 * @example
 * ```ts
 * import { openApiDocument } from '@maxclient/resources/openapi'
 * writeFileSync('max.openapi.json', JSON.stringify(openApiDocument({ servers: [{ url: 'https://max.example.com' }] })))
 * ```
 */
export function openApiDocument(options?: OpenApiOptions): OpenApiDocument {
  const servers = checkOptions(options)
  const paths: Record<string, Record<string, unknown>> = {}
  const categories: string[] = []
  for (const { route, method } of routePairs({ deprecated: true })) {
    const spec = methodOf(route, method)!
    paths[route.pattern] ??= {}
    const item = paths[route.pattern]!
    item[method.toLowerCase()] = operation(route, method, spec)
    if (method === 'GET' && spec.count) item.head = countOperation(route, spec)
    if (!categories.includes(route.category)) categories.push(route.category)
  }
  const auth = Object.fromEntries(
    Object.entries(AUTH_SCHEMES).map(([name, { header, text }]) => [
      name,
      { type: 'apiKey', in: 'header', name: header, description: text },
    ]),
  )
  const document: OpenApiDocument = {
    openapi: '3.1.0',
    info: {
      title: 'MAX API',
      version: MAX_API_VERSION,
      summary: "MAX (Motor d'Activitat en Xarxa), UPCnet's activity-stream and social server",
      description:
        'Generated by @maxclient/resources from its route catalog. Authenticated calls send three ' +
        'headers: `X-Oauth-Token`, `X-Oauth-Username` and `X-Oauth-Scope: widgetcli`; the token comes ' +
        'from the OAuth server named by `GET /info` (`max.oauth_server`), `POST {oauth}/token` with a password grant.',
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    servers,
    security: [Object.fromEntries(Object.keys(AUTH_SCHEMES).map((name) => [name, []]))],
    tags: categories.map((name) => ({ name, description: CATEGORY_TEXT[name] ?? name })),
    paths,
    components: {
      schemas: { ...componentSchemas },
      securitySchemes: auth,
      responses: {
        Error: {
          description: 'MAX error',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      },
      headers: {
        TotalItems: { description: 'How many items the list holds', schema: { type: 'integer', minimum: 0 } },
        HasRemaining: {
          description: 'Sent as `1` by some lists (people, conversation messages) while more items remain',
          schema: { type: 'string' },
        },
      },
    },
  }
  // Parts are shared constants: the caller gets its own copy to change.
  return structuredClone(document)
}

/** The route categories of the catalog, in catalog order (the tags of the document). */
export function apiCategories(): string[] {
  return [...new Set((catalog as readonly RouteSpec[]).map((route) => route.category))]
}

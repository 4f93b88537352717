import { type HttpMethod, matchPath, methodOf, sha1Hex } from '@maxclient/resources'
import type { Ctx, UploadedFile } from './context.js'
import { json } from './context.js'
import { preflight, withCors } from './cors.js'
import { docsResponse } from './docs.js'
import { ensurePerson } from './domain.js'
import { FrameworkPage, MaxApiError, unknownUser } from './errors.js'
import { handlers } from './handlers/index.js'
import type { MockSnapshot } from './model.js'
import { handleHub, handleOAuth, issueToken, type OAuthConfig, tokenIsValid } from './oauth.js'
import { HUB_PREFIX, type MockOptions, OAUTH_PREFIX } from './options.js'
import { goneResponse, notFoundPage } from './pages.js'
import { createRealtimePublisher, type InternalRealtime, type MockRealtime } from './realtime/publisher.js'
import { overriddenMethod, rewriteDeprecated } from './rewrites.js'
import { Store } from './store.js'
import { formatDate } from './text.js'
import { personView } from './views.js'

/** The in-process MAX server: a fetch-style handler plus state controls. */
export interface MockHandler {
  /** Answers one request; also callable like `fetch(url, init)`. */
  (input: Request | string | URL, init?: RequestInit): Promise<Response>
  /** Back to the state right after start (seeded users and managers). */
  reset(): void
  /** A deep copy of the whole state, as plain JSON data. */
  snapshot(): MockSnapshot
  /** Replaces the state with a snapshot (throws TypeError for something that is not one). */
  restore(snapshot: MockSnapshot): void
  /** Issues an OAuth token for `username` without a password (handy in tests). */
  issueToken(username: string): string
  /** The broker side, present when started with the `amqp` option. */
  realtime?: MockRealtime
}

const ALLOWED_SCOPE = 'widgetcli'
const AUTH_HEADERS = ['X-Oauth-Token', 'X-Oauth-Username', 'X-Oauth-Scope'] as const

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function checkOptions(options: MockOptions): void {
  const fail = (what: string) => {
    throw new TypeError(`Invalid mock-server option: ${what}`)
  }
  if (options.users !== undefined) {
    if (!isObject(options.users)) fail('users must be an object of {username: password}')
    for (const [name, password] of Object.entries(options.users ?? {}))
      if (typeof password !== 'string' || name.trim() === '')
        fail(`users.${name} must map a non-empty username to a password string`)
  }
  if (
    options.managers !== undefined &&
    (!Array.isArray(options.managers) || options.managers.some((m) => typeof m !== 'string' || m === ''))
  )
    fail('managers must be an array of usernames')
  if (options.clock !== undefined && typeof options.clock !== 'function')
    fail('clock must be a function returning a Date')
  if (options.hub !== undefined && !isObject(options.hub?.domains))
    fail('hub must be {domains: {domain: maxUrl}}')
}

/** Request body as MAX reads it: multipart fields, or JSON (anything unparsable is `{}`). */
async function readBody(
  request: Request,
  bytes: Uint8Array,
): Promise<{ body: unknown; files: UploadedFile[]; form?: URLSearchParams }> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase()
  if (bytes.byteLength === 0) return { body: {}, files: [] }
  if (type.startsWith('multipart/form-data')) {
    let form: FormData
    try {
      form = await new Response(bytes as Uint8Array<ArrayBuffer>, {
        headers: { 'content-type': request.headers.get('content-type')! },
      }).formData()
    } catch {
      return { body: {}, files: [] }
    }
    const files: UploadedFile[] = []
    let body: unknown = {}
    for (const [field, value] of form) {
      if (typeof value === 'string') {
        if (field === 'json_data') body = parseJson(value)
        continue
      }
      const file: UploadedFile = {
        field,
        mimetype: value.type || 'application/octet-stream',
        bytes: new Uint8Array(await value.arrayBuffer()),
      }
      if (value.name) file.filename = value.name
      files.push(file)
    }
    return { body, files }
  }
  const text = new TextDecoder().decode(bytes)
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const form = new URLSearchParams(text)
    return { body: parseJson(text), files: [], form }
  }
  const body = parseJson(text)
  // The base64 JSON variant a mobile app uses: {data: {json_data, file}}.
  if (isObject(body) && isObject(body.data) && typeof body.data.json_data === 'string') {
    const files: UploadedFile[] = []
    if (typeof body.data.file === 'string')
      files.push({
        field: 'file',
        mimetype: 'application/octet-stream',
        bytes: Buffer.from(body.data.file, 'base64'),
      })
    return { body: parseJson(body.data.json_data), files }
  }
  return { body, files: [] }
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text) as unknown
  } catch {
    return {}
  }
}

function errorResponse(error: MaxApiError): Response {
  return json(error.status, { objectType: 'error', error: error.error, error_description: error.description })
}

/** Authentication exactly as MAX reads it; returns the username or throws 401. */
function authenticate(store: Store, headers: Headers, url: URL): string {
  const token = headers.get('x-oauth-token') ?? ''
  const username = (headers.get('x-oauth-username') ?? '').toLowerCase()
  const scope = headers.get('x-oauth-scope') ?? ''
  if (token === '' || username === '') {
    const inUrl = AUTH_HEADERS.some((h) => url.searchParams.has(h))
    throw new MaxApiError(
      401,
      'Unauthorized',
      inUrl
        ? 'No auth headers found. Auth headers were found in the URL: send them as X-Oauth-* request headers instead.'
        : 'No auth headers found.',
    )
  }
  if (scope !== ALLOWED_SCOPE)
    throw new MaxApiError(401, 'Unauthorized', 'The specified scope is not allowed for this resource.')
  if (!tokenIsValid(store, token, username)) throw new MaxApiError(401, 'Unauthorized', 'Invalid token.')
  return username
}

/**
 * Creates the in-process MAX server: `(Request) => Promise<Response>`, with no socket. Use it
 * as the `fetch` of a client, or mount it in any server that speaks web Requests.
 *
 * - MAX API at the origin root; OAuth at `/oauth` (`POST /oauth/token`, `POST /oauth/checktoken`);
 *   hub discovery at `GET /hub/info`.
 * - Every route–method pair of the `@maxclient/resources` catalog is served; anything else is a
 *   non-JSON 404 page, as on MAX.
 */
export function createMockHandler(options: MockOptions = {}): MockHandler {
  checkOptions(options)
  const clock = options.clock ?? (() => new Date())
  const store = new Store(clock)
  const users = new Map(
    Object.entries(options.users ?? {}).map(([name, password]) => [name.toLowerCase(), password]),
  )
  const oauth: OAuthConfig = { users, open: options.open ?? options.users === undefined }
  const managers = (options.managers ?? ['admin']).map((m) => m.toLowerCase())
  const serverId = options.serverId ?? 'mock'

  store.securityId = store.newId()
  for (const name of new Set([...managers, ...users.keys()])) ensurePerson(store, name, name)
  for (const name of managers) store.roles.Manager.add(name)
  const initial = store.snapshot()
  const realtime = options.amqp
    ? (createRealtimePublisher(options.amqp, store) as MockRealtime & InternalRealtime)
    : undefined

  const handle = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    let request: Request
    try {
      request = input instanceof Request && init === undefined ? input : new Request(input, init)
    } catch (error) {
      throw new TypeError(`The mock handler needs a Request or an absolute URL: ${(error as Error).message}`)
    }
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return notFoundPage(request, '/')
    }
    const cors = preflight(request)
    if (cors) return cors
    try {
      return await route(request, url).finally(() => realtime?.syncTokens())
    } catch (error) {
      if (error instanceof MaxApiError) return errorResponse(error)
      if (error instanceof FrameworkPage)
        return error.status === 404 ? notFoundPage(request, error.path) : goneResponse(error.path)
      return serverError(request, url, error)
    }
  }

  /** An unexpected failure: logged like MAX does, answered as a 500 that points at the log entry. */
  const serverError = (request: Request, url: URL, error: unknown): Response => {
    const date = formatDate(store.now())
    const traceback = error instanceof Error ? (error.stack ?? error.message) : String(error)
    const id = sha1Hex(`${date} ${request.method} ${url.pathname} ${traceback} ${store.exceptions.size}`)
    store.exceptions.set(id, { id, date, request: `${request.method} ${url.pathname}`, traceback })
    return errorResponse(
      new MaxApiError(
        500,
        'ServerError',
        `Your error has been logged at ${url.origin}/exceptions/${id}. Please contact the system admin.`,
      ),
    )
  }

  const route = async (request: Request, url: URL): Promise<Response> => {
    const path = url.pathname
    const docs = await docsResponse(request, url)
    if (docs) return docs
    if (path === OAUTH_PREFIX || path.startsWith(`${OAUTH_PREFIX}/`)) {
      return (
        (await handleOAuth(store, oauth, path.slice(OAUTH_PREFIX.length), request)) ??
        notFoundPage(request, path)
      )
    }
    if (path === HUB_PREFIX || path.startsWith(`${HUB_PREFIX}/`)) {
      const domains = options.hub?.domains ?? { mock: url.origin }
      return handleHub(path.slice(HUB_PREFIX.length), request, domains) ?? notFoundPage(request, path)
    }
    const originalMethod = request.method.toUpperCase()
    const bytes =
      originalMethod === 'GET' || originalMethod === 'HEAD'
        ? new Uint8Array()
        : new Uint8Array(await request.arrayBuffer())
    const { body: rawBody, files, form } = await readBody(request, bytes)
    let headers = request.headers
    const method = overriddenMethod(originalMethod, headers, url.searchParams, form)
    if (method === 'GET' && originalMethod === 'POST' && form) {
      // A tunnelled GET carries its auth in form fields; MAX copies them into the headers.
      headers = new Headers(headers)
      for (const name of AUTH_HEADERS) {
        const value = form.get(name)
        if (value !== null) headers.set(name, value)
      }
    }
    if (path === '/' && (method === 'GET' || method === 'HEAD')) {
      return new Response(method === 'HEAD' ? null : 'I am a max server', {
        headers: { 'content-type': 'text/plain; charset=UTF-8' },
      })
    }
    const rewritten = rewriteDeprecated({ method, path, body: rawBody })
    const match = matchPath(rewritten.path)
    if (!match) return notFoundPage(request, path)
    const spec = methodOf(match.route, rewritten.method as HttpMethod)
    const handler = handlers.get(
      `${rewritten.method === 'HEAD' ? 'GET' : rewritten.method} ${match.route.pattern}`,
    )
    if (!spec || spec.deprecated || !handler) return notFoundPage(request, path)

    const me = spec.permission === 'Anonymous' ? '' : authenticate(store, headers, url)
    const body = rewritten.body
    const ctx: Ctx = {
      store,
      headers,
      url,
      method: rewritten.method as HttpMethod,
      route: match.route,
      spec,
      params: match.params,
      query: url.searchParams,
      body,
      files,
      me,
      actor: me,
      origin: url.origin,
      server: { oauthUrl: `${url.origin}${OAUTH_PREFIX}`, serverId },
    }
    resolveActor(ctx)
    const response = await handler(ctx)
    await realtime?.afterRequest(ctx, response)
    if (rewritten.deviceTokenForm && response.status < 300) {
      // The old device-token form answers the actor profile instead of the token.
      const person = store.people.get(ctx.actor)
      return json(response.status, person ? personView(store, person, me) : {})
    }
    if (ctx.method === 'HEAD' && response.body !== null)
      return new Response(null, { status: response.status, headers: response.headers })
    return response
  }

  /**
   * The actor, as MAX resolves it: the path `{username}`, else (POST/PUT) the body actor or
   * `username`, else the authenticated user. It must exist unless the route says otherwise.
   */
  const resolveActor = (ctx: Ctx): void => {
    let actor = ctx.params.username?.toLowerCase()
    if (actor === undefined && (ctx.method === 'POST' || ctx.method === 'PUT') && isObject(ctx.body)) {
      const bodyActor = ctx.body.actor
      if (isObject(bodyActor) && typeof bodyActor.username === 'string')
        actor = bodyActor.username.toLowerCase()
      else if (isObject(bodyActor) && typeof bodyActor.url === 'string')
        ctx.actorContext = sha1Hex(bodyActor.url)
      else if (typeof ctx.body.username === 'string') actor = ctx.body.username.toLowerCase()
    }
    ctx.actor = actor ?? ctx.me
    if (ctx.actor === '' || ctx.route.actorNotRequired.includes(ctx.method === 'HEAD' ? 'GET' : ctx.method))
      return
    // MAX finds the conversation of the path before it looks the actor up.
    const conversationId = ctx.route.pattern.startsWith('/conversations/{id}') ? ctx.params.id : undefined
    if (
      conversationId !== undefined &&
      /^[0-9a-f]{24}$/.test(conversationId) &&
      !store.conversations.has(conversationId)
    )
      throw new MaxApiError(
        404,
        'ObjectNotFound',
        `Object with _id ${conversationId} not found inside conversations`,
      )
    if (!store.people.has(ctx.actor)) throw unknownUser(ctx.actor)
    if (ctx.actorContext !== undefined && !store.contexts.has(ctx.actorContext))
      throw new MaxApiError(400, 'UnknownUserError', `Unknown actor identified by: ${ctx.actorContext}`)
  }

  return Object.assign(withCors(handle), {
    realtime,
    reset: () => {
      // Ids keep growing and issued tokens stay valid, so clients holding either are not confused.
      const { ids, oauthTokens } = store
      store.restore(initial)
      store.ids = ids
      store.oauthTokens = oauthTokens
    },
    snapshot: () => store.snapshot(),
    restore: (snapshot: MockSnapshot) => store.restore(snapshot),
    issueToken: (username: string) => {
      if (typeof username !== 'string' || username === '')
        throw new TypeError('issueToken needs a non-empty username')
      return issueToken(store, username.toLowerCase())
    },
  })
}

import { MaxCore, type MaxRequest, type MaxResponse, paginate, UsageError } from '@maxclient/core'
import {
  buildRequest,
  type CallInput,
  CONTEXT_PERMISSIONS,
  type ContextPermission,
  contextHash,
  DEVICE_PLATFORMS,
  type DefaultsTable,
  IMAGE_SIZES,
  type MethodsOf,
  ownDefaultsTable,
  type Pattern,
  type PermissionPolicy,
  paginationFor,
  type ResponseOf,
  SECURITY_ROLES,
  type UploadInput,
} from '@maxclient/resources'
import { fields, flag, oneOf, optionalCount, optionalText, options, text, textList } from './arguments.js'
import { type RpcMethodName, rpcMethods } from './methods.js'
import { toResult } from './result.js'
import type {
  AddTokenOptions,
  AddUserOptions,
  BodyOptions,
  CallOptions,
  ConversationOptions,
  IterateOptions,
  ListOptions,
  MessageOptions,
  PermissionOptions,
  PostOptions,
  ReadOptions,
  RpcClientOptions,
  RpcResult,
  SearchQuery,
} from './types.js'

type Spec<N extends RpcMethodName> = (typeof rpcMethods)[N]

/** The content a successful call of method `N` resolves to: the catalog's response type, or the count. */
export type RpcContent<N extends RpcMethodName> = Spec<N>['method'] extends 'HEAD'
  ? number
  : ContentOf<Spec<N>['pattern'], Spec<N>['method']>

type ContentOf<P, M> = P extends Pattern ? (M extends MethodsOf<P> ? ResponseOf<P, M> : never) : never

/** What method `N` resolves to. */
export type RpcReturn<N extends RpcMethodName> = Promise<RpcResult<RpcContent<N>>>

/** One item of the list method `N` answers. */
export type RpcItem<N extends RpcMethodName> = RpcContent<N> extends readonly (infer T)[] ? T : never

const CALL = ['signal', 'timeout', 'retry', 'headers'] as const
const LIST = [...CALL, 'query'] as const
const BODY = [...CALL, 'fields'] as const
const POST = [...BODY, 'file'] as const
const ITERATE = [...CALL, 'query', 'pageSize', 'max'] as const

/** What one call sends, before it becomes a core request. */
interface Call {
  params?: Record<string, string>
  /**
   * JSON body fields, expanded, checked and merged over the endpoint defaults by `buildRequest`;
   * several sets (the built body, then `options.fields`) merge strictly.
   */
  body?: Record<string, unknown> | readonly Record<string, unknown>[]
  /** A body that is not an object (the tag list). */
  rawBody?: unknown
  query?: object | undefined
  file?: UploadInput | undefined
  options?: CallOptions
}

/**
 * The RPC-style MAX client: one method per endpoint, each resolving to `[ok, status, content]`.
 *
 * Failures the server answers also resolve (`[false, 404, { error, error_description }]`); bad
 * arguments throw {@link @maxclient/core!UsageError | UsageError} and network failures throw `RequestError` (status 0). Auth,
 * discovery, retries, timeouts, hooks and debug come from `MaxCore`.
 *
 * @example
 * ```ts
 * const client = new MaxClient('https://max.example.org', { oauthServer: 'https://oauth.example.org' })
 * await client.login('alice', password)
 * const [ok, status, me] = await client.getUser()
 * ```
 */
export class MaxClient extends MaxCore {
  readonly #defaults: DefaultsTable | undefined

  /**
   * @param url - MAX server base URL.
   * @param clientOptions - core options plus `defaults` (see {@link RpcClientOptions}).
   * @throws {@link @maxclient/core!UsageError | UsageError} when the URL or an option is invalid.
   */
  constructor(url: string, clientOptions: RpcClientOptions = {}) {
    const { defaults, ...core } =
      typeof clientOptions === 'object' && clientOptions !== null ? clientOptions : ({} as RpcClientOptions)
    super(url, typeof clientOptions === 'object' && clientOptions !== null ? core : clientOptions)
    this.#defaults = defaults === undefined ? undefined : ownDefaultsTable(defaults)
  }

  // ---------------------------------------------------------------- plumbing

  #username(method: string, username: unknown): string {
    if (username !== undefined) return text(method, 'username', username)
    const actor = this.actor
    if (!actor) {
      throw new UsageError(
        `${method}(): no username given and no actor set; pass a username, or log in / call setActor() first`,
      )
    }
    return actor
  }

  #request(name: RpcMethodName, call: Call): MaxRequest {
    const spec = rpcMethods[name]
    const input: CallInput = {}
    if (call.query !== undefined) input.qs = call.query as Record<string, unknown>
    if (call.rawBody !== undefined) input.data = call.rawBody
    if (call.file !== undefined) input.upload_file = call.file
    const built = buildRequest({
      pattern: spec.pattern,
      method: spec.method,
      params: call.params ?? {},
      input,
      // Body fields go apart from `input`, so a caller key is never read as qs, data or upload_file.
      fields: call.body,
      // RPC fields are named as the server spells them; dotted keys still expand.
      expandUnderscores: false,
      actor: this.actor,
      defaults: this.#defaults,
    })
    const request: MaxRequest = { method: built.method, path: built.path, auth: built.auth }
    if (built.query !== '') request.query = built.query
    if (built.body !== undefined) request.body = built.body
    const { signal, timeout, retry, headers } = call.options ?? {}
    if (signal !== undefined) request.signal = signal
    if (timeout !== undefined) request.timeout = timeout
    if (retry !== undefined) request.retry = retry
    if (headers !== undefined) request.headers = headers
    return request
  }

  async #call<N extends RpcMethodName>(name: N, call: Call): RpcReturn<N> {
    return this.#send<N>(this.#request(name, call))
  }

  async #send<N extends RpcMethodName>(request: MaxRequest): RpcReturn<N> {
    const response: MaxResponse = await this.send(request)
    return toResult(response) as RpcResult<RpcContent<N>>
  }

  #iterate<N extends RpcMethodName>(
    name: N,
    method: string,
    params: Record<string, string>,
    iterateOptions: IterateOptions | undefined,
  ): AsyncIterable<RpcItem<N>> {
    const o = options(method, iterateOptions, ITERATE)
    const query =
      o.query === undefined ? undefined : (fields(method, 'options.query', o.query) as SearchQuery)
    for (const driven of ['limit', 'before'] as const) {
      if (query && Object.hasOwn(query, driven)) {
        throw new UsageError(
          `${method}(): the iterator drives '${driven}' itself; use pageSize for the page size and max to stop early`,
        )
      }
    }
    const request = this.#request(name, { params, query, options: o })
    // The catalog knows each list's cursor field and page order (and which queries change them).
    const paging = paginationFor<RpcItem<N>>(rpcMethods[name].pattern, 'GET', request.query)
    return paginate<RpcItem<N>>(this, request, {
      ...paging,
      ...(o.pageSize === undefined ? {} : { pageSize: o.pageSize }),
      ...(o.max === undefined ? {} : { max: o.max }),
    })
  }

  // ---------------------------------------------------------------- users

  /** Searches the people visible to you (`GET /people`). */
  async getUsers(opts?: ListOptions): RpcReturn<'getUsers'> {
    const o = options('getUsers', opts, LIST)
    return this.#call('getUsers', { query: o.query as SearchQuery | undefined, options: o })
  }

  /** Iterates every person `GET /people` finds, page by page. */
  iterateUsers(opts?: IterateOptions): AsyncIterable<RpcItem<'getUsers'>> {
    return this.#iterate('getUsers', 'iterateUsers', {}, opts)
  }

  /**
   * Creates a user (`POST /people`); answers 201, or 200 with the user that already existed.
   * @param properties - profile fields such as `{ displayName }`.
   */
  async addUser(
    username: string,
    properties?: { displayName?: string; twitterUsername?: string; [field: string]: unknown },
    opts?: AddUserOptions,
  ): RpcReturn<'addUser'> {
    const o = options('addUser', opts, [...BODY, 'notifications'])
    const name = text('addUser', 'username', username)
    const props = properties === undefined ? {} : fields('addUser', 'properties', properties)
    if (props.username !== undefined && props.username !== name) {
      throw new UsageError(
        `addUser(): properties.username ${JSON.stringify(props.username)} differs from the username argument "${name}"; give it once`,
      )
    }
    const body = { ...props, username: name }
    const notifications =
      o.notifications === undefined ? undefined : flag('addUser', 'notifications', o.notifications)
    return this.#call('addUser', {
      body: withFields('addUser', body, o.fields),
      query: notifications === undefined ? undefined : { notifications },
      options: o,
    })
  }

  /** Reads a user profile (`GET /people/{username}`); the actor's own when `username` is omitted. */
  async getUser(username?: string, opts?: ReadOptions): RpcReturn<'getUser'> {
    const o = options('getUser', opts, LIST)
    return this.#call('getUser', {
      params: { username: this.#username('getUser', username) },
      query: o.query,
      options: o,
    })
  }

  /** Updates profile fields of a user (`PUT /people/{username}`). */
  async modifyUser(
    username: string,
    properties: { displayName?: string; twitterUsername?: string; [field: string]: unknown },
    opts?: BodyOptions,
  ): RpcReturn<'modifyUser'> {
    const o = options('modifyUser', opts, BODY)
    return this.#call('modifyUser', {
      params: { username: text('modifyUser', 'username', username) },
      body: withFields('modifyUser', fields('modifyUser', 'properties', properties), o.fields),
      options: o,
    })
  }

  /** Deletes a user (`DELETE /people/{username}`). */
  async deleteUser(username: string, opts?: CallOptions): RpcReturn<'deleteUser'> {
    const o = options('deleteUser', opts, CALL)
    return this.#call('deleteUser', {
      params: { username: text('deleteUser', 'username', username) },
      options: o,
    })
  }

  /**
   * Uploads the avatar of a user (`POST /people/{username}/avatar`, multipart). The file name is the
   * caller's (a `File`'s name, or `{ data, name }`).
   */
  async postAvatar(username: string, image: UploadInput, opts?: CallOptions): RpcReturn<'postAvatar'> {
    const o = options('postAvatar', opts, CALL)
    if (image === undefined || image === null) {
      throw new UsageError('postAvatar(): image must be a Blob/File, bytes, a stream or { data, name, type }')
    }
    // The catalog gives this route the file-only form: MAX reads the first form field as the image.
    return this.#call('postAvatar', {
      params: { username: text('postAvatar', 'username', username) },
      file: image,
      options: o,
    })
  }

  /** Downloads the avatar of a user (PNG bytes); the actor's when `username` is omitted. */
  async getUserAvatar(username?: string, opts?: CallOptions): RpcReturn<'getUserAvatar'> {
    const o = options('getUserAvatar', opts, CALL)
    return this.#call('getUserAvatar', {
      params: { username: this.#username('getUserAvatar', username) },
      options: o,
    })
  }

  /** Downloads a named size of a user avatar (`large`). */
  async getUserAvatarSize(
    username: string,
    size: string,
    opts?: CallOptions,
  ): RpcReturn<'getUserAvatarSize'> {
    const o = options('getUserAvatarSize', opts, CALL)
    return this.#call('getUserAvatarSize', {
      params: {
        username: text('getUserAvatarSize', 'username', username),
        size: text('getUserAvatarSize', 'size', size),
      },
      options: o,
    })
  }

  // ---------------------------------------------------------------- activities

  /**
   * Lists the posts of a user (`GET /people/{username}/activities`), only those in `context` when
   * given (a context URL or hash); `count: true` answers the total instead (HEAD).
   */
  getUserActivities(
    context?: string,
    count?: false,
    username?: string,
    opts?: ListOptions,
  ): RpcReturn<'getUserActivities'>
  getUserActivities(
    context: string | undefined,
    count: true,
    username?: string,
    opts?: ListOptions,
  ): RpcReturn<'countUserActivities'>
  async getUserActivities(
    context?: string,
    count?: boolean,
    username?: string,
    opts?: ListOptions,
  ): Promise<RpcResult<unknown>> {
    if (flag('getUserActivities', 'count', count)) return this.countUserActivities(context, username, opts)
    const o = options('getUserActivities', opts, LIST)
    return this.#call('getUserActivities', {
      params: { username: this.#username('getUserActivities', username) },
      query: contextQuery('getUserActivities', context, o.query),
      options: o,
    })
  }

  /** Counts the posts of a user (HEAD `/people/{username}/activities`), in `context` when given. */
  async countUserActivities(
    context?: string,
    username?: string,
    opts?: ListOptions,
  ): RpcReturn<'countUserActivities'> {
    const o = options('countUserActivities', opts, LIST)
    return this.#call('countUserActivities', {
      params: { username: this.#username('countUserActivities', username) },
      query: contextQuery('countUserActivities', context, o.query),
      options: o,
    })
  }

  /** Iterates the posts of a user, page by page. */
  iterateUserActivities(
    context?: string,
    username?: string,
    opts?: IterateOptions,
  ): AsyncIterable<RpcItem<'getUserActivities'>> {
    const o = options('iterateUserActivities', opts, ITERATE)
    return this.#iterate(
      'getUserActivities',
      'iterateUserActivities',
      { username: this.#username('iterateUserActivities', username) },
      { ...o, query: contextQuery('iterateUserActivities', context, o.query) },
    )
  }

  /**
   * Posts an activity (`POST /people/{username}/activities`) as `username` (default the actor). With
   * one context URL in `contexts` it is posted in that context (`POST /contexts/{hash}/activities`,
   * the route the server rewrites the old form to). `otype` `image` or `file` needs `options.file`.
   */
  async addActivity(
    content: string,
    otype = 'note',
    contexts: readonly string[] = [],
    generator?: string,
    username?: string,
    opts?: PostOptions,
  ): RpcReturn<'addActivity'> {
    const method = 'addActivity'
    const o = options(method, opts, POST)
    const object = activityObject(method, content, otype, o.file)
    const body: Record<string, unknown> = { object }
    const gen = optionalText(method, 'generator', generator)
    if (gen !== undefined) body.generator = gen
    const actor = this.#username(method, username)
    if (!Array.isArray(contexts)) {
      throw new UsageError(`${method}(): 'contexts' must be an array of context URLs, got ${typeof contexts}`)
    }
    if (contexts.length > 1) {
      throw new UsageError(
        `${method}(): MAX posts an activity in one context at a time, got ${contexts.length}; call addActivity once per context`,
      )
    }
    if (contexts.length === 1) {
      const url = text(method, 'contexts[0]', contexts[0])
      body.actor = { objectType: 'person', username: actor }
      // Same route as addActivityAsContext, posting as the person.
      return this.#call('addActivityAsContext', {
        params: { hash: url },
        body: withFields(method, body, o.fields),
        file: o.file,
        options: o,
      }) as RpcReturn<'addActivity'>
    }
    return this.#call(method, {
      params: { username: actor },
      body: withFields(method, body, o.fields),
      file: o.file,
      options: o,
    })
  }

  /** Lists the timeline of a user (`GET /people/{username}/timeline`), the actor's by default. */
  async getUserTimeline(username?: string, opts?: ListOptions): RpcReturn<'getUserTimeline'> {
    const o = options('getUserTimeline', opts, LIST)
    return this.#call('getUserTimeline', {
      params: { username: this.#username('getUserTimeline', username) },
      query: o.query,
      options: o,
    })
  }

  /** Iterates the timeline of a user, page by page. */
  iterateUserTimeline(username?: string, opts?: IterateOptions): AsyncIterable<RpcItem<'getUserTimeline'>> {
    return this.#iterate(
      'getUserTimeline',
      'iterateUserTimeline',
      { username: this.#username('iterateUserTimeline', username) },
      opts,
    )
  }

  /** Lists the latest distinct authors of a timeline (server default limit 8). */
  async getTimelineLastAuthors(
    limit?: number,
    username?: string,
    opts?: CallOptions,
  ): RpcReturn<'getTimelineLastAuthors'> {
    const o = options('getTimelineLastAuthors', opts, CALL)
    return this.#call('getTimelineLastAuthors', {
      params: { username: this.#username('getTimelineLastAuthors', username) },
      query: limitQuery('getTimelineLastAuthors', limit),
      options: o,
    })
  }

  /** Counts the latest distinct authors of a timeline (HEAD). */
  async countTimelineLastAuthors(
    limit?: number,
    username?: string,
    opts?: CallOptions,
  ): RpcReturn<'countTimelineLastAuthors'> {
    const o = options('countTimelineLastAuthors', opts, CALL)
    return this.#call('countTimelineLastAuthors', {
      params: { username: this.#username('countTimelineLastAuthors', username) },
      query: limitQuery('countTimelineLastAuthors', limit),
      options: o,
    })
  }

  /** Lists every post in the system (`GET /activities`, Manager); `count: true` answers the total. */
  getActivities(count?: false, opts?: ListOptions): RpcReturn<'getActivities'>
  getActivities(count: true, opts?: ListOptions): RpcReturn<'countActivities'>
  async getActivities(count?: boolean, opts?: ListOptions): Promise<RpcResult<unknown>> {
    if (flag('getActivities', 'count', count)) return this.countActivities(opts)
    const o = options('getActivities', opts, LIST)
    return this.#call('getActivities', { query: o.query, options: o })
  }

  /** Alias of {@link MaxClient.getActivities} (both existed in the Python client). */
  getAllActivities(count?: false, opts?: ListOptions): RpcReturn<'getActivities'>
  getAllActivities(count: true, opts?: ListOptions): RpcReturn<'countActivities'>
  getAllActivities(count?: boolean, opts?: ListOptions): Promise<RpcResult<unknown>> {
    return count ? this.getActivities(true, opts) : this.getActivities(count as false | undefined, opts)
  }

  /** Counts every post in the system (HEAD `/activities`). */
  async countActivities(opts?: ListOptions): RpcReturn<'countActivities'> {
    const o = options('countActivities', opts, LIST)
    return this.#call('countActivities', { query: o.query, options: o })
  }

  /** Iterates every post in the system, page by page. */
  iterateActivities(opts?: IterateOptions): AsyncIterable<RpcItem<'getActivities'>> {
    return this.#iterate('getActivities', 'iterateActivities', {}, opts)
  }

  /** Reads one activity (`GET /activities/{activity}`). */
  async getActivity(activity: string, opts?: ReadOptions): RpcReturn<'getActivity'> {
    const o = options('getActivity', opts, LIST)
    return this.#call('getActivity', {
      params: { activity: text('getActivity', 'activity', activity) },
      query: o.query,
      options: o,
    })
  }

  /** Deletes one activity (`DELETE /activities/{activity}`). */
  async deleteActivity(activity: string, opts?: CallOptions): RpcReturn<'deleteActivity'> {
    const o = options('deleteActivity', opts, CALL)
    return this.#call('deleteActivity', {
      params: { activity: text('deleteActivity', 'activity', activity) },
      options: o,
    })
  }

  /**
   * Lists the posts of a context (`GET /contexts/{hash}/activities`); `context` is its URL or hash.
   * `count: true` answers the total instead (HEAD).
   */
  getContextActivities(context: string, count?: false, opts?: ListOptions): RpcReturn<'getContextActivities'>
  getContextActivities(context: string, count: true, opts?: ListOptions): RpcReturn<'countContextActivities'>
  async getContextActivities(
    context: string,
    count?: boolean,
    opts?: ListOptions,
  ): Promise<RpcResult<unknown>> {
    if (flag('getContextActivities', 'count', count)) return this.countContextActivities(context, opts)
    const o = options('getContextActivities', opts, LIST)
    return this.#call('getContextActivities', {
      params: { hash: text('getContextActivities', 'context', context) },
      query: o.query,
      options: o,
    })
  }

  /** Counts the posts of a context (HEAD `/contexts/{hash}/activities`). */
  async countContextActivities(context: string, opts?: ListOptions): RpcReturn<'countContextActivities'> {
    const o = options('countContextActivities', opts, LIST)
    return this.#call('countContextActivities', {
      params: { hash: text('countContextActivities', 'context', context) },
      query: o.query,
      options: o,
    })
  }

  /** Iterates the posts of a context, page by page. */
  iterateContextActivities(
    context: string,
    opts?: IterateOptions,
  ): AsyncIterable<RpcItem<'getContextActivities'>> {
    return this.#iterate(
      'getContextActivities',
      'iterateContextActivities',
      { hash: text('iterateContextActivities', 'context', context) },
      opts,
    )
  }

  /**
   * Posts an activity in a context as the context itself (`POST /contexts/{hash}/activities` with
   * actor `{ objectType: 'context', url }`). `url` is the context URL.
   */
  async addActivityAsContext(
    content: string,
    url: string,
    otype = 'note',
    generator?: string,
    opts?: PostOptions,
  ): RpcReturn<'addActivityAsContext'> {
    const method = 'addActivityAsContext'
    const o = options(method, opts, POST)
    const contextUrl = text(method, 'url', url)
    const body: Record<string, unknown> = {
      object: activityObject(method, content, otype, o.file),
      actor: { objectType: 'context', url: contextUrl },
    }
    const gen = optionalText(method, 'generator', generator)
    if (gen !== undefined) body.generator = gen
    return this.#call(method, {
      params: { hash: contextUrl },
      body: withFields(method, body, o.fields),
      file: o.file,
      options: o,
    })
  }

  /** Alias of {@link MaxClient.addActivityAsContext} (the Python name). */
  add_activity_as_context(
    content: string,
    url: string,
    otype?: string,
    generator?: string,
    opts?: PostOptions,
  ): RpcReturn<'addActivityAsContext'> {
    return this.addActivityAsContext(content, url, otype, generator, opts)
  }

  /** Lists the latest distinct authors of a context (server default limit 8). */
  async getContextLastAuthors(
    context: string,
    limit?: number,
    opts?: CallOptions,
  ): RpcReturn<'getContextLastAuthors'> {
    const o = options('getContextLastAuthors', opts, CALL)
    return this.#call('getContextLastAuthors', {
      params: { hash: text('getContextLastAuthors', 'context', context) },
      query: limitQuery('getContextLastAuthors', limit),
      options: o,
    })
  }

  /** Counts the latest distinct authors of a context (HEAD). */
  async countContextLastAuthors(
    context: string,
    limit?: number,
    opts?: CallOptions,
  ): RpcReturn<'countContextLastAuthors'> {
    const o = options('countContextLastAuthors', opts, CALL)
    return this.#call('countContextLastAuthors', {
      params: { hash: text('countContextLastAuthors', 'context', context) },
      query: limitQuery('countContextLastAuthors', limit),
      options: o,
    })
  }

  // ---------------------------------------------------------------- comments

  /** Lists the comments of an activity (`GET /activities/{activity}/comments`). */
  async getComments(activity: string, opts?: CallOptions): RpcReturn<'getComments'> {
    const o = options('getComments', opts, CALL)
    return this.#call('getComments', {
      params: { activity: text('getComments', 'activity', activity) },
      options: o,
    })
  }

  /** Comments on an activity (`POST /activities/{activity}/comments`). */
  async addComment(
    content: string,
    activity: string,
    otype = 'comment',
    opts?: BodyOptions,
  ): RpcReturn<'addComment'> {
    const o = options('addComment', opts, BODY)
    const body = {
      object: {
        objectType: text('addComment', 'otype', otype),
        content: text('addComment', 'content', content),
      },
    }
    return this.#call('addComment', {
      params: { activity: text('addComment', 'activity', activity) },
      body: withFields('addComment', body, o.fields),
      options: o,
    })
  }

  /** Deletes one comment of an activity. */
  async deleteComment(activity: string, comment: string, opts?: CallOptions): RpcReturn<'deleteComment'> {
    const o = options('deleteComment', opts, CALL)
    return this.#call('deleteComment', {
      params: {
        activity: text('deleteComment', 'activity', activity),
        comment: text('deleteComment', 'comment', comment),
      },
      options: o,
    })
  }

  /** Lists every comment in the system (`GET /activities/comments`); `count: true` answers the total. */
  getAllComments(count?: false, opts?: ListOptions): RpcReturn<'getAllComments'>
  getAllComments(count: true, opts?: ListOptions): RpcReturn<'countAllComments'>
  async getAllComments(count?: boolean, opts?: ListOptions): Promise<RpcResult<unknown>> {
    if (flag('getAllComments', 'count', count)) return this.countAllComments(opts)
    const o = options('getAllComments', opts, LIST)
    return this.#call('getAllComments', { query: o.query, options: o })
  }

  /** Counts every comment in the system (HEAD `/activities/comments`). */
  async countAllComments(opts?: ListOptions): RpcReturn<'countAllComments'> {
    const o = options('countAllComments', opts, LIST)
    return this.#call('countAllComments', { query: o.query, options: o })
  }

  /** Iterates every comment in the system, page by page. */
  iterateAllComments(opts?: IterateOptions): AsyncIterable<RpcItem<'getAllComments'>> {
    return this.#iterate('getAllComments', 'iterateAllComments', {}, opts)
  }

  /** Lists the comments a user wrote (`GET /people/{username}/comments`), the actor's by default. */
  async getUserComments(username?: string, opts?: ListOptions): RpcReturn<'getUserComments'> {
    const o = options('getUserComments', opts, LIST)
    return this.#call('getUserComments', {
      params: { username: this.#username('getUserComments', username) },
      query: o.query,
      options: o,
    })
  }

  /** Counts the comments a user wrote (HEAD). */
  async countUserComments(username?: string, opts?: ListOptions): RpcReturn<'countUserComments'> {
    const o = options('countUserComments', opts, LIST)
    return this.#call('countUserComments', {
      params: { username: this.#username('countUserComments', username) },
      query: o.query,
      options: o,
    })
  }

  /** Iterates the comments a user wrote, page by page. */
  iterateUserComments(username?: string, opts?: IterateOptions): AsyncIterable<RpcItem<'getUserComments'>> {
    return this.#iterate(
      'getUserComments',
      'iterateUserComments',
      { username: this.#username('iterateUserComments', username) },
      opts,
    )
  }

  /** Lists the comments on posts of a context (`GET /contexts/{hash}/comments`). */
  async getContextComments(context: string, opts?: ListOptions): RpcReturn<'getContextComments'> {
    const o = options('getContextComments', opts, LIST)
    return this.#call('getContextComments', {
      params: { hash: text('getContextComments', 'context', context) },
      query: o.query,
      options: o,
    })
  }

  /** Counts the comments on posts of a context (HEAD). */
  async countContextComments(context: string, opts?: ListOptions): RpcReturn<'countContextComments'> {
    const o = options('countContextComments', opts, LIST)
    return this.#call('countContextComments', {
      params: { hash: text('countContextComments', 'context', context) },
      query: o.query,
      options: o,
    })
  }

  /** Iterates the comments on posts of a context, page by page. */
  iterateContextComments(
    context: string,
    opts?: IterateOptions,
  ): AsyncIterable<RpcItem<'getContextComments'>> {
    return this.#iterate(
      'getContextComments',
      'iterateContextComments',
      { hash: text('iterateContextComments', 'context', context) },
      opts,
    )
  }

  // ---------------------------------------------------------------- likes, favorites, flags

  /** Likes an activity as the actor (201 new, 200 already liked). */
  async likeActivity(activity: string, opts?: CallOptions): RpcReturn<'likeActivity'> {
    return this.#activityAction('likeActivity', activity, opts)
  }

  /** Removes the like of `username` (default the actor) from an activity. */
  async unlikeActivity(activity: string, username?: string, opts?: CallOptions): RpcReturn<'unlikeActivity'> {
    const o = options('unlikeActivity', opts, CALL)
    return this.#call('unlikeActivity', {
      params: {
        activity: text('unlikeActivity', 'activity', activity),
        username: this.#username('unlikeActivity', username),
      },
      options: o,
    })
  }

  /** Marks an activity as a favorite of the actor (201 new, 200 already). */
  async favoriteActivity(activity: string, opts?: CallOptions): RpcReturn<'favoriteActivity'> {
    return this.#activityAction('favoriteActivity', activity, opts)
  }

  /** Removes the favorite mark of `username` (default the actor) from an activity. */
  async unfavoriteActivity(
    activity: string,
    username?: string,
    opts?: CallOptions,
  ): RpcReturn<'unfavoriteActivity'> {
    const o = options('unfavoriteActivity', opts, CALL)
    return this.#call('unfavoriteActivity', {
      params: {
        activity: text('unfavoriteActivity', 'activity', activity),
        username: this.#username('unfavoriteActivity', username),
      },
      options: o,
    })
  }

  /** Flags an activity of a context (201 new, 200 already flagged). */
  async flagActivity(activity: string, opts?: CallOptions): RpcReturn<'flagActivity'> {
    return this.#activityAction('flagActivity', activity, opts)
  }

  /** Removes the flag of an activity. */
  async unflagActivity(activity: string, opts?: CallOptions): RpcReturn<'unflagActivity'> {
    return this.#activityAction('unflagActivity', activity, opts)
  }

  async #activityAction<N extends 'likeActivity' | 'favoriteActivity' | 'flagActivity' | 'unflagActivity'>(
    name: N,
    activity: string,
    opts: CallOptions | undefined,
  ): RpcReturn<N> {
    const o = options(name, opts, CALL)
    return this.#call(name, { params: { activity: text(name, 'activity', activity) }, options: o })
  }

  // ---------------------------------------------------------------- contexts

  /** Lists or searches every context (`GET /contexts`, Manager). */
  async getContexts(opts?: ListOptions): RpcReturn<'getContexts'> {
    const o = options('getContexts', opts, LIST)
    return this.#call('getContexts', { query: o.query, options: o })
  }

  /** Iterates every context, page by page. */
  iterateContexts(opts?: IterateOptions): AsyncIterable<RpcItem<'getContexts'>> {
    return this.#iterate('getContexts', 'iterateContexts', {}, opts)
  }

  /** Lists the contexts anyone may subscribe to (`GET /contexts/public`). */
  async getPublicContexts(opts?: ListOptions): RpcReturn<'getPublicContexts'> {
    const o = options('getPublicContexts', opts, LIST)
    return this.#call('getPublicContexts', { query: o.query, options: o })
  }

  /** Iterates the public contexts, page by page. */
  iteratePublicContexts(opts?: IterateOptions): AsyncIterable<RpcItem<'getPublicContexts'>> {
    return this.#iterate('getPublicContexts', 'iteratePublicContexts', {}, opts)
  }

  /**
   * Creates a context (`POST /contexts`); 201 new, 200 when its URL already exists.
   * @param permissions - e.g. `{ read: 'public', write: 'subscribed' }`; left out of the body when absent.
   * @param contextType - the context `objectType`.
   */
  async addContext(
    url: string,
    displayName: string,
    permissions?: Partial<Record<ContextPermission, PermissionPolicy>>,
    contextType = 'context',
    opts?: BodyOptions,
  ): RpcReturn<'addContext'> {
    const method = 'addContext'
    const o = options(method, opts, BODY)
    const body: Record<string, unknown> = {
      url: text(method, 'url', url),
      objectType: text(method, 'contextType', contextType),
      displayName: text(method, 'displayName', displayName),
    }
    if (permissions !== undefined && permissions !== null)
      body.permissions = fields(method, 'permissions', permissions)
    return this.#call(method, { body: withFields(method, body, o.fields), options: o })
  }

  /** Reads a context (`GET /contexts/{hash}`); `url` may also be its hash. */
  async getContext(url: string, opts?: ReadOptions): RpcReturn<'getContext'> {
    const o = options('getContext', opts, LIST)
    return this.#call('getContext', {
      params: { hash: text('getContext', 'url', url) },
      query: o.query,
      options: o,
    })
  }

  /** Alias of {@link MaxClient.getContext} (the Python name). */
  get_context(url: string, opts?: ReadOptions): RpcReturn<'getContext'> {
    return this.getContext(url, opts)
  }

  /** Updates fields of a context (`PUT /contexts/{hash}`). */
  async modifyContext(
    url: string,
    properties: Record<string, unknown>,
    opts?: BodyOptions,
  ): RpcReturn<'modifyContext'> {
    const o = options('modifyContext', opts, BODY)
    return this.#call('modifyContext', {
      params: { hash: text('modifyContext', 'url', url) },
      body: withFields('modifyContext', fields('modifyContext', 'properties', properties), o.fields),
      options: o,
    })
  }

  /** Deletes a context (`DELETE /contexts/{hash}`). */
  async deleteContext(url: string, opts?: CallOptions): RpcReturn<'deleteContext'> {
    const o = options('deleteContext', opts, CALL)
    return this.#call('deleteContext', { params: { hash: text('deleteContext', 'url', url) }, options: o })
  }

  /** Reads the tags of a context. */
  async getContextTags(url: string, opts?: CallOptions): RpcReturn<'getContextTags'> {
    const o = options('getContextTags', opts, CALL)
    return this.#call('getContextTags', { params: { hash: text('getContextTags', 'url', url) }, options: o })
  }

  /** Adds tags to a context (`PUT /contexts/{hash}/tags`) and answers the resulting list. */
  async addTagsToContext(
    url: string,
    tags: readonly string[],
    opts?: CallOptions,
  ): RpcReturn<'addTagsToContext'> {
    const o = options('addTagsToContext', opts, CALL)
    return this.#call('addTagsToContext', {
      params: { hash: text('addTagsToContext', 'url', url) },
      rawBody: [...textList('addTagsToContext', 'tags', tags)],
      options: o,
    })
  }

  /** Alias of {@link MaxClient.addTagsToContext} (the Python name). */
  add_tags_to_context(
    url: string,
    tags: readonly string[],
    opts?: CallOptions,
  ): RpcReturn<'addTagsToContext'> {
    return this.addTagsToContext(url, tags, opts)
  }

  /** Removes every tag of a context (`DELETE /contexts/{hash}/tags`). */
  async clearContextTags(url: string, opts?: CallOptions): RpcReturn<'clearContextTags'> {
    const o = options('clearContextTags', opts, CALL)
    return this.#call('clearContextTags', {
      params: { hash: text('clearContextTags', 'url', url) },
      options: o,
    })
  }

  /** Removes one tag from a context (`DELETE /contexts/{hash}/tags/{tag}`). */
  async removeTagFromContext(
    url: string,
    tag: string,
    opts?: CallOptions,
  ): RpcReturn<'removeTagFromContext'> {
    const o = options('removeTagFromContext', opts, CALL)
    return this.#call('removeTagFromContext', {
      params: {
        hash: text('removeTagFromContext', 'url', url),
        tag: text('removeTagFromContext', 'tag', tag),
      },
      options: o,
    })
  }

  /** Alias of {@link MaxClient.removeTagFromContext} (the Python name). */
  remove_tag_from_context(url: string, tag: string, opts?: CallOptions): RpcReturn<'removeTagFromContext'> {
    return this.removeTagFromContext(url, tag, opts)
  }

  /** Downloads the avatar of a context (PNG bytes). */
  async getContextAvatar(url: string, opts?: CallOptions): RpcReturn<'getContextAvatar'> {
    const o = options('getContextAvatar', opts, CALL)
    return this.#call('getContextAvatar', {
      params: { hash: text('getContextAvatar', 'url', url) },
      options: o,
    })
  }

  // ---------------------------------------------------------------- subscriptions

  /**
   * Subscribes `username` (default the actor) to a context (`POST /contexts/{hash}/subscriptions`).
   * `otype` is kept for the Python signature; MAX only subscribes to contexts.
   */
  async subscribe(
    url: string,
    otype = 'context',
    username?: string,
    opts?: CallOptions,
  ): RpcReturn<'subscribe'> {
    const o = options('subscribe', opts, CALL)
    oneOf('subscribe', 'otype', otype, ['context'])
    return this.#call('subscribe', {
      params: { hash: text('subscribe', 'url', url) },
      body: { actor: { objectType: 'person', username: this.#username('subscribe', username) } },
      options: o,
    })
  }

  /**
   * Unsubscribes `username` (default the actor) from a context
   * (`DELETE /contexts/{hash}/subscriptions/{username}`).
   */
  async unsubscribe(
    url: string,
    otype = 'context',
    username?: string,
    opts?: CallOptions,
  ): RpcReturn<'unsubscribe'> {
    const o = options('unsubscribe', opts, CALL)
    oneOf('unsubscribe', 'otype', otype, ['context'])
    return this.#call('unsubscribe', {
      params: { hash: text('unsubscribe', 'url', url), username: this.#username('unsubscribe', username) },
      options: o,
    })
  }

  /** Lists the contexts `username` (default the actor) is subscribed to; `query.tags` filters them. */
  async subscribed(
    username?: string,
    opts?: CallOptions & { query?: { tags?: string | readonly string[] } },
  ): RpcReturn<'subscribed'> {
    const o = options('subscribed', opts, LIST)
    return this.#call('subscribed', {
      params: { username: this.#username('subscribed', username) },
      query: o.query,
      options: o,
    })
  }

  /**
   * Lists the users subscribed to a context (`GET /contexts/{hash}/subscriptions`). The server
   * answers 10 by default; pass `{ query: { limit: 0 } }` for all (items carry no id to page on).
   */
  async subscribedToContext(url: string, opts?: ListOptions): RpcReturn<'subscribedToContext'> {
    const o = options('subscribedToContext', opts, LIST)
    return this.#call('subscribedToContext', {
      params: { hash: text('subscribedToContext', 'url', url) },
      query: o.query,
      options: o,
    })
  }

  /** Alias of {@link MaxClient.subscribedToContext} (the Python name). */
  subscribed_to_context(url: string, opts?: ListOptions): RpcReturn<'subscribedToContext'> {
    return this.subscribedToContext(url, opts)
  }

  /** Lists the contexts where `username` (default the actor) turned push notifications off. */
  async getUserPushUnsubscriptions(
    username?: string,
    opts?: CallOptions & { query?: { tags?: string | readonly string[] } },
  ): RpcReturn<'getUserPushUnsubscriptions'> {
    const o = options('getUserPushUnsubscriptions', opts, LIST)
    return this.#call('getUserPushUnsubscriptions', {
      params: { username: this.#username('getUserPushUnsubscriptions', username) },
      query: o.query,
      options: o,
    })
  }

  /** Lists the users who turned push notifications off in a context (10 by default; `limit: 0` for all). */
  async getContextPushUnsubscriptions(
    url: string,
    opts?: ListOptions,
  ): RpcReturn<'getContextPushUnsubscriptions'> {
    const o = options('getContextPushUnsubscriptions', opts, LIST)
    return this.#call('getContextPushUnsubscriptions', {
      params: { hash: text('getContextPushUnsubscriptions', 'url', url) },
      query: o.query,
      options: o,
    })
  }

  /** Turns push notifications of a context off for `username` (default the actor). */
  async disableContextPush(
    url: string,
    username?: string,
    opts?: CallOptions,
  ): RpcReturn<'disableContextPush'> {
    const o = options('disableContextPush', opts, CALL)
    return this.#call('disableContextPush', {
      params: {
        hash: text('disableContextPush', 'url', url),
        username: this.#username('disableContextPush', username),
      },
      options: o,
    })
  }

  /** Turns push notifications of a context back on for `username` (default the actor). */
  async enableContextPush(
    url: string,
    username?: string,
    opts?: CallOptions,
  ): RpcReturn<'enableContextPush'> {
    const o = options('enableContextPush', opts, CALL)
    return this.#call('enableContextPush', {
      params: {
        hash: text('enableContextPush', 'url', url),
        username: this.#username('enableContextPush', username),
      },
      options: o,
    })
  }

  // ---------------------------------------------------------------- permissions

  /**
   * Grants `permission` (default `read`) on a context to `username` (default the actor).
   * `permanent: false` makes the grant last only until the next defaults reset.
   */
  async grantPermission(
    url: string,
    username?: string,
    permission: ContextPermission = 'read',
    opts?: PermissionOptions,
  ): RpcReturn<'grantPermission'> {
    return this.#permission('grantPermission', url, username, permission, opts)
  }

  /** Alias of {@link MaxClient.grantPermission} (the Python name). */
  grant_permission(
    url: string,
    username?: string,
    permission?: ContextPermission,
    opts?: PermissionOptions,
  ): RpcReturn<'grantPermission'> {
    return this.grantPermission(url, username, permission, opts)
  }

  /** Revokes (vetoes) `permission` (default `write`) on a context for `username` (default the actor). */
  async revokePermission(
    url: string,
    username?: string,
    permission: ContextPermission = 'write',
    opts?: PermissionOptions,
  ): RpcReturn<'revokePermission'> {
    return this.#permission('revokePermission', url, username, permission, opts)
  }

  /** Alias of {@link MaxClient.revokePermission} (the Python name). */
  revoke_permission(
    url: string,
    username?: string,
    permission?: ContextPermission,
    opts?: PermissionOptions,
  ): RpcReturn<'revokePermission'> {
    return this.revokePermission(url, username, permission, opts)
  }

  async #permission<N extends 'grantPermission' | 'revokePermission'>(
    name: N,
    url: string,
    username: string | undefined,
    permission: string,
    opts: PermissionOptions | undefined,
  ): RpcReturn<N> {
    const o = options(name, opts, [...CALL, 'permanent'])
    const permanent = o.permanent === undefined ? undefined : flag(name, 'permanent', o.permanent)
    return this.#call(name, {
      params: {
        hash: text(name, 'url', url),
        username: this.#username(name, username),
        permission: oneOf(name, 'permission', permission, CONTEXT_PERMISSIONS),
      },
      // The server reads any non-empty value as true and an empty one as false.
      query: permanent === undefined ? undefined : { permanent: permanent ? '1' : '' },
      options: o,
    })
  }

  /** Resets the permissions of `username` (default the actor) on a context to the context defaults. */
  async resetPermissions(url: string, username?: string, opts?: CallOptions): RpcReturn<'resetPermissions'> {
    const o = options('resetPermissions', opts, CALL)
    return this.#call('resetPermissions', {
      params: {
        hash: text('resetPermissions', 'url', url),
        username: this.#username('resetPermissions', username),
      },
      options: o,
    })
  }

  // ---------------------------------------------------------------- device tokens

  /** Registers a push device token for the actor (`POST /tokens`); `platform` is `ios` or `android`. */
  async addToken(token: string, platform: 'ios' | 'android', opts?: AddTokenOptions): RpcReturn<'addToken'> {
    const o = options('addToken', opts, [...BODY, 'device', 'username'])
    const body: Record<string, unknown> = {
      token: text('addToken', 'token', token),
      platform: oneOf('addToken', 'platform', platform, DEVICE_PLATFORMS),
    }
    const device = optionalText('addToken', 'device', o.device)
    const owner = optionalText('addToken', 'username', o.username)
    if (device !== undefined) body.device = device
    if (owner !== undefined) body.username = owner
    return this.#call('addToken', { body: withFields('addToken', body, o.fields), options: o })
  }

  /** Deletes one device token (`DELETE /tokens/{token}`). */
  async deleteToken(token: string, opts?: CallOptions): RpcReturn<'deleteToken'> {
    const o = options('deleteToken', opts, CALL)
    return this.#call('deleteToken', { params: { token: text('deleteToken', 'token', token) }, options: o })
  }

  /** Lists the device tokens of `username` (default the actor). */
  async getUserTokens(username?: string, opts?: CallOptions): RpcReturn<'getUserTokens'> {
    const o = options('getUserTokens', opts, CALL)
    return this.#call('getUserTokens', {
      params: { username: this.#username('getUserTokens', username) },
      options: o,
    })
  }

  /** Deletes every device token of `username` (default the actor). */
  async deleteUserTokens(username?: string, opts?: CallOptions): RpcReturn<'deleteUserTokens'> {
    const o = options('deleteUserTokens', opts, CALL)
    return this.#call('deleteUserTokens', {
      params: { username: this.#username('deleteUserTokens', username) },
      options: o,
    })
  }

  /** Lists the device tokens of `username` (default the actor) on one platform. */
  async getUserPlatformTokens(
    platform: 'ios' | 'android',
    username?: string,
    opts?: CallOptions,
  ): RpcReturn<'getUserPlatformTokens'> {
    const o = options('getUserPlatformTokens', opts, CALL)
    return this.#call('getUserPlatformTokens', {
      params: {
        username: this.#username('getUserPlatformTokens', username),
        platform: oneOf('getUserPlatformTokens', 'platform', platform, DEVICE_PLATFORMS),
      },
      options: o,
    })
  }

  /** Deletes the device tokens of `username` (default the actor) on one platform. */
  async deleteUserPlatformTokens(
    platform: 'ios' | 'android',
    username?: string,
    opts?: CallOptions,
  ): RpcReturn<'deleteUserPlatformTokens'> {
    const o = options('deleteUserPlatformTokens', opts, CALL)
    return this.#call('deleteUserPlatformTokens', {
      params: {
        username: this.#username('deleteUserPlatformTokens', username),
        platform: oneOf('deleteUserPlatformTokens', 'platform', platform, DEVICE_PLATFORMS),
      },
      options: o,
    })
  }

  /** Lists the device tokens of the subscribers of a context (push opt-outs excluded). */
  async getContextTokens(url: string, opts?: CallOptions): RpcReturn<'getContextTokens'> {
    const o = options('getContextTokens', opts, CALL)
    return this.#call('getContextTokens', {
      params: { hash: text('getContextTokens', 'url', url) },
      options: o,
    })
  }

  /** Lists the device tokens of the participants of a conversation (`GET /conversations/{id}/tokens`). */
  async pushtokensByConversation(
    conversationId: string,
    opts?: CallOptions,
  ): RpcReturn<'pushtokensByConversation'> {
    const o = options('pushtokensByConversation', opts, CALL)
    return this.#call('pushtokensByConversation', {
      params: { id: text('pushtokensByConversation', 'conversationId', conversationId) },
      options: o,
    })
  }

  /** Alias of {@link MaxClient.pushtokensByConversation} (the Python name). */
  pushtokens_by_conversation(
    conversationId: string,
    opts?: CallOptions,
  ): RpcReturn<'pushtokensByConversation'> {
    return this.pushtokensByConversation(conversationId, opts)
  }

  // ---------------------------------------------------------------- conversations

  /** Lists the actor's conversations, most recent first. */
  async getConversations(opts?: CallOptions): RpcReturn<'getConversations'> {
    const o = options('getConversations', opts, CALL)
    return this.#call('getConversations', { options: o })
  }

  /**
   * Starts a conversation with its first message (`POST /conversations`). More than two
   * participants make a group; `options.displayName` names it.
   */
  async addConversation(
    participants: readonly string[],
    content: string,
    opts?: ConversationOptions,
  ): RpcReturn<'addConversation'> {
    const method = 'addConversation'
    const o = options(method, opts, [...POST, 'displayName', 'otype'])
    const conversation: Record<string, unknown> = {
      objectType: 'conversation',
      participants: [...textList(method, 'participants', participants)],
    }
    const displayName = optionalText(method, 'displayName', o.displayName)
    if (displayName !== undefined) conversation.displayName = displayName
    const body = {
      contexts: [conversation],
      object: activityObject(method, content, o.otype ?? 'note', o.file),
    }
    return this.#call(method, { body: withFields(method, body, o.fields), file: o.file, options: o })
  }

  /** Deletes every conversation of every user (`DELETE /conversations`, Manager). */
  async deleteAllConversations(opts?: CallOptions): RpcReturn<'deleteAllConversations'> {
    const o = options('deleteAllConversations', opts, CALL)
    return this.#call('deleteAllConversations', { options: o })
  }

  /** Lists the conversations found among the latest messages (`limit` counts messages). */
  async getActiveConversations(opts?: ListOptions): RpcReturn<'getActiveConversations'> {
    const o = options('getActiveConversations', opts, LIST)
    return this.#call('getActiveConversations', { query: o.query, options: o })
  }

  /** Counts the conversations found among the latest messages (HEAD). */
  async countActiveConversations(opts?: ListOptions): RpcReturn<'countActiveConversations'> {
    const o = options('countActiveConversations', opts, LIST)
    return this.#call('countActiveConversations', { query: o.query, options: o })
  }

  /** Reads one conversation (`GET /conversations/{id}`). */
  async getConversation(id: string, opts?: ReadOptions): RpcReturn<'getConversation'> {
    const o = options('getConversation', opts, LIST)
    return this.#call('getConversation', {
      params: { id: text('getConversation', 'id', id) },
      query: o.query,
      options: o,
    })
  }

  /** Updates a conversation, typically `{ displayName }` (`PUT /conversations/{id}`). */
  async modifyConversation(
    id: string,
    properties: { displayName?: string; [field: string]: unknown },
    opts?: BodyOptions,
  ): RpcReturn<'modifyConversation'> {
    const o = options('modifyConversation', opts, BODY)
    return this.#call('modifyConversation', {
      params: { id: text('modifyConversation', 'id', id) },
      body: withFields(
        'modifyConversation',
        fields('modifyConversation', 'properties', properties),
        o.fields,
      ),
      options: o,
    })
  }

  /** Deletes a conversation and its messages. */
  async deleteConversation(id: string, opts?: CallOptions): RpcReturn<'deleteConversation'> {
    const o = options('deleteConversation', opts, CALL)
    return this.#call('deleteConversation', {
      params: { id: text('deleteConversation', 'id', id) },
      options: o,
    })
  }

  /** Makes participant `username` the owner of a conversation (`PUT /conversations/{id}/owner`). */
  async transferConversationOwnership(
    id: string,
    username: string,
    opts?: CallOptions,
  ): RpcReturn<'transferConversationOwnership'> {
    const o = options('transferConversationOwnership', opts, CALL)
    return this.#call('transferConversationOwnership', {
      params: { id: text('transferConversationOwnership', 'id', id) },
      body: {
        actor: {
          objectType: 'person',
          username: text('transferConversationOwnership', 'username', username),
        },
      },
      options: o,
    })
  }

  /** Reads a conversation as `username` (default the actor) sees it. */
  async getUserConversation(
    id: string,
    username?: string,
    opts?: CallOptions,
  ): RpcReturn<'getUserConversation'> {
    const o = options('getUserConversation', opts, CALL)
    return this.#call('getUserConversation', {
      params: {
        username: this.#username('getUserConversation', username),
        id: text('getUserConversation', 'id', id),
      },
      options: o,
    })
  }

  /** Adds `username` (default the actor) to a group conversation. */
  async addParticipant(id: string, username?: string, opts?: CallOptions): RpcReturn<'addParticipant'> {
    const o = options('addParticipant', opts, CALL)
    return this.#call('addParticipant', {
      params: { id: text('addParticipant', 'id', id) },
      body: { actor: { objectType: 'person', username: this.#username('addParticipant', username) } },
      options: o,
    })
  }

  /** Removes `username` from a conversation; without it the actor leaves. */
  async removeParticipant(id: string, username?: string, opts?: CallOptions): RpcReturn<'removeParticipant'> {
    const o = options('removeParticipant', opts, CALL)
    return this.#call('removeParticipant', {
      params: {
        id: text('removeParticipant', 'id', id),
        username: this.#username('removeParticipant', username),
      },
      options: o,
    })
  }

  /** Downloads the avatar of a conversation (PNG bytes). */
  async getConversationAvatar(id: string, opts?: CallOptions): RpcReturn<'getConversationAvatar'> {
    const o = options('getConversationAvatar', opts, CALL)
    return this.#call('getConversationAvatar', {
      params: { id: text('getConversationAvatar', 'id', id) },
      options: o,
    })
  }

  // ---------------------------------------------------------------- messages

  /** Lists the messages of a conversation; each page comes oldest first. */
  async getConversationMessages(id: string, opts?: ListOptions): RpcReturn<'getConversationMessages'> {
    const o = options('getConversationMessages', opts, LIST)
    return this.#call('getConversationMessages', {
      params: { id: text('getConversationMessages', 'id', id) },
      query: o.query,
      options: o,
    })
  }

  /** Iterates the messages of a conversation from the newest page back (oldest first inside a page). */
  iterateConversationMessages(
    id: string,
    opts?: IterateOptions,
  ): AsyncIterable<RpcItem<'getConversationMessages'>> {
    return this.#iterate(
      'getConversationMessages',
      'iterateConversationMessages',
      { id: text('iterateConversationMessages', 'id', id) },
      opts,
    )
  }

  /** Posts a message in a conversation (`POST /conversations/{id}/messages`). */
  async addMessage(id: string, content: string, opts?: MessageOptions): RpcReturn<'addMessage'> {
    const method = 'addMessage'
    const o = options(method, opts, [...POST, 'otype', 'mobile'])
    return this.#call(method, {
      params: { id: text(method, 'id', id) },
      body: withFields(method, messageBody(method, content, o), o.fields),
      file: o.file,
      options: o,
    })
  }

  /** Posts a message in a conversation on behalf of `username`. */
  async addUserMessage(
    username: string,
    id: string,
    content: string,
    opts?: MessageOptions,
  ): RpcReturn<'addUserMessage'> {
    const method = 'addUserMessage'
    const o = options(method, opts, [...POST, 'otype', 'mobile'])
    return this.#call(method, {
      params: { username: text(method, 'username', username), id: text(method, 'id', id) },
      body: withFields(method, messageBody(method, content, o), o.fields),
      file: o.file,
      options: o,
    })
  }

  /** Lists every message in the system (`GET /messages`, Manager). */
  async getMessages(opts?: ListOptions): RpcReturn<'getMessages'> {
    const o = options('getMessages', opts, LIST)
    return this.#call('getMessages', { query: o.query, options: o })
  }

  /** Counts every message in the system (HEAD `/messages`). */
  async countMessages(opts?: ListOptions): RpcReturn<'countMessages'> {
    const o = options('countMessages', opts, LIST)
    return this.#call('countMessages', { query: o.query, options: o })
  }

  /** Iterates every message in the system, page by page. */
  iterateMessages(opts?: IterateOptions): AsyncIterable<RpcItem<'getMessages'>> {
    return this.#iterate('getMessages', 'iterateMessages', {}, opts)
  }

  // ---------------------------------------------------------------- files and images

  /** Downloads the image of an image activity (bytes). */
  async getActivityImage(activity: string, opts?: CallOptions): RpcReturn<'getActivityImage'> {
    const o = options('getActivityImage', opts, CALL)
    return this.#call('getActivityImage', {
      params: { activity: text('getActivityImage', 'activity', activity) },
      options: o,
    })
  }

  /** Downloads the `full` or `thumb` size of an activity image. */
  async getActivityImageSize(
    activity: string,
    size: 'full' | 'thumb',
    opts?: CallOptions,
  ): RpcReturn<'getActivityImageSize'> {
    const o = options('getActivityImageSize', opts, CALL)
    return this.#call('getActivityImageSize', {
      params: {
        activity: text('getActivityImageSize', 'activity', activity),
        size: oneOf('getActivityImageSize', 'size', size, IMAGE_SIZES),
      },
      options: o,
    })
  }

  /** Downloads the file of a file activity (bytes). */
  async getActivityFile(activity: string, opts?: CallOptions): RpcReturn<'getActivityFile'> {
    const o = options('getActivityFile', opts, CALL)
    return this.#call('getActivityFile', {
      params: { activity: text('getActivityFile', 'activity', activity) },
      options: o,
    })
  }

  /** Downloads the image of a message (bytes). */
  async getMessageImage(id: string, opts?: CallOptions): RpcReturn<'getMessageImage'> {
    const o = options('getMessageImage', opts, CALL)
    return this.#call('getMessageImage', { params: { id: text('getMessageImage', 'id', id) }, options: o })
  }

  /** Downloads the `full` or `thumb` size of a message image. */
  async getMessageImageSize(
    id: string,
    size: 'full' | 'thumb',
    opts?: CallOptions,
  ): RpcReturn<'getMessageImageSize'> {
    const o = options('getMessageImageSize', opts, CALL)
    return this.#call('getMessageImageSize', {
      params: {
        id: text('getMessageImageSize', 'id', id),
        size: oneOf('getMessageImageSize', 'size', size, IMAGE_SIZES),
      },
      options: o,
    })
  }

  /** Downloads the file of a message (bytes). */
  async getMessageFile(id: string, opts?: CallOptions): RpcReturn<'getMessageFile'> {
    const o = options('getMessageFile', opts, CALL)
    return this.#call('getMessageFile', { params: { id: text('getMessageFile', 'id', id) }, options: o })
  }

  // ---------------------------------------------------------------- server info

  /** Reads the public server settings (`GET /info`, no auth). Not cached; see `serverInfo()`. */
  async getInfo(opts?: CallOptions): RpcReturn<'getInfo'> {
    const o = options('getInfo', opts, CALL)
    return this.#call('getInfo', { options: o })
  }

  /** Reads the machine-readable endpoint list (`GET /info/api`, no auth), grouped by category on request. */
  async getApiInfo(byCategory?: boolean, opts?: CallOptions): RpcReturn<'getApiInfo'> {
    const o = options('getApiInfo', opts, CALL)
    return this.#call('getApiInfo', {
      query: flag('getApiInfo', 'byCategory', byCategory) ? { by_category: '1' } : undefined,
      options: o,
    })
  }

  /** Reads every server setting (`GET /info/settings`, Manager). */
  async getSettings(opts?: CallOptions): RpcReturn<'getSettings'> {
    const o = options('getSettings', opts, CALL)
    return this.#call('getSettings', { options: o })
  }

  // ---------------------------------------------------------------- security

  /** Reads the global role table (`GET /admin/security`), authenticated. */
  async getSecurity(opts?: CallOptions): RpcReturn<'getSecurity'> {
    const o = options('getSecurity', opts, CALL)
    return this.#call('getSecurity', { options: o })
  }

  /** Lists the users holding a global role. */
  async getSecurityUsers(opts?: CallOptions): RpcReturn<'getSecurityUsers'> {
    const o = options('getSecurityUsers', opts, CALL)
    return this.#call('getSecurityUsers', { options: o })
  }

  /** Checks that `user` holds `role` (`[false, 404, ...]` when not). */
  async getUserSecurityRole(
    user: string,
    role: 'Manager' | 'NonVisible',
    opts?: CallOptions,
  ): RpcReturn<'getUserSecurityRole'> {
    return this.#role('getUserSecurityRole', user, role, opts)
  }

  /** Grants a global role to a user (201 added, 200 already held). */
  async grantSecurityRole(
    user: string,
    role: 'Manager' | 'NonVisible',
    opts?: CallOptions,
  ): RpcReturn<'grantSecurityRole'> {
    return this.#role('grantSecurityRole', user, role, opts)
  }

  /** Alias of {@link MaxClient.grantSecurityRole} (the Python name). */
  grant_security_role(
    user: string,
    role: 'Manager' | 'NonVisible',
    opts?: CallOptions,
  ): RpcReturn<'grantSecurityRole'> {
    return this.grantSecurityRole(user, role, opts)
  }

  /** Revokes a global role from a user. */
  async revokeSecurityRole(
    user: string,
    role: 'Manager' | 'NonVisible',
    opts?: CallOptions,
  ): RpcReturn<'revokeSecurityRole'> {
    return this.#role('revokeSecurityRole', user, role, opts)
  }

  /** Alias of {@link MaxClient.revokeSecurityRole} (the Python name). */
  revoke_security_role(
    user: string,
    role: 'Manager' | 'NonVisible',
    opts?: CallOptions,
  ): RpcReturn<'revokeSecurityRole'> {
    return this.revokeSecurityRole(user, role, opts)
  }

  async #role<N extends 'getUserSecurityRole' | 'grantSecurityRole' | 'revokeSecurityRole'>(
    name: N,
    user: string,
    role: string,
    opts: CallOptions | undefined,
  ): RpcReturn<N> {
    const o = options(name, opts, CALL)
    return this.#call(name, {
      params: { role: oneOf(name, 'role', role, SECURITY_ROLES), user: text(name, 'user', user) },
      options: o,
    })
  }

  // ---------------------------------------------------------------- maintenance

  /** Recomputes the search keywords of every post. */
  async rebuildKeywords(opts?: CallOptions): RpcReturn<'rebuildKeywords'> {
    return this.#maintenance('rebuildKeywords', opts)
  }

  /** Recomputes the last-comment date of every post. */
  async rebuildDates(opts?: CallOptions): RpcReturn<'rebuildDates'> {
    return this.#maintenance('rebuildDates', opts)
  }

  /** Re-syncs context subscriptions and their notification bindings. */
  async rebuildSubscriptions(opts?: CallOptions): RpcReturn<'rebuildSubscriptions'> {
    return this.#maintenance('rebuildSubscriptions', opts)
  }

  /** Re-syncs conversations, their participants and bindings. */
  async rebuildConversations(opts?: CallOptions): RpcReturn<'rebuildConversations'> {
    return this.#maintenance('rebuildConversations', opts)
  }

  /** Fixes user ownership fields and notification exchanges. */
  async rebuildUsers(opts?: CallOptions): RpcReturn<'rebuildUsers'> {
    return this.#maintenance('rebuildUsers', opts)
  }

  /** Moves legacy per-user device tokens to the tokens collection. */
  async rebuildTokens(opts?: CallOptions): RpcReturn<'rebuildTokens'> {
    return this.#maintenance('rebuildTokens', opts)
  }

  async #maintenance<
    N extends
      | 'rebuildKeywords'
      | 'rebuildDates'
      | 'rebuildSubscriptions'
      | 'rebuildConversations'
      | 'rebuildUsers'
      | 'rebuildTokens',
  >(name: N, opts: CallOptions | undefined): RpcReturn<N> {
    const o = options(name, opts, CALL)
    return this.#call(name, { options: o })
  }

  /** Lists the logged server exceptions, newest first. */
  async getExceptions(opts?: CallOptions): RpcReturn<'getExceptions'> {
    const o = options('getExceptions', opts, CALL)
    return this.#call('getExceptions', { options: o })
  }

  /** Reads one logged server exception by its hash. */
  async getException(hash: string, opts?: CallOptions): RpcReturn<'getException'> {
    const o = options('getException', opts, CALL)
    return this.#call('getException', { params: { hash: text('getException', 'hash', hash) }, options: o })
  }

  /** Deletes one logged server exception. */
  async deleteException(hash: string, opts?: CallOptions): RpcReturn<'deleteException'> {
    const o = options('deleteException', opts, CALL)
    return this.#call('deleteException', {
      params: { hash: text('deleteException', 'hash', hash) },
      options: o,
    })
  }
}

/** The same client under the name that says what it is, next to `RestClient`. */
export { MaxClient as RpcClient }

// ---------------------------------------------------------------- helpers

/**
 * The built body plus the caller's extra `fields`, as two field sets: `buildRequest` merges them
 * (nested objects combine; a field both set is a UsageError).
 */
function withFields(
  method: string,
  body: Record<string, unknown>,
  extra: unknown,
): Record<string, unknown> | readonly Record<string, unknown>[] {
  if (extra === undefined) return body
  return [body, fields(method, 'options.fields', extra)]
}

/** `{ objectType, content }` of a post; a file goes only with `image`/`file` objects. */
function activityObject(
  method: string,
  content: string,
  otype: string,
  file: unknown,
): Record<string, unknown> {
  const objectType = text(method, 'otype', otype)
  if (file !== undefined && objectType !== 'image' && objectType !== 'file') {
    throw new UsageError(
      `${method}(): a file is only sent with objectType 'image' or 'file', got '${objectType}'; pass otype 'image' or 'file'`,
    )
  }
  if ((objectType === 'image' || objectType === 'file') && file === undefined) {
    throw new UsageError(`${method}(): objectType '${objectType}' needs the file: pass it as options.file`)
  }
  // Image and file posts may go without text; notes need it.
  const object: Record<string, unknown> = { objectType }
  if (file !== undefined && (content === undefined || content === '')) return object
  object.content = text(method, 'content', content)
  return object
}

function messageBody(method: string, content: string, o: MessageOptions): Record<string, unknown> {
  const object = activityObject(method, content, o.otype ?? 'note', o.file)
  if (o.mobile !== undefined) object.mobile = flag(method, 'mobile', o.mobile)
  return { object }
}

/** The `limit` query of the authors lists. */
function limitQuery(method: string, limit: unknown): Record<string, unknown> | undefined {
  const value = optionalCount(method, 'limit', limit)
  return value === undefined ? undefined : { limit: value }
}

/** Adds `context=<hash>` (from a URL or hash) to a list query. */
function contextQuery(method: string, context: unknown, query: object | undefined): object | undefined {
  if (context === undefined) return query
  const hash = contextHash(text(method, 'context', context))
  if (query !== undefined) fields(method, 'options.query', query)
  return { ...query, context: hash }
}

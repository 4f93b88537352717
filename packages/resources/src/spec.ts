import type { ModelMap } from './models.js'

/** HTTP methods MAX routes answer. HEAD is the count form of a GET. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD'

/** A REST or query parameter a method declares. */
export interface ParamSpec {
  readonly name: string
  readonly required: boolean
  readonly example?: string
}

/**
 * Names of the response models a method can answer; `ModelMap` gives the TypeScript type of each.
 * `empty` is a body-less 2xx, `none` an always-empty JSON array, `binary` a file or image download.
 */
export type ModelName = keyof ModelMap

/** What the catalog knows about one method of one route. */
export interface MethodSpec {
  /** Permission constant the server checks, or `Anonymous` for public methods. */
  readonly permission: string
  /** Human text of that permission, as 403 messages show it. */
  readonly permissionLabel: string
  /** One line saying what the call does. */
  readonly summary: string
  /** `HEAD` on this GET answers the total in `X-totalItems`. */
  readonly count: boolean
  readonly restParams: readonly ParamSpec[]
  readonly queryParams: readonly ParamSpec[]
  /** Accepts the shared search parameters (limit, before, after, sort, ...). */
  readonly searchParams: boolean
  /** A list that can be paged with `limit` + `before`. */
  readonly paginated: boolean
  /** Accepts a multipart upload. */
  readonly upload: boolean
  readonly model?: ModelName
  /** The response is an array of `model`. */
  readonly list: boolean
  readonly successStatus: readonly number[]
  /** Present on old request forms the server still rewrites to a current route. */
  readonly deprecated?: { readonly rewritesTo: { readonly method: HttpMethod; readonly pattern: string } }
}

/** One route of the MAX server: a URL pattern and the methods implemented on it. */
export interface RouteSpec {
  /** Route name registered on the server, e.g. `user_activities`. */
  readonly id: string
  /** URL pattern with `{variable}` segments, e.g. `/people/{username}/activities`. */
  readonly pattern: string
  readonly category: string
  readonly name: string | null
  /** Served from files on disk (avatars). */
  readonly filesystem: boolean
  /** Methods for which an unknown actor is not an error. */
  readonly actorNotRequired: readonly HttpMethod[]
  /** Pattern variables, in order. */
  readonly params: readonly string[]
  readonly methods: { readonly [M in HttpMethod]?: MethodSpec }
  /** The route exists only as a deprecated request form. */
  readonly deprecated?: boolean
}

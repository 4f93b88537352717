import type { HttpMethod } from '@maxclient/core'
import type { ModelMap } from './models.js'

/** HTTP methods MAX routes answer (core's one list). HEAD is the count form of a GET. */
export type { HttpMethod }

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

/**
 * The multipart form an upload route takes: `json_data+file` is a `json_data` text field with the
 * JSON body plus the file part(s) (activities, messages); `file` is the file part alone, because
 * the server reads the first form field as the file (avatars).
 */
export type UploadForm = 'json_data+file' | 'file'

/**
 * How a paginated list is paged. MAX takes `limit` plus `before=<cursor>` and answers the items
 * whose first sort field is below the cursor.
 */
export interface PaginationSpec {
  /** Item field whose value is the next cursor (`id`, or `lastComment`, `username`...). */
  readonly cursor: string
  /**
   * `newest-first`: each page runs down from the cursor, so the next cursor is the page's last item.
   * `oldest-first`: each page is served in ascending order (conversation messages), so the next
   * cursor is the page's first item.
   */
  readonly order: 'newest-first' | 'oldest-first'
  /** Query parameters that switch to another cursor; the first that applies wins. */
  readonly modes?: readonly PaginationMode[]
}

/** A query parameter that changes what the cursor of a list is. */
export interface PaginationMode {
  readonly param: string
  /** The value that switches the mode; absent: any non-empty value (the server tests truthiness). */
  readonly value?: string
  /** The mode does not apply when one of these parameters is also given. */
  readonly unless?: readonly string[]
  readonly cursor: string
  /**
   * Which parameter takes the cursor to reach the next page: `before` (default) or `after` for
   * lists served in ascending order.
   */
  readonly cursorParam?: 'before' | 'after'
  /** Why the mode exists, for error messages. */
  readonly note: string
}

/** What a server's `GET /info/api` says about one method: the generated catalog's method entries. */
export interface InfoMethodSpec {
  /** Human text of the permission, as 403 messages show it. */
  readonly permissionLabel: string
  /** One line saying what the call does (the first line of the description). */
  readonly summary: string
  /** `HEAD` on this GET answers the total in `X-totalItems` (the server lists HEAD beside it). */
  readonly count: boolean
  readonly restParams: readonly ParamSpec[]
  readonly queryParams: readonly ParamSpec[]
  /** Accepts the shared search parameters (limit, before, after, sort, ...). */
  readonly searchParams: boolean
}

/** What the catalog knows about one method of one route: the `/info/api` facts and the curated ones. */
export interface MethodSpec extends InfoMethodSpec {
  /** Permission constant the server checks, or `Anonymous` for public methods. */
  readonly permission: string
  /** A list that can be paged with `limit` + `before`; then `pagination` says how. */
  readonly paginated: boolean
  /** How to page this list (present exactly when `paginated`). */
  readonly pagination?: PaginationSpec
  /** Accepts a multipart upload; then `uploadForm` says which form. */
  readonly upload: boolean
  /** The multipart form the upload takes (present exactly when `upload`). */
  readonly uploadForm?: UploadForm
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

/** One route as `GET /info/api` describes it: what `src/catalog.generated.ts` holds. */
export interface InfoRouteSpec {
  readonly id: string
  readonly pattern: string
  readonly category: string
  readonly name: string | null
  readonly filesystem: boolean
  readonly params: readonly string[]
  readonly methods: { readonly [M in HttpMethod]?: InfoMethodSpec }
}

/**
 * The hand-written facts `/info/api` lacks (`src/catalog.overrides.ts`), merged over the generated
 * catalog at load. Every key must name a route (and method) of the generated catalog.
 */
export interface CatalogOverrides {
  /**
   * Per method, keyed `'METHOD /pattern'`: the facts that differ from what the document gives
   * (permission constant, model, paging, uploads...). A method the document lacks must be a
   * complete deprecated request form (`deprecated` set).
   */
  readonly methods: { readonly [key: string]: Partial<MethodSpec> }
  /** Per route, keyed by pattern. */
  readonly routes: { readonly [pattern: string]: { readonly actorNotRequired?: readonly HttpMethod[] } }
  /** Whole routes the server never lists: `info_api` itself and deprecated request forms. */
  readonly extraRoutes: readonly RouteSpec[]
}

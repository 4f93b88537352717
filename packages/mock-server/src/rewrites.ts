import { sha1Hex } from '@maxclient/resources'

/** A request as the router sees it after tunnelling and deprecation rewrites. */
export interface RoutedRequest {
  method: string
  path: string
  body: unknown
}

const OVERRIDABLE = new Set(['GET', 'PUT', 'DELETE'])

/**
 * `X-HTTP-Method-Override` on a POST (header, query parameter or form field) turns it into a
 * GET, PUT or DELETE, as MAX's tunnelling tween does. Other methods and values are left alone.
 */
export function overriddenMethod(
  method: string,
  headers: Headers,
  query: URLSearchParams,
  form?: URLSearchParams,
): string {
  if (method !== 'POST') return method
  const wanted = (
    headers.get('x-http-method-override') ??
    query.get('X-HTTP-Method-Override') ??
    form?.get('X-HTTP-Method-Override') ??
    ''
  ).toUpperCase()
  return OVERRIDABLE.has(wanted) ? wanted : method
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const personActor = (username: string) => ({ objectType: 'person', username })

function urlOf(value: unknown): string {
  return isObject(value) && typeof value.url === 'string' ? value.url : ''
}

const segment = (value: string) => {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

type Rule = (path: string, body: unknown) => RoutedRequest | undefined

/** The POST rewrites of MAX's deprecation tween, in its order. */
const POST_RULES: Rule[] = [
  (path, body) => {
    const m = /\/people\/([^/]+)\/activities$/.exec(path)
    if (!m || !isObject(body)) return undefined
    const contexts = body.contexts
    if (!Array.isArray(contexts) || contexts.length === 0) {
      if (Object.hasOwn(body, 'contexts')) {
        const { contexts: _dropped, ...rest } = body
        return { method: 'POST', path, body: rest }
      }
      return undefined
    }
    const { contexts: _dropped, ...rest } = body
    const hash = sha1Hex(urlOf(contexts[0]))
    return {
      method: 'POST',
      path: `/contexts/${hash}/activities`,
      body: { ...rest, actor: personActor(segment(m[1]!)) },
    }
  },
  (path, body) => {
    const m = /\/people\/([^/]+)\/subscriptions$/.exec(path)
    if (!m) return undefined
    const source = isObject(body) ? body : {}
    const { object, ...rest } = source
    return {
      method: 'POST',
      path: `/contexts/${sha1Hex(urlOf(object))}/subscriptions`,
      body: { ...rest, actor: personActor(segment(m[1]!)) },
    }
  },
  (path, body) => {
    const m = /\/people\/([^/]+)$/.exec(path)
    if (!m) return undefined
    return {
      method: 'POST',
      path: '/people',
      body: { ...(isObject(body) ? body : {}), username: segment(m[1]!) },
    }
  },
  (path) => {
    const m = /\/people\/([^/]+)\/conversations\/([^/]+)$/.exec(path)
    if (!m) return undefined
    return {
      method: 'POST',
      path: `/conversations/${m[2]}/participants`,
      body: { actor: personActor(segment(m[1]!)) },
    }
  },
  (path) => {
    const m = /\/people\/([^/]+)\/device\/([^/]+)\/([^/]+)$/.exec(path)
    if (!m) return undefined
    return { method: 'POST', path: '/tokens', body: { platform: segment(m[2]!), token: segment(m[3]!) } }
  },
]

/** The DELETE rewrites: path only. */
const DELETE_RULES: Rule[] = [
  (path, body) => {
    const m = /\/people\/([^/]+)\/subscriptions\/([^/]+)$/.exec(path)
    return m ? { method: 'DELETE', path: `/contexts/${m[2]}/subscriptions/${m[1]}`, body } : undefined
  },
  (path, body) => {
    const m = /\/people\/([^/]+)\/conversations\/([^/]+)$/.exec(path)
    return m ? { method: 'DELETE', path: `/conversations/${m[2]}/participants/${m[1]}`, body } : undefined
  },
  (path, body) => {
    const m = /\/people\/([^/]+)\/device\/([^/]+)\/([^/]+)$/.exec(path)
    return m ? { method: 'DELETE', path: `/tokens/${m[3]}`, body } : undefined
  },
]

/**
 * Applies MAX's deprecation rewrites: the first matching rule of the method wins. Returns the
 * request unchanged when none applies, plus whether the old device-token form was used (its
 * answer body is the actor profile).
 */
export function rewriteDeprecated(request: RoutedRequest): RoutedRequest & { deviceTokenForm: boolean } {
  const rules = request.method === 'POST' ? POST_RULES : request.method === 'DELETE' ? DELETE_RULES : []
  for (const rule of rules) {
    const rewritten = rule(request.path, request.body)
    if (rewritten) {
      const deviceTokenForm =
        request.method === 'POST' && rewritten.path === '/tokens' && request.path !== '/tokens'
      return { ...rewritten, deviceTokenForm }
    }
  }
  return { ...request, deviceTokenForm: false }
}

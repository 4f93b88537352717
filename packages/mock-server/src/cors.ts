// CORS, so a page on another origin (a browser app, the docs of another server) can call the mock.
// Auth travels in X-Oauth-* headers, never cookies, so any origin may read the answers.

/** Methods a cross-origin page may use (MAX's own; HEAD answers counts). */
export const CORS_ALLOW_METHODS = 'GET, POST, PUT, DELETE, HEAD'
/** Request headers a cross-origin page may send: auth, bodies, and MAX's method and client switches. */
export const CORS_ALLOW_HEADERS =
  'Content-Type, Authorization, X-Oauth-Token, X-Oauth-Username, X-Oauth-Scope, X-HTTP-Method-Override, X-From-Utalk'
/** Response headers a cross-origin page may read: the counts and paging flags, and retry hints. */
export const CORS_EXPOSE_HEADERS = 'X-totalItems, X-Has-Remaining-Items, Retry-After, Content-Disposition'
/** Seconds a browser may cache a preflight answer. */
export const CORS_MAX_AGE = 600

/** The answer to a CORS preflight (OPTIONS with Origin and Access-Control-Request-Method), else undefined. */
export function preflight(request: Request): Response | undefined {
  if (
    request.method !== 'OPTIONS' ||
    !request.headers.has('origin') ||
    !request.headers.has('access-control-request-method')
  )
    return undefined
  return new Response(null, {
    status: 204,
    headers: {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': CORS_ALLOW_METHODS,
      'access-control-allow-headers': CORS_ALLOW_HEADERS,
      'access-control-max-age': String(CORS_MAX_AGE),
    },
  })
}

/** Wraps a fetch-style handler so every answer carries the CORS headers of a simple response. */
export function withCors<A extends unknown[]>(
  handle: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args) => {
    const response = await handle(...args)
    try {
      response.headers.set('access-control-allow-origin', '*')
      response.headers.set('access-control-expose-headers', CORS_EXPOSE_HEADERS)
      return response
    } catch {
      // Immutable headers (a Response we did not build): copy it.
      const headers = new Headers(response.headers)
      headers.set('access-control-allow-origin', '*')
      headers.set('access-control-expose-headers', CORS_EXPOSE_HEADERS)
      return new Response(response.body, {
        status: response.status,
        statusText: response.statusText,
        headers,
      })
    }
  }
}

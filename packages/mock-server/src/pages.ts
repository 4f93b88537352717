/**
 * The non-JSON pages MAX's web framework (Pyramid) answers for unknown routes and methods and for
 * missing files. Content negotiation follows Pyramid: JSON when the client prefers
 * application/json, HTML for browsers and `*\/*`, plain text otherwise.
 */
export function notFoundPage(request: Request, path: string): Response {
  const explanation = 'The resource could not be found.'
  return frameworkPage(request, 404, 'Not Found', explanation, path)
}

/** 410 for a download whose stored file is gone (or an unknown image size). */
export function goneResponse(path: string): Response {
  return new Response(`410 Gone\n\nThe resource is no longer available.\n\n${path}\n`, {
    status: 410,
    headers: { 'content-type': 'text/plain; charset=UTF-8' },
  })
}

function frameworkPage(
  request: Request,
  status: number,
  title: string,
  explanation: string,
  path: string,
): Response {
  const accept = (request.headers.get('accept') ?? '*/*').toLowerCase()
  const first = accept.split(',')[0]?.split(';')[0]?.trim() ?? '*/*'
  if (first === 'application/json') {
    return new Response(
      JSON.stringify({ message: `${explanation}\n\n${path}`, code: `${status} ${title}`, title }),
      {
        status,
        headers: { 'content-type': 'application/json' },
      },
    )
  }
  if (first === 'text/html' || first === '*/*' || accept.includes('text/html')) {
    const escaped = path.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
    const html = `<html>\n <head>\n  <title>${status} ${title}</title>\n </head>\n <body>\n  <h1>${status} ${title}</h1>\n  ${explanation}<br/><br/>\n${escaped}\n\n\n </body>\n</html>`
    return new Response(html, { status, headers: { 'content-type': 'text/html; charset=UTF-8' } })
  }
  return new Response(`${status} ${title}\n\n${explanation}\n\n${path}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=UTF-8' },
  })
}

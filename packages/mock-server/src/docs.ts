// `GET /openapi.json` and `GET /docs`: the OpenAPI document of the MAX API and a browsable
// reference (Swagger UI, copied from the npm package into dist/docs at build time) whose
// "try it" calls go to this server. The renderer's files are read only when /docs asks for them.

/** Where the API reference lives on the mock server's origin. */
export const DOCS_PATH = '/docs'
/** Where the OpenAPI document lives on the mock server's origin. */
export const OPENAPI_PATH = '/openapi.json'

/** The renderer files served under /docs/, with their content types. */
const ASSETS: Readonly<Record<string, string>> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=UTF-8',
  'swagger-ui.css': 'text/css; charset=UTF-8',
  LICENSE: 'text/plain; charset=UTF-8',
  NOTICE: 'text/plain; charset=UTF-8',
}

const assetCache = new Map<string, Uint8Array>()

/**
 * Where the build's copy is: ../dist/docs/ from src/ (tests) and from dist/ alike; when this code
 * is bundled into another program (maxcli demo), the installed package's dist/docs/.
 */
async function assetDirs(): Promise<URL[]> {
  const dirs = [new URL('../dist/docs/', import.meta.url)]
  try {
    const { createRequire } = await import('node:module')
    const { pathToFileURL } = await import('node:url')
    const manifest = createRequire(import.meta.url).resolve('@maxclient/mock-server/package.json')
    dirs.push(new URL('dist/docs/', pathToFileURL(manifest)))
  } catch {
    // Not installed where the bundle runs: only the first place is left.
  }
  return dirs
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>MAX API reference (mock server)</title>
<link rel="stylesheet" href="${DOCS_PATH}/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${DOCS_PATH}/swagger-ui-bundle.js"></script>
<script src="${DOCS_PATH}/init.js"></script>
</body>
</html>
`

// validatorUrl: null keeps Swagger UI from sending the document to validator.swagger.io.
const INIT = `window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(OPENAPI_PATH)},
  dom_id: '#swagger-ui',
  validatorUrl: null,
  deepLinking: true,
  docExpansion: 'list',
  defaultModelsExpandDepth: 0,
  supportedSubmitMethods: ['get', 'put', 'post', 'delete', 'head'],
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
})
`

const MOCK_NOTE =
  '\n\nThis is the mock server: get a token with `POST /oauth/token` (form fields `grant_type=password`, ' +
  '`username`, `password`, `scope=widgetcli`), then use **Authorize** with the three `X-Oauth-*` values.'

function text(body: string | Uint8Array, type: string, head: boolean): Response {
  return new Response(head ? null : (body as BodyInit), {
    headers: { 'content-type': type, 'x-content-type-options': 'nosniff' },
  })
}

async function readAsset(name: string): Promise<Uint8Array | undefined> {
  let bytes = assetCache.get(name)
  if (bytes) return bytes
  const { readFile } = await import('node:fs/promises')
  for (const dir of await assetDirs()) {
    try {
      bytes = new Uint8Array(await readFile(new URL(name, dir)))
    } catch {
      continue
    }
    assetCache.set(name, bytes)
    return bytes
  }
  return undefined
}

/**
 * Answers `/openapi.json`, `/docs` and the renderer's files under `/docs/`; undefined for any
 * other request (the MAX routes). The document names the request's origin as its server.
 */
export async function docsResponse(request: Request, url: URL): Promise<Response | undefined> {
  const path = url.pathname
  const method = request.method
  if (method !== 'GET' && method !== 'HEAD') return undefined
  const head = method === 'HEAD'
  if (path === OPENAPI_PATH) {
    const { openApiDocument } = await import('@maxclient/resources/openapi')
    const doc = openApiDocument({ servers: [{ url: url.origin, description: 'This mock server' }] })
    doc.info.description += MOCK_NOTE
    return text(JSON.stringify(doc), 'application/json', head)
  }
  if (path === DOCS_PATH || path === `${DOCS_PATH}/`) return text(PAGE, 'text/html; charset=UTF-8', head)
  if (!path.startsWith(`${DOCS_PATH}/`)) return undefined
  const name = path.slice(DOCS_PATH.length + 1)
  if (name === 'init.js') return text(INIT, 'text/javascript; charset=UTF-8', head)
  const type = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined
  if (type === undefined) return undefined
  const bytes = await readAsset(name)
  if (!bytes) {
    return new Response(
      `The API reference files are missing: build @maxclient/mock-server (dist/docs/${name}).\n`,
      {
        status: 503,
        headers: { 'content-type': 'text/plain; charset=UTF-8' },
      },
    )
  }
  return text(bytes, type, head)
}

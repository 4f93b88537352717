// The loopback MAX server the benchmark talks to. It runs in its own process so that its CPU never
// counts against the client being measured. Started as a script it listens on 127.0.0.1, port 0,
// and prints one line `{"port":N}` on stdout once it accepts connections.

import { createServer } from 'node:http'
import { pathToFileURL } from 'node:url'
import {
  activity,
  activityIndex,
  BENCH_SCOPE,
  BENCH_TOKEN,
  BENCH_USER,
  person,
  WARMUP_ACTIVITIES,
  WARMUP_USER,
} from './fixtures.mjs'

/**
 * @typedef {object} BenchServerOptions
 * @property {number} [activities] length of the bench user's timeline (default 100,000)
 * @property {number} [warmupActivities] length of the warm-up user's timeline (default 1,000)
 * @property {number} [port] default 0 (any free port)
 */

/**
 * @typedef {object} BenchServer
 * @property {number} port
 * @property {string} url base URL, no trailing slash
 * @property {() => Promise<void>} close
 */

const JSON_TYPE = 'application/json; charset=utf-8'

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string | Buffer} body
 * @param {Record<string, string>} [headers]
 */
function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    'content-type': JSON_TYPE,
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  })
  res.end(body)
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} error
 * @param {string} description
 */
function sendError(res, status, error, description) {
  send(res, status, JSON.stringify({ error, error_description: description }))
}

/**
 * A timeline page: activities older than `before`, newest first, at most `limit` of them.
 * @param {string} username
 * @param {number} total
 * @param {URLSearchParams} query
 * @returns {{ body: string, remaining: boolean } | { error: string }}
 */
function timelinePage(username, total, query) {
  const limitText = query.get('limit') ?? '10'
  const limit = Number(limitText)
  if (!Number.isInteger(limit) || limit < 0)
    return { error: `limit must be a whole number, got ${limitText}` }
  let start = total - 1
  const before = query.get('before')
  if (before !== null) {
    const index = activityIndex(before)
    if (index === undefined) return { error: `before must be an activity id (24 hex digits), got ${before}` }
    start = Math.min(index - 1, total - 1)
  }
  const count = limit === 0 ? start + 1 : Math.max(0, Math.min(limit, start + 1))
  const items = new Array(count)
  for (let i = 0; i < count; i++) items[i] = JSON.stringify(activity(start - i, username))
  return { body: `[${items.join(',')}]`, remaining: start - count >= 0 }
}

/** Usernames `timeline.N` own a timeline of N activities, so a run can page through as many as it wants. */
const SIZED_TIMELINE = /^timeline\.(\d{1,9})$/

/**
 * @param {Record<string, number>} timelines
 * @param {string} username
 */
function timelineLength(timelines, username) {
  const known = timelines[username]
  if (known !== undefined) return known
  const sized = SIZED_TIMELINE.exec(username)
  return sized === null ? 0 : Number(sized[1])
}

/**
 * Starts the loopback server on 127.0.0.1.
 * @param {BenchServerOptions} [options]
 * @returns {Promise<BenchServer>}
 */
export async function startBenchServer(options = {}) {
  const total = options.activities ?? 100_000
  if (!Number.isInteger(total) || total < 0) {
    throw new TypeError(`activities must be a whole number >= 0, got ${String(options.activities)}`)
  }
  const warmup = options.warmupActivities ?? WARMUP_ACTIVITIES
  if (!Number.isInteger(warmup) || warmup < 0) {
    throw new TypeError(
      `warmupActivities must be a whole number >= 0, got ${String(options.warmupActivities)}`,
    )
  }
  /** @type {Record<string, number>} */
  const timelines = { [BENCH_USER]: total, [WARMUP_USER]: warmup }
  const personBody = JSON.stringify(person(BENCH_USER))

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    /** @type {string[]} */
    let parts
    try {
      parts = url.pathname.split('/').slice(1).map(decodeURIComponent)
    } catch {
      req.resume()
      sendError(res, 400, 'InvalidPath', `The path ${url.pathname} is not valid percent-encoding`)
      return
    }
    /** @type {Buffer[]} */
    const chunks = []
    req.on('data', (chunk) => chunks.push(chunk))
    req.on('end', () => {
      if (parts[0] === 'info' && parts.length === 1 && req.method === 'GET') {
        send(res, 200, JSON.stringify({ version: 'bench', 'max.oauth_server': 'http://127.0.0.1:1' }))
        return
      }
      const h = req.headers
      if (
        h['x-oauth-token'] !== BENCH_TOKEN ||
        !h['x-oauth-username'] ||
        h['x-oauth-scope'] !== BENCH_SCOPE
      ) {
        sendError(res, 401, 'Unauthorized', 'X-Oauth-Token, X-Oauth-Username and X-Oauth-Scope are required')
        return
      }
      const username = parts[1] ?? ''
      if (parts[0] !== 'people' || parts.length < 2) {
        sendError(res, 404, 'ObjectNotFound', `No route for ${url.pathname}`)
        return
      }
      const route = `${req.method} ${parts.length === 2 ? '/people/{username}' : `/people/{username}/${parts.slice(2).join('/')}`}`
      switch (route) {
        case 'GET /people/{username}':
          send(res, 200, username === BENCH_USER ? personBody : JSON.stringify(person(username)))
          return
        case 'GET /people/{username}/timeline': {
          const page = timelinePage(username, timelineLength(timelines, username), url.searchParams)
          if ('error' in page) sendError(res, 400, 'InvalidSearchParams', page.error)
          else send(res, 200, page.body, page.remaining ? { 'x-has-remaining-items': '1' } : {})
          return
        }
        case 'POST /people/{username}/activities': {
          const text = Buffer.concat(chunks).toString('utf8')
          /** @type {unknown} */
          let body
          try {
            body = JSON.parse(text)
          } catch {
            sendError(res, 400, 'JSONParseError', 'The body is not valid JSON')
            return
          }
          if (typeof body !== 'object' || body === null || Array.isArray(body)) {
            sendError(res, 400, 'ValidationError', 'The body must be a JSON object')
            return
          }
          // The echo: what MAX would store, with the fields MAX adds.
          const created = { ...body, id: '519b0000000000000000ffff', objectType: 'activity', verb: 'post' }
          send(res, 201, JSON.stringify(created))
          return
        }
        case 'HEAD /people/{username}/activities':
        case 'HEAD /people/{username}/timeline':
          res.writeHead(200, {
            'x-totalitems': String(timelineLength(timelines, username)),
            'content-length': '0',
          })
          res.end()
          return
        default:
          sendError(res, 404, 'ObjectNotFound', `No route for ${req.method} ${url.pathname}`)
      }
    })
  })
  server.keepAliveTimeout = 60_000

  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined))
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address')
  return {
    port: address.port,
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

/**
 * @param {string[]} argv
 * @param {string} flag
 */
function wholeNumberFlag(argv, flag) {
  const i = argv.indexOf(flag)
  if (i === -1) return undefined
  const value = Number(argv[i + 1])
  if (!Number.isInteger(value) || value < 0) {
    throw new TypeError(`${flag} takes a whole number >= 0, got ${String(argv[i + 1])}`)
  }
  return value
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const argv = process.argv.slice(2)
  const server = await startBenchServer({
    activities: wholeNumberFlag(argv, '--activities'),
    warmupActivities: wholeNumberFlag(argv, '--warmup-activities'),
  })
  process.stdout.write(`${JSON.stringify({ port: server.port })}\n`)
  // The parent closes our stdin when it is done; exit then, so no orphan outlives the run.
  process.stdin.on('end', () => process.exit(0))
  process.stdin.resume()
}

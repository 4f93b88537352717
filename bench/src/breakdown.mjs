#!/usr/bin/env node
// Where a client's CPU per request goes, in two halves measured separately:
//   layers:    the client over an in-memory transport (no I/O) against the floor's own JSON work;
//   transport: core's node transport against node:http written by hand, and hand-written variants
//              that each add one thing core's transport does (URL string, accept-encoding, a timer).
// Variants run in interleaved rounds and the median is reported, so a busy spell on a shared machine
// hits them all alike. Usage: node src/breakdown.mjs [--rounds N] [--calls N]

import { spawn } from 'node:child_process'
import http from 'node:http'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createNodeTransport, withTimeoutSupport } from '@maxclient/core'
import { MaxClient as RestClient } from '@maxclient/rest'
import { MaxClient as RpcClient } from '@maxclient/rpc'
import { BENCH_SCOPE, BENCH_TOKEN, BENCH_USER, POST_CONTENT, person, postBody } from './fixtures.mjs'
import { median } from './stats.mjs'

const here = dirname(fileURLToPath(import.meta.url))

/**
 * Median CPU microseconds per call of each variant, over interleaved rounds.
 * @param {Record<string, () => Promise<unknown>>} variants
 * @param {{ rounds: number, calls: number }} sizes
 */
async function compare(variants, { rounds, calls }) {
  /** @type {Record<string, number[]>} */
  const samples = Object.fromEntries(Object.keys(variants).map((name) => [name, []]))
  for (const op of Object.values(variants)) for (let i = 0; i < calls; i++) await op()
  for (let round = 0; round < rounds; round++) {
    for (const [name, op] of Object.entries(variants)) {
      const before = process.cpuUsage()
      for (let i = 0; i < calls; i++) await op()
      const cpu = process.cpuUsage(before)
      samples[name]?.push((cpu.user + cpu.system) / calls)
    }
  }
  return Object.entries(samples).map(([name, list]) => ({ name, usPerCall: median(list) }))
}

/**
 * The client layers over a transport that answers from memory. It is marked as enforcing timeouts
 * itself, as core's node transport is; one extra row shows a transport that is not (fetch, custom).
 */
function layerVariants() {
  const encoder = new TextEncoder()
  const json = { 'content-type': 'application/json' }
  const personBytes = encoder.encode(JSON.stringify(person(BENCH_USER)))
  const echoBytes = encoder.encode(JSON.stringify({ ...postBody(), id: '519b0000000000000000ffff' }))
  /** @type {import('@maxclient/core').Transport} */
  const answer = async (request) =>
    request.method === 'POST'
      ? { status: 201, headers: json, body: echoBytes }
      : { status: 200, headers: json, body: personBytes }
  const memory = withTimeoutSupport(answer)
  const options = { actor: BENCH_USER, token: BENCH_TOKEN, transport: memory }
  const rest = new RestClient('http://127.0.0.1:9', options)
  const rpc = new RpcClient('http://127.0.0.1:9', options)
  const restNoTimeout = new RestClient('http://127.0.0.1:9', {
    ...options,
    transport: async (r) => answer(r),
  })
  /** @param {RestClient} client */
  const peopleOf = (client) =>
    /** @type {NonNullable<RestClient['people'][string]>} */ (client.people[BENCH_USER])
  const people = peopleOf(rest)
  const peopleNoTimeout = peopleOf(restNoTimeout)
  /** @param {Uint8Array} bytes */
  const parse = (bytes) =>
    JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'))
  return {
    get: {
      'floor: JSON.parse of the answer': async () =>
        parse((await memory({ method: 'GET', url: '', headers: {} })).body),
      'rest people[u].get()': () => people.get(),
      'rpc getUser(u)': () => rpc.getUser(BENCH_USER),
      'rest, transport without timeout support': () => peopleNoTimeout.get(),
    },
    post: {
      'floor: stringify + parse': async () => {
        const body = JSON.stringify(postBody())
        return parse((await memory({ method: 'POST', url: '', headers: {}, body })).body)
      },
      'rest defaults + expansion': () =>
        people.activities.post({ object_content: POST_CONTENT, generator: 'maxclient-bench' }),
      'rpc addActivity(...)': () =>
        rpc.addActivity(POST_CONTENT, 'note', undefined, 'maxclient-bench', BENCH_USER),
    },
  }
}

/**
 * node:http by hand, one addition at a time, and core's node transport.
 * @param {number} port
 */
function transportVariants(port) {
  const url = `http://127.0.0.1:${port}/people/${encodeURIComponent(BENCH_USER)}`
  const path = new URL(url).pathname
  const headers = {
    accept: 'application/json',
    'x-oauth-token': BENCH_TOKEN,
    'x-oauth-username': BENCH_USER,
    'x-oauth-scope': BENCH_SCOPE,
  }
  const agent = new http.Agent({ keepAlive: true })
  /**
   * @param {(callback: (res: import('node:http').IncomingMessage) => void) => import('node:http').ClientRequest} start
   * @param {boolean} [timer]
   * @returns {Promise<Buffer>}
   */
  const read = (start, timer = false) =>
    new Promise((resolve, reject) => {
      const timeout = timer ? setTimeout(() => {}, 30_000) : undefined
      const req = start((res) => {
        /** @type {Buffer[]} */
        const chunks = []
        res.on('data', (chunk) => chunks.push(chunk))
        res.on('end', () => {
          clearTimeout(timeout)
          resolve(Buffer.concat(chunks))
        })
      })
      req.on('error', reject)
      req.end()
    })
  const options = { agent, host: '127.0.0.1', port, path, headers }
  const transport = createNodeTransport()
  return {
    'node:http, options object (floor)': () => read((cb) => http.request(options, cb)),
    '+ URL string instead of options': () => read((cb) => http.request(url, { agent, headers }, cb)),
    '+ accept-encoding: gzip, deflate': () =>
      read((cb) =>
        http.request({ ...options, headers: { ...headers, 'accept-encoding': 'gzip, deflate' } }, cb),
      ),
    '+ a 30 s setTimeout per request': () => read((cb) => http.request(options, cb), true),
    'core createNodeTransport()': () => transport({ method: 'GET', url, headers, timeout: 30_000 }),
  }
}

/**
 * POST of the 1 KB note over loopback: by hand, through core's transport, through each client.
 * @param {number} port
 */
function postVariants(port) {
  const path = `/people/${encodeURIComponent(BENCH_USER)}/activities`
  const url = `http://127.0.0.1:${port}${path}`
  const headers = {
    accept: 'application/json',
    'content-type': 'application/json',
    'x-oauth-token': BENCH_TOKEN,
    'x-oauth-username': BENCH_USER,
    'x-oauth-scope': BENCH_SCOPE,
  }
  const agent = new http.Agent({ keepAlive: true })
  const transport = createNodeTransport()
  const options = { actor: BENCH_USER, token: BENCH_TOKEN }
  const rest = new RestClient(`http://127.0.0.1:${port}`, options)
  const rpc = new RpcClient(`http://127.0.0.1:${port}`, options)
  const people = /** @type {NonNullable<RestClient['people'][string]>} */ (rest.people[BENCH_USER])
  return {
    'node:http POST, stringify + parse (floor)': () =>
      new Promise((resolve, reject) => {
        const body = JSON.stringify(postBody())
        const req = http.request(
          {
            agent,
            host: '127.0.0.1',
            port,
            path,
            method: 'POST',
            headers: { ...headers, 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            /** @type {Buffer[]} */
            const chunks = []
            res.on('data', (chunk) => chunks.push(chunk))
            res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))))
          },
        )
        req.on('error', reject)
        req.end(body)
      }),
    'core createNodeTransport() POST': () =>
      transport({ method: 'POST', url, headers, body: JSON.stringify(postBody()), timeout: 30_000 }),
    'rest activities.post(...)': () =>
      people.activities.post({ object_content: POST_CONTENT, generator: 'maxclient-bench' }),
    'rpc addActivity(...)': () =>
      rpc.addActivity(POST_CONTENT, 'note', undefined, 'maxclient-bench', BENCH_USER),
  }
}

/** @param {string} title @param {{ name: string, usPerCall: number }[]} rows */
function print(title, rows) {
  const floor = rows[0]?.usPerCall ?? Number.NaN
  process.stdout.write(`${title}\n`)
  for (const { name, usPerCall } of rows) {
    const delta = usPerCall - floor
    process.stdout.write(
      `  ${name.padEnd(38)} ${usPerCall.toFixed(1).padStart(7)} us/call  ${delta >= 0 ? '+' : ''}${delta.toFixed(1)} vs first row\n`,
    )
  }
}

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '15' }, calls: { type: 'string', default: '300' } },
})
const sizes = { rounds: Number(values.rounds), calls: Number(values.calls) }
for (const [name, value] of Object.entries(sizes)) {
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(
      `--${name} takes a whole number >= 1, got ${values[/** @type {'rounds' | 'calls'} */ (name)]}\n`,
    )
    process.exit(2)
  }
}

const layers = layerVariants()
print('GET through the client layers, in-memory transport (CPU per call)', await compare(layers.get, sizes))
print('\nPOST through the client layers, in-memory transport', await compare(layers.post, sizes))
const server = spawn(process.execPath, [join(here, 'server.mjs'), '--activities', '0'], {
  stdio: ['pipe', 'pipe', 'inherit'],
})
/** @type {number} */
const port = await new Promise((resolve, reject) => {
  server.once('exit', (code) => reject(new Error(`the loopback server exited early with ${code}`)))
  server.stdout.setEncoding('utf8').once('data', (line) => resolve(JSON.parse(String(line)).port))
})
try {
  print('\nGET over loopback HTTP (CPU per request)', await compare(transportVariants(port), sizes))
  print('\nPOST 1 KB over loopback HTTP (CPU per request)', await compare(postVariants(port), sizes))
} finally {
  server.removeAllListeners('exit')
  server.stdin.end()
}
process.exit(0)

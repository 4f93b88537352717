// Whole-process cases: each run is a fresh `node` (or python) process, timed from spawn to exit by
// the parent; CPU and peak RSS come from the process itself through src/probe.cjs.

import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { basename, dirname, isAbsolute, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { BULK_SIZES, bulkInput } from './bulk-fixtures.mjs'
import { collectOutput } from './collect.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const probe = join(here, 'probe.cjs')

/**
 * @typedef {object} ProcessCommand
 * @property {string} command
 * @property {string[]} args
 * @property {(stdout: string) => string | undefined} check returns what is wrong with the output, if anything
 */

/**
 * @typedef {object} ProcessRun
 * @property {number} wallMs spawn to exit, seen by the parent
 * @property {number} cpuUs
 * @property {number} rssMb
 */

/** Path of the maxcli bin script, found through the package name as a user's install would. */
function maxcliBin() {
  const require = createRequire(import.meta.url)
  const manifestPath = require.resolve('@maxclient/cli/package.json')
  /** @type {{ bin?: Record<string, string> }} */
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  const bin = manifest.bin?.maxcli
  if (!bin) throw new Error('@maxclient/cli has no "maxcli" entry under "bin" in its package.json')
  return join(dirname(manifestPath), bin)
}

/** @returns {string | { unavailable: string }} the maxcli bin script, or why it cannot run */
function findMaxcli() {
  try {
    return maxcliBin()
  } catch (error) {
    return { unavailable: error instanceof Error ? error.message : String(error) }
  }
}

/** @returns {string | undefined} why Python cannot run the reference script, if it cannot */
function pythonProblem() {
  const found = spawnSync('python3', ['-c', 'import requests'], { encoding: 'utf8' })
  if (found.error) return `python3 not found (${found.error.message})`
  if (found.status !== 0) return 'python3 has no "requests" module (pip install requests)'
  return undefined
}

/**
 * The command of one process runner, or the reason it cannot run here.
 * @param {string} caseId
 * @param {string} runner
 * @param {string} username
 * @param {'full' | 'smoke'} [mode]
 * @returns {ProcessCommand | { unavailable: string }}
 */
export function processCommand(caseId, runner, username, mode = 'full') {
  const node = process.execPath
  /** @param {string} stdout */
  const hasPerson = (stdout) =>
    stdout.includes(`"username": "${username}"`) || stdout.includes(`"username":"${username}"`)
      ? undefined
      : `expected the person ${username} on stdout, got ${JSON.stringify(stdout.slice(0, 200))}`
  /** @param {string} stdout */
  const isVersion = (stdout) =>
    /\d+\.\d+\.\d+/.test(stdout)
      ? undefined
      : `expected a version on stdout, got ${JSON.stringify(stdout.slice(0, 200))}`
  const oneshot = caseId === 'cli-oneshot'
  switch (runner) {
    case 'raw-http-script':
      return {
        command: node,
        args: ['--require', probe, join(here, 'oneshot/raw-http.mjs')],
        check: hasPerson,
      }
    case 'raw-http-cjs-script':
      return { command: node, args: ['--require', probe, cjsFloor()], check: hasPerson }
    case 'fetch-script':
      return { command: node, args: ['--require', probe, join(here, 'oneshot/fetch.mjs')], check: hasPerson }
    case 'node-e-0':
      return { command: node, args: ['--require', probe, '-e', '0'], check: () => undefined }
    case 'maxcli': {
      const bin = findMaxcli()
      if (typeof bin !== 'string') return bin
      return oneshot
        ? {
            command: node,
            args: ['--require', probe, bin, 'api', `/people/${encodeURIComponent(username)}`],
            check: hasPerson,
          }
        : { command: node, args: ['--require', probe, bin, '--version'], check: isVersion }
    }
    case 'bulk-small':
    case 'bulk-large': {
      const bin = findMaxcli()
      if (typeof bin !== 'string') return bin
      const [small, large] = BULK_SIZES['bulk-resume'][mode]
      const rows = runner === 'bulk-small' ? small : large
      const input = bulkInput('bulk-resume', rows, username)
      return {
        command: node,
        args: ['--require', probe, bin, 'bulk', input, '--resume'],
        check: () => undefined,
      }
    }
    case 'python-requests': {
      const problem = pythonProblem()
      if (problem) return { unavailable: problem }
      return { command: 'python3', args: [join(here, 'oneshot/python_requests.py')], check: hasPerson }
    }
    default:
      throw new Error(`unknown process runner ${runner}`)
  }
}

/**
 * The command as a reader would type it: no probe, scripts by file name.
 * @param {ProcessCommand} spec
 */
function describeCommand(spec) {
  const args = spec.args.filter((arg, i) => arg !== '--require' && spec.args[i - 1] !== '--require')
  return [basename(spec.command), ...args.map((arg) => (isAbsolute(arg) ? basename(arg) : arg))].join(' ')
}

/** @type {string | undefined} */
let cacheHome

/**
 * One cache directory for every run of this benchmark, as a user's machine keeps one: maxcli's
 * compiled-code cache (Node 22.1 and later) is warm after each runner's unmeasured first run, as it
 * is for every command a user runs after their first.
 */
function sharedCacheHome() {
  if (cacheHome === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'maxclient-bench-cache-'))
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
    cacheHome = dir
  }
  return cacheHome
}

/**
 * The one-shot floor as CommonJS: oneshot/raw-http.mjs with its one import turned into a `require`,
 * written once per benchmark. The module system is the only difference: on Node 22 and later an ES
 * module importing `node:http` builds that module's namespace, which loads undici (~25 ms), and
 * maxcli is CommonJS.
 */
function cjsFloor() {
  const file = join(sharedCacheHome(), 'raw-http.cjs')
  const source = readFileSync(join(here, 'oneshot/raw-http.mjs'), 'utf8')
  const cjs = source.replace(/^import http from 'node:http'$/m, "const http = require('node:http')")
  if (cjs === source)
    throw new Error("oneshot/raw-http.mjs no longer has the line `import http from 'node:http'`")
  writeFileSync(file, cjs)
  return file
}

/**
 * Runs the command once and measures it.
 * @param {ProcessCommand} spec
 * @param {Record<string, string>} env MAX_SERVER, MAX_USERNAME, MAX_TOKEN
 * @returns {Promise<ProcessRun>}
 */
export async function runProcess(spec, env) {
  // An empty home: no user config or stored token can change what the CLI does.
  const home = mkdtempSync(join(tmpdir(), 'maxclient-bench-'))
  const probeFile = join(home, 'probe.json')
  try {
    /** @type {NodeJS.ProcessEnv} */
    const childEnv = {
      ...process.env,
      ...env,
      HOME: home,
      XDG_CONFIG_HOME: home,
      XDG_CACHE_HOME: sharedCacheHome(),
      BENCH_PROBE_FILE: probeFile,
    }
    delete childEnv.NODE_OPTIONS
    const started = process.hrtime.bigint()
    const { code, stdout, stderr, exitedAt } = await collectOutput(spec.command, spec.args, childEnv)
    const wallMs = Number(exitedAt - started) / 1e6
    const name = describeCommand(spec)
    if (code !== 0) throw new Error(`${name} exited with ${code}: ${stderr.slice(0, 500)}`)
    const wrong = spec.check(stdout)
    if (wrong) throw new Error(`${name}: ${wrong}`)
    /** @type {{ cpuUs: number, rssMb: number }} */
    const usage = JSON.parse(readFileSync(probeFile, 'utf8'))
    return { wallMs, cpuUs: usage.cpuUs, rssMb: usage.rssMb }
  } finally {
    rmSync(home, { recursive: true, force: true })
  }
}

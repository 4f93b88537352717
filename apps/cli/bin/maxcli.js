#!/usr/bin/env node
// CommonJS (bin/package.json), like the CLI it loads (dist/cli.cjs, see tsup.config.ts): Node's ES
// module loader would cost a one-shot command more than its request does.
'use strict'

const args = process.argv.slice(2)
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const text = `${require('../package.json').version}\n`
  try {
    // Straight to the descriptor: creating process.stdout would cost more than the rest of this answer.
    require('node:fs').writeSync(1, text)
  } catch (error) {
    // A non-blocking descriptor gets the stream's own handling; a reader that went away, silence.
    if (error.code === 'EAGAIN') process.stdout.write(text)
    else if (error.code !== 'EPIPE') throw error
  }
} else {
  useCompileCache(process.env)
  require('../dist/cli.cjs').run(args)
}

/**
 * On Node 22.1 and later, keeps V8's compiled code of the CLI between runs (`module.enableCompileCache`):
 * a one-shot command then skips most of parsing and compiling the ~300 KB it loads. The cache lives
 * in the user's own cache directory, private to them, never in the shared temporary directory Node
 * picks by default: compiled code read from a directory another user can write would run as this
 * user. `NODE_COMPILE_CACHE` (Node's own choice of directory) and `NODE_DISABLE_COMPILE_CACHE=1` are
 * honoured. Without a usable directory the CLI runs as on older Node, uncached.
 */
function useCompileCache(env) {
  const { enableCompileCache } = require('node:module')
  if (typeof enableCompileCache !== 'function') return
  if (env.NODE_COMPILE_CACHE || env.NODE_DISABLE_COMPILE_CACHE) return
  const dir = privateDirectory(compileCacheDir(env))
  if (dir !== undefined) enableCompileCache(dir)
}

/** `node-compile-cache` in maxcli's cache directory, by each platform's convention (as env-paths has it). */
function compileCacheDir(env) {
  const { join } = require('node:path')
  const home = require('node:os').homedir()
  let base
  if (process.platform === 'win32')
    base = join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'maxcli', 'Cache')
  else if (process.platform === 'darwin') base = join(home, 'Library', 'Caches', 'maxcli')
  else base = join(env.XDG_CACHE_HOME || join(home, '.cache'), 'maxcli')
  return join(base, 'node-compile-cache')
}

/**
 * `dir`, created if missing, when it is a real directory only its owner, this user, can enter
 * (made so if it is theirs and more open); otherwise `undefined`.
 */
function privateDirectory(dir) {
  const fs = require('node:fs')
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
    const stat = fs.lstatSync(dir)
    if (!stat.isDirectory()) return undefined
    if (process.platform === 'win32') return dir
    if (stat.uid !== process.getuid()) return undefined
    if ((stat.mode & 0o077) !== 0) fs.chmodSync(dir, 0o700)
    return dir
  } catch {
    // A read-only home, a file in the way: the cache is an optimisation, the command still runs.
    return undefined
  }
}

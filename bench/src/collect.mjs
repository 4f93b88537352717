// Running a child process to its end and keeping what it printed, for the scripts that read a
// worker's or a tool's output once it is done.

import { spawn } from 'node:child_process'
import { basename } from 'node:path'

/**
 * Most a child may print on each stream. The largest output read is one `callgrind_annotate`
 * listing, a few MB; a child printing far more is broken, and is stopped instead of filling memory.
 */
export const MAX_OUTPUT_BYTES = 64 * 1024 * 1024

/**
 * Runs `command` to its end; resolves with its exit code, everything it printed and when it exited
 * (`process.hrtime.bigint()`, for wall times: its output may close later). Rejects when it cannot be
 * started, or when it prints more than `maxBytes` on either stream (it is then killed).
 * @param {string} command
 * @param {readonly string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 * @param {number} [maxBytes]
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string, exitedAt: bigint }>}
 */
export function collectOutput(command, args, env = process.env, maxBytes = MAX_OUTPUT_BYTES) {
  return new Promise((resolveOutput, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env })
    /** @type {Error | undefined} */
    let tooMuch
    /**
     * @param {import('node:stream').Readable} stream
     * @param {string} name
     */
    const collect = (stream, name) => {
      /** @type {Buffer[]} */
      const chunks = []
      let size = 0
      stream.on('data', (/** @type {Buffer} */ chunk) => {
        if (tooMuch !== undefined) return
        size += chunk.length
        if (size <= maxBytes) {
          chunks.push(chunk)
          return
        }
        tooMuch = new Error(
          `${basename(command)} printed more than ${maxBytes} bytes on ${name}: stopped it (is it stuck in a loop?)`,
        )
        chunks.length = 0
        child.kill('SIGKILL')
      })
      return () => Buffer.concat(chunks).toString('utf8')
    }
    const stdout = collect(child.stdout, 'stdout')
    const stderr = collect(child.stderr, 'stderr')
    let exitedAt = 0n
    child.once('exit', () => {
      exitedAt = process.hrtime.bigint()
    })
    child.once('error', reject)
    child.once('close', (code) => {
      if (tooMuch !== undefined) reject(tooMuch)
      else resolveOutput({ code, stdout: stdout(), stderr: stderr(), exitedAt })
    })
  })
}

// Running a child process to its end and keeping what it printed, for the scripts that read a
// worker's or a tool's output once it is done.

import { spawn } from 'node:child_process'

/**
 * Runs `command` to its end; resolves with its exit code, everything it printed and when it exited
 * (`process.hrtime.bigint()`, for wall times: its output may close later). Rejects only when it
 * cannot be started.
 * @param {string} command
 * @param {readonly string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string, exitedAt: bigint }>}
 */
export function collectOutput(command, args, env = process.env) {
  return new Promise((resolveOutput, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk
    })
    let exitedAt = 0n
    child.once('exit', () => {
      exitedAt = process.hrtime.bigint()
    })
    child.once('error', reject)
    child.once('close', (code) => resolveOutput({ code, stdout, stderr, exitedAt }))
  })
}

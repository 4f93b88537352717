// Starts the loopback server (src/server.mjs) in a process of its own, so its CPU and its
// instructions never count against the client being measured.

import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

/**
 * Starts src/server.mjs in its own process and waits for the port it reports.
 * @param {number} activities
 * @param {number} warmupActivities
 */
export async function startServerProcess(activities, warmupActivities) {
  const script = join(here, 'server.mjs')
  const args = [script, '--activities', String(activities), '--warmup-activities', String(warmupActivities)]
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] })
  /** @type {number} */
  const port = await new Promise((resolvePort, reject) => {
    let text = ''
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`the loopback server exited early with ${code}`)))
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      text += chunk
      const newline = text.indexOf('\n')
      if (newline !== -1) resolvePort(JSON.parse(text.slice(0, newline)).port)
    })
  })
  child.removeAllListeners('exit')
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((done) => {
        child.once('exit', done)
        child.stdin.end()
      }),
  }
}

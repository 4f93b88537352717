import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The built binary, as users run it. */
export const BIN = fileURLToPath(new URL('../../bin/maxcli.js', import.meta.url))
const PTY = fileURLToPath(new URL('./run_in_pty.py', import.meta.url))

export interface RunResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** stdout as bytes, for binary downloads. */
  stdoutBytes: Buffer
}

/** A fresh HOME with XDG_CONFIG_HOME inside, and no MAX_* variables from the developer's shell. */
export function isolatedEnv(extra: Record<string, string> = {}): Record<string, string> {
  const home = mkdtempSync(join(tmpdir(), 'maxcli-e2e-'))
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    NO_COLOR: '1',
  }
  return { ...env, ...extra }
}

// python3 may be a pyenv shim, which needs its own variables (HOME is a temp dir in these tests).
function pythonEnv(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (name.startsWith('PYENV') && value !== undefined) env[name] = value
  }
  return env
}

/** Runs `maxcli args...` with stdin from `input` (not a TTY) and collects its output. */
export function runCli(args: string[], env: Record<string, string>, input?: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] })
    const out: Buffer[] = []
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out.push(chunk)
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code, signal) => {
      const stdoutBytes = Buffer.concat(out)
      resolve({ code, signal, stdout: stdoutBytes.toString('utf8'), stderr, stdoutBytes })
    })
    child.stdin.end(input ?? '')
  })
}

/**
 * Runs `maxcli` in a pseudo-terminal (python3's pty module) and answers prompts: each step waits
 * for `expect` in the output, then types `send`. Returns everything the terminal showed. Async on
 * purpose: the mock server lives in this process and must keep answering meanwhile.
 */
export function runInPty(
  args: string[],
  env: Record<string, string>,
  steps: Array<{ expect: string; send: string }>,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [PTY, JSON.stringify(steps), process.execPath, BIN, ...args], {
      env: { ...pythonEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, output }))
  })
}

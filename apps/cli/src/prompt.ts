import { PromptCancelled } from './errors.js'

/** What the login flow needs from a terminal; tests pass their own. */
export interface Prompter {
  /** Whether a human can answer (stdin is a TTY). */
  readonly interactive: boolean
  ask(question: string): Promise<string>
  askHidden(question: string): Promise<string>
  say(line: string): void
}

type Input = NodeJS.ReadStream
type Output = NodeJS.WriteStream

/**
 * A prompter on the process terminal: questions go to stderr so stdout stays machine-readable.
 * The streams are read only when used: creating `process.stdin` costs a one-shot command's start-up.
 */
export function terminalPrompter(io: { readonly stdin: Input; readonly stderr: Output }): Prompter {
  return {
    get interactive() {
      return Boolean(io.stdin.isTTY)
    },
    ask: (question) => askVisible(io.stdin, io.stderr, question),
    askHidden: (question) => askHidden(io.stdin, io.stderr, question),
    say: (line) => io.stderr.write(`${line}\n`),
  }
}

function askVisible(input: Input, output: Output, question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // Loaded here, not at start-up: only prompts need it.
    const { createInterface } = process.getBuiltinModule('node:readline')
    const rl = createInterface({ input, output, terminal: Boolean(input.isTTY) })
    let answered = false
    rl.on('SIGINT', () => {
      rl.close()
    })
    rl.on('close', () => {
      if (!answered) {
        output.write('\n')
        reject(new PromptCancelled())
      }
    })
    rl.question(question, (answer) => {
      answered = true
      rl.close()
      resolve(answer.trim())
    })
  })
}

/**
 * Reads a line with echo off. Raw mode lets us see Ctrl-C (cancel), Ctrl-D on an empty line (cancel),
 * backspace and Ctrl-U; nothing typed is ever written back.
 */
function askHidden(input: Input, output: Output, question: string): Promise<string> {
  if (!input.isTTY) {
    output.write(question)
    return readLine(input)
  }
  return new Promise((resolve, reject) => {
    let value = ''
    const wasRaw = input.isRaw
    // Echo goes off before the prompt shows, so a quick typist never sees the password echoed.
    input.setRawMode(true)
    output.write(question)
    input.resume()
    const finish = (error?: Error) => {
      input.setRawMode(wasRaw)
      input.pause()
      input.off('data', onData)
      output.write('\n')
      if (error) reject(error)
      else resolve(value)
    }
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish()
        if (char === '\u0003') return finish(new PromptCancelled())
        if (char === '\u0004') {
          if (value === '') return finish(new PromptCancelled())
          continue
        }
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1)
        else if (char === '\u0015') value = ''
        else if (char >= ' ') value += char
      }
    }
    input.on('data', onData)
  })
}

/** Reads one line from a non-terminal stream (e.g. `--password-stdin`), without the line ending. */
export function readLine(input: NodeJS.ReadableStream = process.stdin): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = ''
    const onData = (chunk: Buffer | string) => {
      buffer += chunk.toString()
      const end = buffer.indexOf('\n')
      if (end >= 0) done(buffer.slice(0, end))
    }
    const onEnd = () => done(buffer)
    const onError = (error: Error) => {
      cleanup()
      reject(error)
    }
    const cleanup = () => {
      input.off('data', onData)
      input.off('end', onEnd)
      input.off('error', onError)
      input.pause()
    }
    const done = (line: string) => {
      cleanup()
      resolve(line.replace(/\r$/, ''))
    }
    input.on('data', onData)
    input.on('end', onEnd)
    input.on('error', onError)
    input.resume()
  })
}

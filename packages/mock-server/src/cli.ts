import {
  CommandLineError,
  parseCommandLine,
  saveSnapshot,
  startFromCommandLine,
  USAGE,
  VERSION_LINE,
} from './command.js'

const io = {
  out: (line: string) => process.stdout.write(`${line}\n`),
  err: (line: string) => process.stderr.write(`${line}\n`),
}

async function main(): Promise<void> {
  const options = parseCommandLine(process.argv.slice(2))
  if (options.help) {
    io.out(USAGE)
    return
  }
  if (options.version) {
    io.out(VERSION_LINE)
    return
  }
  const server = await startFromCommandLine(options, io)
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    try {
      if (options.data) {
        await saveSnapshot(options.data, server.snapshot())
        io.out(`Saved the state to ${options.data}`)
      }
      await server.close()
      io.out(`Stopped (${signal}).`)
      process.exitCode = 0
    } catch (error) {
      io.err(`max-mock-server: ${(error as Error).message}`)
      process.exitCode = 1
    }
  }
  process.once('SIGINT', () => void stop('SIGINT'))
  process.once('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((error: unknown) => {
  if (error instanceof CommandLineError) {
    io.err(`max-mock-server: ${error.message}`)
    process.exitCode = 2
    return
  }
  const code = (error as NodeJS.ErrnoException).code
  io.err(
    code === 'EADDRINUSE'
      ? 'max-mock-server: that port is already in use; choose another with --port (0 picks a free one)'
      : `max-mock-server: ${(error as Error).message}`,
  )
  process.exitCode = 1
})

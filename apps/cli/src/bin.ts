// Entry point of `maxcli`. Kept tiny: `--version` answers before the parser or any client loads.
import { version } from './version.js'

const args = process.argv.slice(2)
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${version}\n`)
} else {
  // A reader that went away (`maxcli api ... | head -1`) ends the run quietly, as gh does.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0)
      throw error
    })
  }
  const { main } = await import('./main.js')
  const code = await main(args)
  // Exit explicitly once output is flushed: a terminal left open by a prompt or an idle keep-alive
  // socket must not hold a finished command.
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))
}

// Entry point of the CLI, loaded by bin/maxcli.js (which answers `--version` by itself).
import { main } from './main.js'

// A reader that went away (`maxcli api ... | head -1`) ends the run quietly, as gh does.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0)
    throw error
  })
}
const code = await main(process.argv.slice(2))
// Exit explicitly once output is flushed: a terminal left open by a prompt or an idle keep-alive
// socket must not hold a finished command.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))

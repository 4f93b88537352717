// Entry point of `maxcli`. Kept tiny: `--version` answers before commander or any client loads.
import { version } from './version.js'

const args = process.argv.slice(2)
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${version}\n`)
} else {
  const { main } = await import('./main.js')
  process.exitCode = await main(args)
}

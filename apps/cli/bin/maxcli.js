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
  require('../dist/cli.cjs').run(args)
}

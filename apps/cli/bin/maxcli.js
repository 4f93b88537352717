#!/usr/bin/env node
// CommonJS (bin/package.json), so that `maxcli --version` answers before Node starts its ES module
// loader, which costs more than the rest of that answer; every other command loads the ES modules.
'use strict'

const args = process.argv.slice(2)
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const text = `${require('../package.json').version}\n`
  try {
    // Straight to the descriptor: creating process.stdout would cost about as much again.
    require('node:fs').writeSync(1, text)
  } catch (error) {
    // A non-blocking descriptor gets the stream's own handling; a reader that went away, silence.
    if (error.code === 'EAGAIN') process.stdout.write(text)
    else if (error.code !== 'EPIPE') throw error
  }
} else {
  import('../dist/bin.js')
}

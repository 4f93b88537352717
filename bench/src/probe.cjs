// Preloaded (`node --require`) into every measured Node process: at exit it writes the process's
// own CPU time and peak RSS to the file named by BENCH_PROBE_FILE. CommonJS so it loads before any
// ESM machinery and costs every measured process the same.
'use strict'
const { writeFileSync } = require('node:fs')

const file = process.env.BENCH_PROBE_FILE
if (file) {
  delete process.env.BENCH_PROBE_FILE
  process.on('exit', () => {
    const cpu = process.cpuUsage()
    writeFileSync(
      file,
      JSON.stringify({ cpuUs: cpu.user + cpu.system, rssMb: process.resourceUsage().maxRSS / 1024 }),
    )
  })
}

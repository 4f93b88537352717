// The live-events case must keep running against the current realtime client (figures are not checked:
// a smoke run is too short to mean anything, and timings on a shared machine vary).

import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { rabbitmqAvailable } from '@maxclient/mock-server'
import { describe, expect, it } from 'vitest'

const benchDir = fileURLToPath(new URL('..', import.meta.url))
const available = await rabbitmqAvailable()
if (!available)
  console.warn(
    'RabbitMQ not reachable on 127.0.0.1: skipping the realtime bench smoke run; start it with `scripts/ci/rabbitmq.sh`',
  )

describe.skipIf(!available)('src/realtime.mjs', () => {
  it('measures both transports against their raw consumers and prints a ratio for each', async () => {
    const child = spawn(process.execPath, ['src/realtime.mjs', '--events', '200'], {
      cwd: benchDir,
      env: { ...process.env, ROUNDS: '1' },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const code = await new Promise((resolve) => child.on('close', resolve))
    expect(stderr).toBe('')
    expect([0, 1]).toContain(code)
    const rows = stdout.split('\n').filter((line) => line.includes('ratio'))
    expect(rows).toHaveLength(2)
    for (const row of rows)
      expect(row).toMatch(/raw consumer \d+ events\/s, @maxclient\/realtime \d+ events\/s, ratio \d+\.\d\dx/)
  }, 60_000)
})

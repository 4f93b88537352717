import { describe, expect, it } from 'vitest'
import { isolatedEnv, runCli } from './harness.js'

describe('maxcli demo', () => {
  it('starts a mock server, tours every command family, stops it and exits 0', async () => {
    // MAX_* variables of the operator must not leak into the tour.
    const env = isolatedEnv({
      MAX_SERVER: 'http://127.0.0.1:9',
      MAX_TOKEN: 'operator-token',
      MAX_USERNAME: 'operator',
    })
    const result = await runCli(['demo'], env)
    expect(result.code, result.stderr + result.stdout).toBe(0)
    const out = result.stdout
    expect(out).toMatch(/Mock MAX server listening on http:\/\/127\.0\.0\.1:\d+/)
    for (const step of [
      '$ maxcli login',
      '$ maxcli users add alice',
      '$ maxcli contexts add https://demo.example.com/team',
      '$ maxcli subscribe alice',
      '$ maxcli activities post "Welcome to the team!"',
      '$ maxcli activities comment',
      '$ maxcli activities like',
      '$ maxcli activities list --timeline',
      '$ maxcli conversations create alice bob',
      '$ maxcli conversations messages',
      '--count',
      '$ maxcli bulk people.csv',
      '5 of 5 row(s) applied.',
      '# Live events',
      'Tour finished',
    ]) {
      expect(out).toContain(step)
    }
    expect(out).toContain('Welcome to the team!')
    expect(out).not.toContain('demo-password')
    expect(out).not.toContain('operator-token')
  })
})

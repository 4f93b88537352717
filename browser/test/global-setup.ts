import { existsSync } from 'node:fs'

/** Says once per run, not once per file, that the browser suites are skipped and why. */
export default function setup(): void {
  const chromium = '/usr/bin/chromium'
  if (!existsSync(chromium))
    console.warn(`browser tests skipped: ${chromium} is missing (install it with scripts/ci/chromium.sh)`)
}

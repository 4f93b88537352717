// Launches Debian's Chromium (never a downloaded browser) for the browser tests, with a fresh
// profile and no network but loopback.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type BrowserContext, chromium, type Page } from 'playwright-core'

export const CHROMIUM = '/usr/bin/chromium'
/** False where Debian's chromium is not installed (global-setup.ts says so once); CI installs it. */
export const hasChromium = existsSync(CHROMIUM)

/** Screenshots land here: git-ignored, kept by CI as artefacts. */
export const ARTIFACTS = fileURLToPath(new URL('../../artifacts/', import.meta.url))

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Every host name fails to resolve: the page can reach 127.0.0.1 and nothing else.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
]

/**
 * Every Playwright wait (navigation, locator, screenshot) gives up after this long. CI runs this
 * suite beside every other one on 2 cores, where loading the /docs page alone has taken 12 s;
 * it stays below the test timeout (vitest.config.ts) so a slow step fails naming itself.
 */
export const STEP_TIMEOUT = 45_000

export interface Browser {
  context: BrowserContext
  page: Page
  /** Every URL the page requested, to check that nothing left loopback. */
  requested: string[]
  close(): Promise<void>
}

export async function launch(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'maxclient-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 900 },
  })
  context.setDefaultTimeout(STEP_TIMEOUT) // navigations included
  const page = context.pages()[0] ?? (await context.newPage())
  const requested: string[] = []
  page.on('request', (request) => {
    requested.push(request.url())
  })
  return {
    context,
    page,
    requested,
    close: async () => {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

/** True for URLs on loopback (or data: and blob: ones the page made itself). */
export const isLocal = (url: string): boolean => {
  const { protocol, hostname } = new URL(url)
  return protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1'
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true })
  return join(ARTIFACTS, name)
}

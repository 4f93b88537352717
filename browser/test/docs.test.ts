import { type RunningMockServer, startMockServer } from '@maxclient/mock-server'
import { apiCategories } from '@maxclient/resources/openapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { artifactPath, type Browser, hasChromium, isLocal, launch } from './chromium.js'

describe.skipIf(!hasChromium)('the mock server’s /docs in headless Chromium', () => {
  let mock: RunningMockServer
  let browser: Browser

  beforeAll(async () => {
    mock = await startMockServer()
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
    await mock?.close()
  })

  // Each test opens the page itself, so one that fails does not take the other down with it.
  async function openDocs() {
    const { page } = browser
    await page.goto(`${mock.url}/docs`, { waitUntil: 'domcontentloaded' })
    await page.locator('.opblock-tag-section').first().waitFor()
    return page
  }

  it('lists every route category, and is kept as a screenshot', async () => {
    const page = await openDocs()
    const tags = await page
      .locator('.opblock-tag')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-tag')))
    expect([...tags].sort()).toEqual(apiCategories().sort())
    expect(await page.locator('.opblock').count()).toBeGreaterThan(100)
    await page.screenshot({ path: artifactPath('docs.png'), fullPage: true })
  })

  it('sends "Try it out" to the mock server itself', async () => {
    const page = await openDocs()
    const operation = page.locator('#operations-Management-get_info')
    await operation.locator('.opblock-summary').click()
    await operation.getByRole('button', { name: 'Try it out' }).click()
    await operation.getByRole('button', { name: 'Execute' }).click()
    const status = operation.locator('.live-responses-table .response .response-col_status')
    await status.first().waitFor()
    expect((await status.first().textContent())?.trim()).toBe('200')
    expect(await operation.locator('.request-url').textContent()).toContain(`${mock.url}/info`)
    expect(await operation.locator('.live-responses-table .microlight').first().textContent()).toContain(
      'max.oauth_server',
    )
    expect(browser.requested.filter((url) => !isLocal(url))).toEqual([])
  })
})

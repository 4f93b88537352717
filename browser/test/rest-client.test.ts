import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { type RunningMockServer, startMockServer } from '@maxclient/mock-server'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Browser, hasChromium, isLocal, launch } from './chromium.js'

const here = fileURLToPath(new URL('.', import.meta.url))

/** The rest client as a browser gets it: bundled from the built package by esbuild, for browsers. */
async function bundleRestClient() {
  const result = await build({
    stdin: { contents: "export { MaxClient } from '@maxclient/rest'", resolveDir: here, loader: 'js' },
    bundle: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'maxclient',
    target: 'es2022',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  return { code: result.outputFiles[0]!.text, inputs: Object.keys(result.metafile.inputs) }
}

describe.skipIf(!hasChromium)('the rest client in headless Chromium', () => {
  let mock: RunningMockServer
  let site: Server
  let siteUrl: string
  let browser: Browser
  let inputs: string[]

  beforeAll(async () => {
    const bundle = await bundleRestClient()
    inputs = bundle.inputs
    mock = await startMockServer({ users: { alice: 'secret' } })
    // The page comes from another origin (another port), so every call is cross-origin (CORS).
    site = createServer((req, res) => {
      if (req.url === '/client.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle.code)
      else
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<!doctype html><title>app</title><script src="/client.js"></script>')
    })
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => site?.close(resolve))
    await mock?.close()
  })

  it('is bundled from the built packages with no Node built-in', () => {
    expect(inputs.filter((file) => file.startsWith('node:') || !file.includes('/dist/'))).toEqual(['<stdin>'])
    expect(inputs.some((file) => file.includes('core/dist/index.js'))).toBe(true) // the fetch entry
  })

  it('logs in, posts and pages a timeline against the mock server', async () => {
    const { page } = browser
    await page.goto(siteUrl)
    const result = await page.evaluate(async (url) => {
      const { MaxClient } = (globalThis as any).maxclient
      const client = new MaxClient(url)
      await client.login('alice', 'secret')
      for (let i = 1; i <= 5; i++) await client.people.alice.activities.post({ object_content: `post ${i}` })
      const pages: string[] = []
      for await (const activity of client.people.alice.timeline.iterate({}, { pageSize: 2 }))
        pages.push(activity.object.content)
      const count = await client.people.alice.activities.head()
      let denied = ''
      try {
        await new MaxClient(url).login('alice', 'wrong')
      } catch (error) {
        denied = (error as Error).name
      }
      return { origin: location.origin, pages, count, denied }
    }, mock.url)
    expect(result.origin).not.toBe(mock.url)
    expect(result.pages).toEqual(['post 5', 'post 4', 'post 3', 'post 2', 'post 1'])
    expect(result.count).toBe(5) // X-totalItems is readable cross-origin
    expect(result.denied).toBe('BadCredentialsError')
    expect(browser.requested.filter((url) => !isLocal(url))).toEqual([])
  })
})

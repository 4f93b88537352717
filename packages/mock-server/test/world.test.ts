import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type World, buildWorld } from './world.js'

let w: World
beforeAll(async () => {
  w = await buildWorld()
})
afterAll(() => w?.server.close())

describe('world', () => {
  it('builds', () => {
    expect(w.hash).toMatch(/^[0-9a-f]{40}$/)
  })
})

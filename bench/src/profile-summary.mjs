#!/usr/bin/env node
// Summarises V8 .cpuprofile files (from `node --cpu-prof`, or `run.mjs --profile DIR`): self time per
// package, the frames with the most self time, and the frames with the most total time (the frame
// and everything it calls), so a miss can be pinned on the layer that costs it.
// Usage: node src/profile-summary.mjs FILE.cpuprofile... [--top N]   (several files are added up)

import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'

/**
 * @typedef {{ functionName: string, url: string, lineNumber: number }} CallFrame
 * @typedef {{ id: number, callFrame: CallFrame, children?: number[] }} ProfileNode
 * @typedef {{ nodes: ProfileNode[], samples: number[], timeDeltas: number[] }} CpuProfile
 */

/**
 * Which bucket a script URL belongs to: a workspace package, a dependency, node internals, or V8.
 * @param {string} url
 */
export function ownerOf(url) {
  if (url === '') return '(native / V8)'
  if (url.startsWith('node:') || !url.includes('/')) return 'node internals'
  const workspace = /\/(packages|apps)\/([^/]+)\/dist\//.exec(url)
  if (workspace) return `@maxclient/${workspace[2]}`
  if (url.includes('/bench/src/')) return 'bench harness'
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url)
  return dependency?.[1] ?? 'other'
}

/**
 * A frame as `function file:line`.
 * @param {CallFrame} frame
 */
function frameKey(frame) {
  const file = frame.url.split('/').slice(-1)[0] ?? ''
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`
}

/**
 * Self and total time per frame and self time per owner, in milliseconds, added up over the profiles.
 * @param {CpuProfile[]} profiles
 */
export function summarise(profiles) {
  /** @type {Map<string, { ms: number, owner: string }>} */
  const self = new Map()
  /** @type {Map<string, number>} */
  const total = new Map()
  /** @type {Map<string, number>} */
  const owners = new Map()
  let totalMs = 0
  for (const profile of profiles) {
    /** @type {Map<number, ProfileNode>} */
    const byId = new Map(profile.nodes.map((node) => [node.id, node]))
    /** @type {Map<number, number>} */
    const parentOf = new Map()
    for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id)
    /** @type {Map<number, number>} */
    const samplesUs = new Map()
    profile.samples.forEach((id, i) => {
      samplesUs.set(id, (samplesUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
    })
    for (const [id, us] of samplesUs) {
      const frame = byId.get(id)?.callFrame
      if (!frame) continue
      const ms = us / 1000
      totalMs += ms
      const owner = ownerOf(frame.url)
      const entry = self.get(frameKey(frame)) ?? { ms: 0, owner }
      entry.ms += ms
      self.set(frameKey(frame), entry)
      owners.set(owner, (owners.get(owner) ?? 0) + ms)
      // Each frame counts once per sample, however deep it recurses.
      /** @type {Set<string>} */
      const onStack = new Set()
      for (let at = /** @type {number | undefined} */ (id); at !== undefined; at = parentOf.get(at)) {
        const caller = byId.get(at)?.callFrame
        if (caller) onStack.add(frameKey(caller))
      }
      for (const key of onStack) total.set(key, (total.get(key) ?? 0) + ms)
    }
  }
  const byMs = (/** @type {{ ms: number }} */ a, /** @type {{ ms: number }} */ b) => b.ms - a.ms
  return {
    totalMs,
    owners: [...owners].map(([owner, ms]) => ({ owner, ms })).sort(byMs),
    self: [...self].map(([frame, v]) => ({ frame, ...v })).sort(byMs),
    total: [...total].map(([frame, ms]) => ({ frame, ms })).sort(byMs),
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2)
  const topAt = args.indexOf('--top')
  const top = topAt === -1 ? 25 : Number(args[topAt + 1])
  const files = topAt === -1 ? args : args.filter((_, i) => i !== topAt && i !== topAt + 1)
  if (files.length === 0 || !Number.isInteger(top) || top < 1) {
    process.stderr.write('usage: node src/profile-summary.mjs FILE.cpuprofile... [--top N]\n')
    process.exit(2)
  }
  const summary = summarise(files.map((file) => JSON.parse(readFileSync(file, 'utf8'))))
  /** @param {number} ms */
  const share = (ms) =>
    `${ms.toFixed(1).padStart(9)} ms ${((100 * ms) / summary.totalMs).toFixed(1).padStart(5)}%`
  const out = [`self time by owner (${summary.totalMs.toFixed(0)} ms sampled in ${files.length} profile(s))`]
  for (const o of summary.owners) out.push(`${share(o.ms)}  ${o.owner}`)
  out.push('', `top ${top} frames by self time`)
  for (const f of summary.self.slice(0, top)) out.push(`${share(f.ms)}  ${f.frame}  [${f.owner}]`)
  out.push('', `top ${top} frames by total time (the frame and what it calls)`)
  for (const f of summary.total.slice(0, top)) out.push(`${share(f.ms)}  ${f.frame}`)
  process.stdout.write(`${out.join('\n')}\n`)
}

// What a user of the published packages does, run by Node, Bun and Deno from a clean project
// where the tarballs are installed: log in, post, read the timeline, with both clients.
// The mock server runs elsewhere (in Node); MAX_URL, MAX_USER and MAX_PASSWORD point at it.
import { MaxClient as RestClient } from '@maxclient/rest'
import { MaxClient as RpcClient } from '@maxclient/rpc'

const env = globalThis.Deno ? globalThis.Deno.env.toObject() : globalThis.process.env
const { MAX_URL: url, MAX_USER: user, MAX_PASSWORD: password } = env
const runtime = globalThis.Deno ? 'deno' : globalThis.Bun ? 'bun' : 'node'
const fail = (message) => {
  throw new Error(`${runtime}: ${message}`)
}

// The entry of @maxclient/core this runtime resolved (the export conditions decide it).
const coreEntry = import.meta.resolve('@maxclient/core')
const expectedEntry = runtime === 'deno' ? /\/dist\/index\.js$/ : /\/dist\/index\.node\.js$/
if (!expectedEntry.test(coreEntry)) fail(`resolved @maxclient/core to ${coreEntry}`)

const rest = new RestClient(url)
await rest.login(user, password)
const text = `Hello from ${runtime} (rest)`
await rest.people[':me'].activities.post({ object_content: text })

const rpc = new RpcClient(url)
await rpc.login(user, password)
const [ok, status] = await rpc.addActivity(`Hello from ${runtime} (rpc)`)
if (!ok) fail(`rpc addActivity answered ${status}`)

const seen = []
for await (const activity of rest.people[':me'].timeline.iterate()) seen.push(activity.object.content)
const [timelineOk, , timeline] = await rpc.getUserTimeline()
if (!timelineOk) fail('rpc getUserTimeline failed')
const rpcSeen = timeline.map((activity) => activity.object.content)
for (const list of [seen, rpcSeen]) {
  if (!list.includes(text) || !list.includes(`Hello from ${runtime} (rpc)`)) {
    fail(`the timeline lacks the posts: ${JSON.stringify(list)}`)
  }
}
console.log(
  `${runtime}: logged in, posted and read ${seen.length} timeline activities (core entry ${coreEntry.split('/').pop()})`,
)

// The CommonJS build: the same calls through require().
const { MaxClient: RestClient } = require('@maxclient/rest')
const { MaxClient: RpcClient } = require('@maxclient/rpc')
const core = require('@maxclient/core')
const resources = require('@maxclient/resources')
const mock = require('@maxclient/mock-server')

async function main() {
  if (typeof core.MaxCore !== 'function' || !Array.isArray(resources.catalog)) {
    throw new Error('cjs: core or resources exports are missing')
  }
  if (typeof mock.createMockHandler !== 'function') throw new Error('cjs: mock-server exports are missing')
  const { MAX_URL: url, MAX_USER: user, MAX_PASSWORD: password } = process.env
  const rest = new RestClient(url)
  await rest.login(user, password)
  await rest.people[':me'].activities.post({ object_content: 'Hello from cjs' })
  const rpc = new RpcClient(url)
  await rpc.login(user, password)
  const [ok, , timeline] = await rpc.getUserTimeline()
  if (!ok || !timeline.some((activity) => activity.object.content === 'Hello from cjs')) {
    throw new Error('cjs: the post is not in the timeline')
  }
  console.log(`cjs: logged in, posted and read ${timeline.length} timeline activities`)
}
main().catch((error) => {
  console.error(error)
  process.exit(1)
})

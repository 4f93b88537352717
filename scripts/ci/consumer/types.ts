// Type-checked under three module settings (node16, nodenext, bundler) against the installed
// declarations: every package's types resolve and carry the types users rely on.
import { type MaxCore, UsageError } from '@maxclient/core'
import { startMockServer } from '@maxclient/mock-server'
import { type Activity, catalog, type ResponseOf } from '@maxclient/resources'
import { MaxClient as RestClient } from '@maxclient/rest'
import { MaxClient as RpcClient } from '@maxclient/rpc'

export async function typed(): Promise<void> {
  const server = await startMockServer({ users: { alice: 'secret' } })
  const rest = new RestClient(server.url)
  await rest.login('alice', 'secret')
  const posted: Activity = await rest.people[':me'].activities.post({ object_content: 'typed' })
  const timeline: ResponseOf<'/people/{username}/timeline', 'GET'> = await rest.people[':me'].timeline.get()
  const rpc = new RpcClient(server.url)
  const result = await rpc.getUserTimeline('alice')
  if (result[0]) {
    const first: Activity | undefined = result[2][0]
    void first
  }
  const core: MaxCore = rpc
  void [posted, timeline, core, catalog.length, new UsageError('x')]
  // @ts-expect-error a misspelt segment is a type error
  rest.peple
  await server.close()
}

import { buildRequest, findRoute } from '@maxclient/resources'
import { POST_CONTENT } from '../src/fixtures.mjs'

const route = findRoute('/people/{username}/activities')
const mode = process.argv[2]
const N = Number(process.argv[3])
const fn = {
  build: () =>
    buildRequest({
      route,
      method: 'POST',
      params: { username: 'bench.user' },
      input: { object_content: POST_CONTENT, generator: 'maxclient-bench' },
      actor: 'bench.user',
      defaults: undefined,
      expandUnderscores: undefined,
      options: undefined,
      callerOptions: undefined,
      caller: 'x',
    }),
  raw: () => ({
    method: 'POST',
    path: '/people/bench.user/activities',
    body: { object: { objectType: 'note', content: POST_CONTENT }, generator: 'maxclient-bench' },
  }),
  none: () => 1,
}[mode]
for (let i = 0; i < 20000; i++) fn()
let x = 0
for (let i = 0; i < N; i++) x += fn() ? 1 : 0

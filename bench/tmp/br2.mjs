import { trustRequest } from '@maxclient/core'
import * as R from '@maxclient/resources'
import { POST_CONTENT } from '../src/fixtures.mjs'

const route = R.findRoute('/people/{username}/activities')
const mode = process.argv[2]
const N = Number(process.argv[3])
const fn = {
  fill: () =>
    R.fillPattern('/people/{username}/activities', { username: 'bench.user' }, { actor: 'bench.user' }),
  defaults: () => R.defaultsFor('/people/{username}/activities', 'POST', undefined),
  expand: () =>
    R.expandFields(
      { object_content: POST_CONTENT, generator: 'maxclient-bench' },
      { expandUnderscores: true },
    ),
  merge: () => R.deepMerge({ object: { objectType: 'note' } }, { object: { content: 'x' }, generator: 'g' }),
  trust: () => trustRequest({ method: 'POST', path: '/x', auth: true, body: {} }),
  none: () => 1,
}[mode]
for (let i = 0; i < 20000; i++) fn()
let x = 0
for (let i = 0; i < N; i++) x += fn() ? 1 : 0

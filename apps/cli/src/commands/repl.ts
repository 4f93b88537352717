import { join } from 'node:path'
import { start } from 'node:repl'
import { catalog } from '@maxclient/resources'
import type { CommandContext } from '../context.js'
import { defineCommand } from '../define.js'
import { buildTree, completeChain } from '../repl-complete.js'

/** `maxcli repl`: a Node REPL with `client` (REST) and `rpc` (RPC) logged in as the current user. */
async function repl(context: CommandContext) {
  const { target, options } = await context.session()
  const [{ MaxClient: RestClient }, { MaxClient: RpcClient }] = await Promise.all([
    import('@maxclient/rest'),
    import('@maxclient/rpc'),
  ])
  const client = new RestClient(target.server, options)
  const rpc = new RpcClient(target.server, options)
  for (const each of [client, rpc]) {
    each.setActor(target.username)
    each.setToken(target.token)
  }
  context.note(
    `Connected to ${target.server} as ${target.username}.\n` +
      "  client.people[':me'].timeline.get()      REST, await works at top level\n" +
      '  rpc.getUser()                           RPC, answers [ok, status, content]\n' +
      '  .help for REPL commands, .exit or Ctrl-D to leave',
  )
  const server = start({
    prompt: 'max> ',
    input: context.io.stdin,
    output: context.io.stdout,
    useGlobal: false,
    ignoreUndefined: true,
  })
  Object.assign(server.context, { client, rpc, catalog })
  const tree = buildTree(catalog.map((route) => route.pattern))
  const defaultCompleter = server.completer
  // The REST tree is a lazy Proxy, so the default completer cannot list its segments.
  Object.defineProperty(server, 'completer', {
    value: (line: string, callback: (error: Error | null, result?: [string[], string]) => void) => {
      const result = completeChain(line, tree)
      if (result) callback(null, result)
      else (defaultCompleter as (line: string, cb: typeof callback) => void).call(server, line, callback)
    },
  })
  const store = await context.store()
  store.secureDir()
  await new Promise<void>((resolve) => {
    server.setupHistory(join(store.dir, 'repl_history'), (error) => {
      if (error) context.note(`(history disabled: ${error.message})`)
      resolve()
    })
  })
  await new Promise<void>((resolve) => server.on('exit', resolve))
}

export default defineCommand({
  summary: 'interactive JavaScript shell with `client` (REST) and `rpc` (RPC) logged in',
  examples: [
    'maxcli repl',
    "max> await client.people[':me'].timeline.get({ qs: { limit: 5 } })",
    'max> await rpc.addUser("alice")',
  ],
  run: repl,
})

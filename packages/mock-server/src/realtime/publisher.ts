import type { Ctx } from '../context.js'
import { EMULATED_MAX_VERSION } from '../handlers/admin.js'
import type { Store } from '../store.js'
import { formatDate } from '../text.js'
import { eventsFor } from './events.js'
import { Management } from './management.js'
import { LETTERS, QUEUE_LIMIT, redactUrl, type TopologyNames, topologyNames } from './topology.js'

type Amqplib = typeof import('amqplib')
type ChannelModel = Awaited<ReturnType<Amqplib['connect']>>
type Channel = Awaited<ReturnType<ChannelModel['createChannel']>>

/** The `amqp` option of the mock server: a broker URL, or the URL with extras. */
export interface MockAmqpOptions {
  /** `amqp://127.0.0.1` (guest/guest by default); credentials in the URL are a service account. */
  url: string
  /** Prefix for the global exchanges and queues (`conversations`...), so test runs sharing a broker stay apart. */
  prefix?: string
  /** RabbitMQ management API; default `http://{AMQP host}:15672/api` with the AMQP credentials, as maxcarrot derives it. */
  managementUrl?: string
  /**
   * Emulate MAX's auth plugin with broker users (user = MAX username, password = newest token,
   * permissions limited to its own exchanges). Default true; needs the management plugin.
   */
  brokerUsers?: boolean
  /** On close, also delete the per-user exchanges this server declared (MAX keeps them). Default false. */
  cleanup?: boolean
}

/** The broker side of a mock server started with `amqp`. */
export interface MockRealtime {
  /** Resolves once connected and MAX's global topology is declared (rejects when the broker is unreachable). */
  ready(): Promise<void>
  /** Brings per-user exchanges, bindings and broker users in line with the state now. */
  sync(): Promise<void>
  /** Drops every broker connection of a user (to test reconnection). Returns how many were closed. */
  dropConnections(username: string): Promise<number>
  /** The global exchange names in use (with the prefix). */
  readonly names: TopologyNames
  /**
   * Waits for queued publishes, removes the broker users it created (and, with `cleanup`, the user
   * exchanges it declared), then closes its broker connection.
   */
  close(): Promise<void>
}

/**
 * Declares MAX's topology on a real RabbitMQ and publishes what MAX publishes, following the
 * mock's state after each changing request: per-user exchanges, conversation and context bindings.
 */
export function createRealtimePublisher(option: string | MockAmqpOptions, store: Store): MockRealtime {
  const options: MockAmqpOptions = typeof option === 'string' ? { url: option } : option
  let url: URL
  try {
    url = new URL(options.url)
  } catch {
    throw new TypeError('Invalid mock-server option: amqp must be a URL such as amqp://127.0.0.1')
  }
  if (url.protocol !== 'amqp:' && url.protocol !== 'amqps:')
    throw new TypeError('Invalid mock-server option: amqp must start with amqp:// or amqps://')
  const names = topologyNames(options.prefix)
  const serviceUser = decodeURIComponent(url.username) || 'guest'
  const servicePassword = decodeURIComponent(url.password) || 'guest'
  const management =
    options.brokerUsers === false
      ? undefined
      : new Management(
          options.managementUrl ?? `http://${url.hostname}:15672/api`,
          serviceUser,
          servicePassword,
        )

  const declaredUsers = new Set<string>()
  const brokerPasswords = new Map<string, string>()
  const bindings = new Map<string, () => Promise<void>>() // key -> unbind
  let model: ChannelModel | undefined
  let channel: Channel | undefined
  let queue = Promise.resolve()

  const connecting = (async () => {
    const module = (await import('amqplib')) as Amqplib & { default?: Amqplib }
    const amqp = typeof module.connect === 'function' ? module : module.default!
    try {
      model = await amqp.connect(
        {
          protocol: url.protocol.replace(/:$/, ''),
          hostname: url.hostname,
          port: url.port ? Number(url.port) : undefined,
          username: serviceUser,
          password: servicePassword,
          vhost: url.pathname.length > 1 ? decodeURIComponent(url.pathname.slice(1)) : '/',
        },
        { timeout: 10_000 },
      )
    } catch (error) {
      throw new Error(`Cannot connect to RabbitMQ at ${redactUrl(options.url)}: ${(error as Error).message}`)
    }
    model.on('error', () => {})
    channel = await model.createChannel()
    const durable = { durable: true, autoDelete: false }
    await channel.assertExchange(names.conversations, 'topic', durable)
    await channel.assertExchange(names.activity, 'topic', durable)
    await channel.assertExchange(names.twitter, 'fanout', durable)
    await channel.assertExchange(names.syncacl, 'fanout', durable)
    const queueArgs = { ...durable, arguments: { 'x-max-length': QUEUE_LIMIT } }
    for (const name of Object.values(names.queues)) await channel.assertQueue(name, queueArgs)
    await channel.bindQueue(names.queues.messages, names.conversations, '*.messages')
    await channel.bindQueue(names.queues.push, names.conversations, '*.notifications')
    await channel.bindQueue(names.queues.push, names.activity, '#')
    await channel.bindQueue(names.queues.twitter, names.twitter, '')
    await channel.bindQueue(names.queues.syncacl, names.syncacl, '')
  })()
  connecting.catch(() => {})

  /** One change at a time: requests can overlap, the broker state must not. */
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task)
    queue = run.then(
      () => undefined,
      () => undefined,
    )
    return run
  }

  const syncNow = async () => {
    await connecting
    const ch = channel!
    for (const username of store.people.keys()) {
      if (declaredUsers.has(username)) continue
      await ch.assertExchange(`${username}.publish`, 'topic', { durable: true, autoDelete: false })
      await ch.assertExchange(`${username}.subscribe`, 'fanout', { durable: true, autoDelete: false })
      await ch.bindExchange(`${username}.subscribe`, `${username}.publish`, 'internal')
      declaredUsers.add(username)
    }
    if (management) {
      const newest = new Map<string, string>()
      for (const [token, username] of store.oauthTokens) newest.set(username, token)
      for (const [username, token] of newest)
        if (declaredUsers.has(username) && brokerPasswords.get(username) !== token) {
          await management.putUser(username, token)
          brokerPasswords.set(username, token)
        }
    }
    const wanted = new Map<string, () => Promise<void>>()
    for (const conversation of store.conversations.values())
      for (const username of conversation.participants) {
        if (!declaredUsers.has(username)) continue
        const key = `${conversation.id}.*`
        wanted.set(`c ${conversation.id} ${username}`, async () => {
          await ch.bindExchange(names.conversations, `${username}.publish`, key)
          await ch.bindExchange(`${username}.subscribe`, names.conversations, key)
          bindings.set(`c ${conversation.id} ${username}`, async () => {
            await ch.unbindExchange(names.conversations, `${username}.publish`, key)
            await ch.unbindExchange(`${username}.subscribe`, names.conversations, key)
          })
        })
      }
    for (const context of store.contexts.values()) {
      if (!context.notifications) continue
      for (const person of store.people.values()) {
        if (!declaredUsers.has(person.username) || !person.subscribedTo.some((s) => s.hash === context.hash))
          continue
        const id = `x ${context.hash} ${person.username}`
        wanted.set(id, async () => {
          await ch.bindExchange(`${person.username}.subscribe`, names.activity, context.hash)
          bindings.set(id, () =>
            ch.unbindExchange(`${person.username}.subscribe`, names.activity, context.hash).then(() => {}),
          )
        })
      }
    }
    for (const [id, unbind] of bindings)
      if (!wanted.has(id)) {
        await unbind()
        bindings.delete(id)
      }
    for (const [id, bind] of wanted) if (!bindings.has(id)) await bind()
  }

  const publishFor = async (ctx: Ctx, response: Response) => {
    for (const event of await eventsFor(ctx, response, store, names)) {
      const body = {
        ...event.body,
        s: LETTERS.max,
        v: EMULATED_MAX_VERSION,
        p: formatDate(store.now()),
        g: globalThis.crypto.randomUUID(),
        i: ctx.server.serverId,
      }
      channel!.publish(event.exchange, event.routingKey, Buffer.from(JSON.stringify(body)))
    }
  }

  return {
    names,
    ready: () => connecting,
    sync: () => serial(syncNow),
    dropConnections: async (username) => (management ? management.closeConnectionsOf(username) : 0),
    /** @internal Called by the handler after every API request it answered. */
    afterRequest: (ctx: Ctx, response: Response) =>
      ctx.method === 'GET' || ctx.method === 'HEAD' || response.status >= 400
        ? Promise.resolve()
        : serial(async () => {
            await syncNow()
            await publishFor(ctx, response)
          }),
    /** @internal Called after token requests: a new token is a new broker password. */
    syncTokens: () => serial(syncNow).catch(() => {}),
    close: async () => {
      await queue
      try {
        await connecting
      } catch {
        return
      }
      for (const username of brokerPasswords.keys()) await management?.deleteUser(username).catch(() => {})
      if (options.cleanup)
        for (const username of declaredUsers) {
          await channel!.deleteExchange(`${username}.publish`).catch(() => {})
          await channel!.deleteExchange(`${username}.subscribe`).catch(() => {})
        }
      await model!.close().catch(() => {})
    },
  } as MockRealtime & InternalRealtime
}

/** The hooks the handler calls (not public API). */
export interface InternalRealtime {
  afterRequest(ctx: Ctx, response: Response): Promise<void>
  syncTokens(): Promise<void>
}

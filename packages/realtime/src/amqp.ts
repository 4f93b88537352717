import { isAuthRefusal, RealtimeAuthError, RealtimeError, realtimeError } from './errors.js'
import type { Connector } from './transport.js'

type Amqplib = typeof import('amqplib')

/** amqplib is CommonJS: its functions sit on the namespace or on `default` depending on the loader. */
async function loadAmqplib(): Promise<Amqplib> {
  const module = (await import('amqplib')) as Amqplib & { default?: Amqplib }
  return typeof module.connect === 'function' ? module : module.default!
}

/**
 * AMQP 0-9-1 (amqplib) for server-side consumers: logs in as `[domain:]username` with the token,
 * binds a server-named exclusive queue to `{username}.subscribe` (all a MAX user may do).
 */
export const connectAmqp: Connector = async (params, handlers) => {
  const amqp = await loadAmqplib()
  const secrets = [params.passcode]
  const { url } = params
  let model: Awaited<ReturnType<Amqplib['connect']>>
  try {
    // An options object, not a URL string: the token then never sits in a URL an error could quote.
    model = await amqp.connect(
      {
        protocol: url.protocol.replace(/:$/, ''),
        hostname: url.hostname,
        port: url.port ? Number(url.port) : url.protocol === 'amqps:' ? 5671 : 5672,
        username: params.login,
        password: params.passcode,
        vhost: url.pathname.length > 1 ? decodeURIComponent(url.pathname.slice(1)) : '/',
        heartbeat: Math.ceil(params.heartbeat / 1000),
      },
      {
        timeout: params.connectTimeout,
        rejectUnauthorized: params.rejectUnauthorized,
        servername: url.hostname,
      },
    )
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error)
    if (isAuthRefusal(text))
      throw realtimeError(RealtimeAuthError, `The broker refused the login of ${params.login}`, secrets, text)
    throw realtimeError(RealtimeError, `Cannot connect to ${url.host} over AMQP`, secrets, text)
  }
  let closing = false
  model.on('error', () => {})
  model.on('close', (error?: Error) => {
    if (closing) return
    closing = true
    handlers.onLost(
      realtimeError(RealtimeError, 'AMQP connection lost', secrets, error ?? 'closed by the broker'),
    )
  })
  try {
    const channel = await model.createConfirmChannel()
    channel.on('error', () => {})
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true })
    await channel.bindQueue(queue, `${params.username}.subscribe`, '')
    await channel.consume(
      queue,
      (message) => {
        if (message)
          handlers.onMessage(
            message.fields.exchange,
            message.fields.routingKey,
            message.content.toString('utf8'),
          )
      },
      { noAck: true },
    )
    return {
      publish: (exchange, routingKey, body) =>
        new Promise<void>((done, failed) => {
          channel.publish(exchange, routingKey, Buffer.from(body, 'utf8'), {}, (error: unknown) =>
            error
              ? failed(realtimeError(RealtimeError, 'The broker did not accept the message', secrets, error))
              : done(),
          )
        }),
      close: async () => {
        closing = true
        await model.close().catch(() => {})
      },
    }
  } catch (error) {
    closing = true
    await model.close().catch(() => {})
    const text = error instanceof Error ? error.message : String(error)
    if (/NOT_FOUND/.test(text))
      throw realtimeError(
        RealtimeError,
        `No exchange ${params.username}.subscribe on the broker (a MAX user created with notifications=false has none)`,
        secrets,
        text,
      )
    throw realtimeError(
      isAuthRefusal(text) ? RealtimeAuthError : RealtimeError,
      'AMQP subscription failed',
      secrets,
      text,
    )
  }
}

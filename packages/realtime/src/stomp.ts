import { isAuthRefusal, RealtimeAuthError, RealtimeError, realtimeError } from './errors.js'
import type { Connector, TransportConnection } from './transport.js'
import { resolveWebSocket } from './websocket.js'

/** Splits a MESSAGE destination `/exchange/{exchange}/{routingKey}`. */
export function parseDestination(destination: string): { exchange: string; routingKey: string } {
  const rest = destination.startsWith('/exchange/') ? destination.slice('/exchange/'.length) : destination
  const slash = rest.indexOf('/')
  return slash === -1
    ? { exchange: rest, routingKey: '' }
    : { exchange: rest.slice(0, slash), routingKey: rest.slice(slash + 1) }
}

let receipts = 0

/**
 * STOMP over a WebSocket (RabbitMQ Web-STOMP, e.g. `wss://max.example.com/ws`), with the
 * headers MAX's widgets send: login `[domain:]username`, passcode = token, host `/`. Uses
 * `@stomp/stompjs` for framing and heart-beats; reconnection is the client's job, not the library's.
 */
export const connectStomp: Connector = async (params, handlers) => {
  const WebSocketClass = await resolveWebSocket(params.webSocket, params.rejectUnauthorized)
  const { Client } = await import('@stomp/stompjs')
  const secrets = [params.passcode]
  return new Promise<TransportConnection>((resolve, reject) => {
    let settled = false
    let closing = false
    const client = new Client({
      webSocketFactory: () => new WebSocketClass(params.url.href, ['v12.stomp', 'v11.stomp', 'v10.stomp']),
      connectHeaders: { login: params.login, passcode: params.passcode, host: '/' },
      heartbeatIncoming: params.heartbeat,
      heartbeatOutgoing: params.heartbeat,
      reconnectDelay: 0,
      connectionTimeout: params.connectTimeout,
      // The library's debug output includes the CONNECT frame (and so the token): never enabled.
      debug: () => {},
    })
    const timer = setTimeout(
      () =>
        fail(
          new RealtimeError(`Timed out after ${params.connectTimeout} ms connecting to ${params.url.origin}`),
        ),
      params.connectTimeout,
    )
    const fail = (error: RealtimeError) => {
      if (!settled) {
        settled = true
        clearTimeout(timer)
        closing = true
        void client.deactivate({ force: true })
        reject(error)
      } else if (!closing) {
        closing = true
        void client.deactivate({ force: true })
        handlers.onLost(error)
      }
    }
    const connection: TransportConnection = {
      publish: (exchange, routingKey, body) =>
        new Promise<void>((done, failed) => {
          if (!client.connected) {
            failed(new RealtimeError('Not connected: the message was not sent'))
            return
          }
          const receipt = `send-${++receipts}`
          client.watchForReceipt(receipt, () => done())
          client.publish({ destination: `/exchange/${exchange}/${routingKey}`, body, headers: { receipt } })
        }),
      close: async () => {
        closing = true
        clearTimeout(timer)
        await client.deactivate()
      },
    }
    client.onConnect = () => {
      const receipt = `subscribe-${++receipts}`
      client.watchForReceipt(receipt, () => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        resolve(connection)
      })
      client.subscribe(
        `/exchange/${params.username}.subscribe`,
        (frame) => {
          const { exchange, routingKey } = parseDestination(frame.headers.destination ?? '')
          handlers.onMessage(exchange, routingKey, frame.body)
        },
        { id: 'sub-0', receipt },
      )
    }
    client.onStompError = (frame) => {
      const text = `${frame.headers.message ?? ''}${frame.body ? ` ${frame.body}` : ''}`.trim()
      if (/NOT_FOUND/.test(text))
        fail(
          realtimeError(
            RealtimeError,
            `No exchange ${params.username}.subscribe on the broker (a MAX user created with notifications=false has none)`,
            secrets,
            text,
          ),
        )
      else if (isAuthRefusal(text))
        fail(
          realtimeError(RealtimeAuthError, `The broker refused the login of ${params.login}`, secrets, text),
        )
      else fail(realtimeError(RealtimeError, 'STOMP error', secrets, text))
    }
    client.onWebSocketClose = (event: { code?: number }) => {
      fail(
        new RealtimeError(`Connection to ${params.url.origin} closed (WebSocket code ${event.code ?? '?'})`),
      )
    }
    client.onWebSocketError = () => {
      fail(new RealtimeError(`Cannot reach ${params.url.origin} over WebSocket`))
    }
    client.activate()
  })
}

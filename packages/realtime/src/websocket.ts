import type { WebSocketConstructor } from './transport.js'

/**
 * The WebSocket to use: the caller's, the platform's (browsers, Deno, Bun, Node >= 22), or the
 * `ws` package on Node 20, imported only there. `ws` is also used on Node when TLS verification is
 * turned off, since the standard constructor has no such option.
 */
export async function resolveWebSocket(
  given: WebSocketConstructor | undefined,
  rejectUnauthorized: boolean,
): Promise<WebSocketConstructor> {
  if (given) return given
  const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string'
  const native = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket
  if (native && (rejectUnauthorized || !isNode)) return native
  const { WebSocket: NodeWebSocket } = await import('ws')
  return class extends (NodeWebSocket as unknown as new (
    url: string,
    protocols: string | string[] | undefined,
    options: object,
  ) => WebSocket) {
    constructor(url: string, protocols?: string | string[]) {
      // maxPayload bounds one frame (STOMP messages from MAX are small JSON).
      super(url, protocols, { rejectUnauthorized, maxPayload: 16 * 1024 * 1024 })
    }
  } as unknown as WebSocketConstructor
}

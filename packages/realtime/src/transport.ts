/** What the client needs from a broker connection, whatever the protocol. */
export interface TransportHandlers {
  /** One delivery from the user's subscribe exchange. */
  onMessage(exchange: string, routingKey: string, body: string): void
  /** The connection ended without `close()` being called. */
  onLost(error: Error): void
}

/** An open broker connection, subscribed to `{username}.subscribe`. */
export interface TransportConnection {
  /** Publishes a body to an exchange the user may write to. */
  publish(exchange: string, routingKey: string, body: string): Promise<void>
  /** Closes the connection; no `onLost` follows. */
  close(): Promise<void>
}

/** Where and as whom to connect. */
export interface ConnectParams {
  url: URL
  /** `[domain:]username`. */
  login: string
  /** The OAuth token. */
  passcode: string
  /** The MAX username (exchange names carry no domain). */
  username: string
  /** Heart-beat interval in ms (0 disables). */
  heartbeat: number
  /** Time allowed for connecting and subscribing, in ms. */
  connectTimeout: number
  rejectUnauthorized: boolean
  /** A WebSocket constructor to use instead of the platform's (STOMP only). */
  webSocket?: WebSocketConstructor
}

/** The standard WebSocket constructor shape (browsers, Deno, Bun, Node >= 22, `ws`). */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocket

/** Opens one connection and subscribes; rejects with a {@link RealtimeError}. */
export type Connector = (params: ConnectParams, handlers: TransportHandlers) => Promise<TransportConnection>

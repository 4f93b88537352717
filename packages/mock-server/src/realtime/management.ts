/**
 * The slice of RabbitMQ's management API the mock needs to emulate MAX's auth plugin with
 * broker users: one user per MAX user, password = its newest OAuth token, and permissions
 * limited to its own exchanges and server-named queues.
 */
export class Management {
  readonly #base: string
  readonly #authorization: string

  constructor(base: string, username: string, password: string) {
    this.#base = base.replace(/\/$/, '')
    this.#authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`
  }

  async #call(method: string, path: string, body?: unknown): Promise<void> {
    const response = await fetch(`${this.#base}${path}`, {
      method,
      headers: { authorization: this.#authorization, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    })
    await response.arrayBuffer()
    if (!response.ok && !(method === 'DELETE' && response.status === 404))
      throw new Error(
        `RabbitMQ management API ${method} ${path.split('/').slice(0, 3).join('/')}: HTTP ${response.status}`,
      )
  }

  /** Creates or updates `name` with `password` and MAX's per-user permissions on vhost `/`. */
  async putUser(name: string, password: string): Promise<void> {
    const user = encodeURIComponent(name)
    const own = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    // Server-named queues: amq.gen-* (AMQP) and stomp-subscription-* (STOMP plugin).
    const queues = 'amq\\.gen-.*|stomp-subscription-.*'
    await this.#call('PUT', `/users/${user}`, { password, tags: '' })
    await this.#call('PUT', `/permissions/%2F/${user}`, {
      configure: `^(${queues})$`,
      write: `^(${queues}|${own}\\.publish)$`,
      read: `^(${queues}|${own}\\.subscribe)$`,
    })
  }

  async deleteUser(name: string): Promise<void> {
    await this.#call('DELETE', `/users/${encodeURIComponent(name)}`)
  }

  /** Closes every connection of broker user `name` (what a broker restart does to a client); returns how many. */
  async closeConnectionsOf(name: string): Promise<number> {
    // The per-user listing reads connection tracking, so a connection shows at once (not after a stats interval).
    const path = `/connections/username/${encodeURIComponent(name)}`
    const response = await fetch(`${this.#base}${path}`, {
      headers: { authorization: this.#authorization },
      signal: AbortSignal.timeout(10_000),
    })
    const connections = response.ok ? ((await response.json()) as unknown[]) : []
    if (connections.length > 0) await this.#call('DELETE', path)
    return connections.length
  }
}

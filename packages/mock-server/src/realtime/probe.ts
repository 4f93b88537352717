import { connect } from 'node:net'

/** The RabbitMQ ports live events use: AMQP, Web-STOMP (`/ws`) and the management API. */
export const RABBITMQ_PORTS = { amqp: 5672, webStomp: 15674, management: 15672 } as const

function portOpen(host: string, port: number, timeout: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout })
    const done = (open: boolean) => {
      socket.destroy()
      resolve(open)
    }
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
    socket.once('timeout', () => done(false))
  })
}

/** Whether a RabbitMQ with the Web-STOMP and management plugins answers on `host` (default loopback). */
export async function rabbitmqAvailable(host = '127.0.0.1', timeout = 1000): Promise<boolean> {
  const open = await Promise.all(Object.values(RABBITMQ_PORTS).map((port) => portOpen(host, port, timeout)))
  return open.every(Boolean)
}

import { connect } from 'node:net'

/** RabbitMQ ports the integration tests use (all on 127.0.0.1). */
const PORTS = { amqp: 5672, webStomp: 15674, management: 15672 }

function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port, timeout: 1000 })
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => (socket.destroy(), resolve(false)))
  })
}

const HOW =
  'RabbitMQ not reachable on 127.0.0.1 (5672, 15674, 15672): skipping; start it with `scripts/ci/rabbitmq.sh`'

/**
 * Whether the broker (with Web-STOMP and management) is up. In CI (`.ci/run` sets MAXCLIENT_RABBITMQ=required; `CI` counts too) a missing broker
 * fails the run instead of skipping, so these tests cannot silently stop running.
 */
export async function brokerAvailable(): Promise<boolean> {
  const results = await Promise.all(Object.values(PORTS).map(reachable))
  if (results.every(Boolean)) return true
  if (process.env.MAXCLIENT_RABBITMQ === 'required' || process.env.CI)
    throw new Error(HOW.replace('skipping', 'required in CI'))
  console.warn(HOW)
  return false
}

export const STOMP_URL = `ws://127.0.0.1:${PORTS.webStomp}/ws`
export const AMQP_URL = `amqp://127.0.0.1:${PORTS.amqp}`

import { RABBITMQ_PORTS, rabbitmqAvailable } from '@maxclient/mock-server'

const HOW =
  'RabbitMQ not reachable on 127.0.0.1 (5672, 15674, 15672): skipping; start it with `scripts/ci/rabbitmq.sh`'

/**
 * Whether the broker (with Web-STOMP and management) is up. When a broker is required
 * (`.ci/run` sets MAXCLIENT_RABBITMQ=required; `CI` counts too) a missing one fails the run
 * instead of skipping, so these tests cannot silently stop running.
 */
export async function brokerAvailable(): Promise<boolean> {
  if (await rabbitmqAvailable()) return true
  if (process.env.MAXCLIENT_RABBITMQ === 'required' || process.env.CI)
    throw new Error(HOW.replace('skipping', 'required here'))
  console.warn(HOW)
  return false
}

export const STOMP_URL = `ws://127.0.0.1:${RABBITMQ_PORTS.webStomp}/ws`
export const AMQP_URL = `amqp://127.0.0.1:${RABBITMQ_PORTS.amqp}`

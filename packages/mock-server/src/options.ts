import type { MockAmqpOptions } from './realtime/publisher.js'

/** Options of {@link createMockHandler} and `startMockServer`. */
export interface MockOptions {
  /**
   * Users who can log in with a password (`{alice: 'secret'}`); each gets a profile at start.
   * When omitted the server is open: any username/password pair gets a token.
   */
  users?: Record<string, string>
  /** Users seeded with the Manager role (and a profile). Default `['admin']`. */
  managers?: string[]
  /** Accept any password at `POST /oauth/token`. Default: true when `users` is omitted, false otherwise. */
  open?: boolean
  /** Time source for `published` dates and ids; pass a fake one for deterministic tests. Default `() => new Date()`. */
  clock?: () => Date
  /** Hub discovery (`GET {hubUrl}/info`): domain → MAX URL. Default `{ mock: <this server's URL> }`. */
  hub?: { domains: Record<string, string> }
  /** `max.server_id` in `GET /info`. Default `'mock'`. */
  serverId?: string
  /** Declare MAX's RabbitMQ topology on this broker and publish what MAX publishes (see README, Live events). */
  amqp?: string | MockAmqpOptions
}

/** Path prefix of the OAuth server on the same origin. */
export const OAUTH_PREFIX = '/oauth'
/** Path prefix of the hub on the same origin. */
export const HUB_PREFIX = '/hub'

import { flag } from './define.js'

/** The options every command accepts, declared once; {@link GlobalOptions} is inferred from them. */
export const globalFlags = {
  server: flag.string('MAX server URL (MAX_SERVER)', { short: 's', value: 'url' }),
  domain: flag.string('find the server of a domain through the hub', { value: 'name' }),
  hub: flag.string('hub URL used with --domain (MAX_HUB)', { value: 'url' }),
  oauthServer: flag.string('OAuth server, default: read from /info (MAX_OAUTH_SERVER)', {
    short: 'o',
    value: 'url',
  }),
  username: flag.string('user to act as (MAX_USERNAME)', { short: 'u', value: 'name' }),
  profile: flag.string('stored login to use (see maxcli profiles) (MAX_PROFILE)', { value: 'name' }),
  debug: flag.boolean('print raw requests and responses to stderr (secrets redacted)', { short: 'd' }),
  insecure: flag.boolean('do NOT verify TLS certificates (prints a warning)'),
  timeout: flag.string('timeout of each request attempt (MAX_TIMEOUT)', { value: 'seconds' }),
  output: flag.string('table, json, jsonl or csv (default: table on a terminal, else json)', {
    value: 'format',
  }),
  json: flag.boolean('shorthand for --output json'),
  fields: flag.string('comma-separated fields to show, dotted paths allowed (actor.username)', {
    value: 'list',
  }),
  jq: flag.string('filter the JSON result with a jq expression', { short: 'q', value: 'expr' }),
}

type Values<S> = { [K in keyof S]: S[K] extends { readonly type?: infer T } ? T : never }

/** The global options, as commands receive them. */
export type GlobalOptions = Partial<Values<typeof globalFlags>>

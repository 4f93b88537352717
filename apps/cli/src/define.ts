import type { CommandContext } from './context.js'

/**
 * How a command is declared: flags, arguments, help and examples once, in the command's own module,
 * with the types of `run`'s options inferred from the declaration (gh's options struct + constructor).
 */

/** A flag of a command; `T` is the type its value has in `run`'s options. */
export interface FlagSpec<T = unknown> {
  kind: 'string' | 'boolean' | 'list'
  description: string
  short?: string
  /** Name of the value in help, e.g. `url` in `--server <url>`. */
  value?: string
  default?: string
  required?: boolean
  /** Phantom: carries `T` for inference only. */
  readonly type?: T
}

/** A positional argument; `T` is `string`, `string | undefined` or `string[]`. */
export interface ArgSpec<T = unknown> {
  description: string
  required: boolean
  variadic: boolean
  readonly type?: T
}

type FlagSettings = { short?: string; value?: string }

/** Flag builders: the key of a flag in `flags` is its camelCase name (`displayName` → `--display-name`). */
export const flag = {
  string: (description: string, settings: FlagSettings = {}): FlagSpec<string | undefined> => ({
    kind: 'string',
    description,
    ...settings,
  }),
  /** A string flag with a default, so it is always set. */
  withDefault: (description: string, value: string, settings: FlagSettings = {}): FlagSpec<string> => ({
    kind: 'string',
    description,
    default: value,
    ...settings,
  }),
  required: (description: string, settings: FlagSettings = {}): FlagSpec<string> => ({
    kind: 'string',
    description,
    required: true,
    ...settings,
  }),
  boolean: (description: string, settings: { short?: string } = {}): FlagSpec<boolean | undefined> => ({
    kind: 'boolean',
    description,
    ...settings,
  }),
  /** Repeatable: every occurrence is collected. */
  list: (description: string, settings: FlagSettings = {}): FlagSpec<string[] | undefined> => ({
    kind: 'list',
    description,
    ...settings,
  }),
}

/** Argument builders; arguments are taken in the declaration's key order. */
export const arg = {
  required: (description = ''): ArgSpec<string> => ({ description, required: true, variadic: false }),
  optional: (description = ''): ArgSpec<string | undefined> => ({
    description,
    required: false,
    variadic: false,
  }),
  variadic: (description = ''): ArgSpec<string[]> => ({ description, required: true, variadic: true }),
}

type Values<S> = { [K in keyof S]: S[K] extends { readonly type?: infer T } ? T : never }

/** What a command does to the server: decides `--dry-run` and `--yes`. */
export type Effect = 'read' | 'change' | 'destroy'

/** A command's whole declaration. */
export interface CommandSpec<
  A extends Record<string, ArgSpec> = Record<string, ArgSpec>,
  F extends Record<string, FlagSpec> = Record<string, FlagSpec>,
> {
  summary: string
  /** Longer help shown under the usage line. */
  description?: string
  args?: A
  flags?: F
  examples?: string[]
  /** Text after the examples in help. */
  notes?: string
  /**
   * `change`: the command sends a mutating request, so it gets `--dry-run`. `destroy`: also asks
   * for confirmation on a terminal and needs `--yes` elsewhere.
   */
  effect?: Effect
  /** A list command: gets `--limit` (with this default) and `--all`. */
  list?: { limit: number }
  run(context: CommandContext, options: Values<A> & Values<F> & CommonOptions): Promise<void>
}

/** Options the framework adds from `effect` and `list`. */
export interface CommonOptions {
  dryRun?: boolean
  yes?: boolean
  limit?: string
  all?: boolean
}

/** Declares a command; the identity function that gives `run` its inferred option types. */
export function defineCommand<
  A extends Record<string, ArgSpec> = {},
  F extends Record<string, FlagSpec> = {},
>(spec: CommandSpec<A, F>): CommandSpec {
  return spec as unknown as CommandSpec
}

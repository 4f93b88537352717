import { usageError } from './errors.js'
import { editDistance } from './suggest.js'

/**
 * A small command-line parser with subcommands, options anywhere on the line, and generated help.
 * Written for maxcli because starting up fast matters here: a general framework costs more to load
 * than the whole request that a one-shot command sends.
 */

type Action = (...args: unknown[]) => unknown

interface OptionDef {
  short?: string
  long: string
  /** camelCase key in the parsed options. */
  key: string
  /** `<name>` of an option that takes a value; undefined for a flag. */
  valueName?: string
  description: string
  repeatable: boolean
  required: boolean
  defaultValue?: string
}

interface ArgumentDef {
  name: string
  required: boolean
  variadic: boolean
  description: string
}

const camelCase = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())

function parseFlags(flags: string): Pick<OptionDef, 'short' | 'long' | 'key' | 'valueName'> {
  const match = /^(?:-([A-Za-z]),\s*)?--([a-z][a-z0-9-]*)(?:\s+<([^>]+)>)?$/.exec(flags.trim())
  if (!match) throw new Error(`bad option flags: ${flags}`)
  const [, short, long, valueName] = match
  const parsed: Pick<OptionDef, 'short' | 'long' | 'key' | 'valueName'> = {
    long: long!,
    key: camelCase(long!),
  }
  if (short) parsed.short = short
  if (valueName) parsed.valueName = valueName
  return parsed
}

/** Thrown for `--help` and `--version`, which end the run successfully. */
export class HelpShown extends Error {}

/** One command (or the program itself): arguments, options, subcommands and an action. */
export class Command {
  readonly name: string
  parent: Command | undefined
  readonly commands: Command[] = []
  private summary = ''
  private readonly args: ArgumentDef[] = []
  private readonly options: OptionDef[] = []
  private readonly helpAfter: string[] = []
  private handler: Action | undefined
  private versionText: string | undefined
  private values: Record<string, unknown> = {}

  constructor(name: string) {
    this.name = name
  }

  description(text: string): this {
    this.summary = text
    return this
  }

  /** `<name>`, `[name]` or `<name...>`. */
  argument(spec: string, description = ''): this {
    const match = /^([<[])([a-z][a-z0-9-]*)(\.\.\.)?[>\]]$/.exec(spec)
    if (!match) throw new Error(`bad argument spec: ${spec}`)
    this.args.push({ name: match[2]!, required: match[1] === '<', variadic: Boolean(match[3]), description })
    return this
  }

  /** `-s, --server <url>` takes a value, `--json` is a flag. `repeatable` collects values into an array. */
  option(flags: string, description = '', settings: { repeatable?: boolean; default?: string } = {}): this {
    const option: OptionDef = {
      ...parseFlags(flags),
      description,
      repeatable: Boolean(settings.repeatable),
      required: false,
    }
    if (settings.default !== undefined) option.defaultValue = settings.default
    this.options.push(option)
    return this
  }

  requiredOption(flags: string, description = ''): this {
    this.option(flags, description)
    this.options.at(-1)!.required = true
    return this
  }

  version(text: string): this {
    this.versionText = text
    return this
  }

  addHelpText(text: string): this {
    this.helpAfter.push(text)
    return this
  }

  command(name: string): Command {
    const child = new Command(name)
    child.parent = this
    this.commands.push(child)
    return child
  }

  action(handler: Action): this {
    this.handler = handler
    return this
  }

  /** Parsed option values of this command (after {@link parse}). */
  opts(): Record<string, unknown> {
    return this.values
  }

  /** Whether a description was set. */
  get described(): boolean {
    return this.summary !== ''
  }

  /** Whether help text (examples) was added. */
  get hasHelpText(): boolean {
    return this.helpAfter.length > 0
  }

  /** The command path, e.g. `maxcli users add`. */
  path(): string {
    return this.parent ? `${this.parent.path()} ${this.name}` : this.name
  }

  private root(): Command {
    return this.parent ? this.parent.root() : this
  }

  /** The help text of this command. */
  helpText(): string {
    const lines: string[] = []
    const argsText = this.args
      .map((arg) =>
        arg.required
          ? `<${arg.name}${arg.variadic ? '...' : ''}>`
          : `[${arg.name}${arg.variadic ? '...' : ''}]`,
      )
      .join(' ')
    const usage = this.commands.length > 0 ? '<command>' : argsText
    lines.push(`Usage: ${this.path()} [options]${usage ? ` ${usage}` : ''}`, '')
    if (this.summary) lines.push(this.summary, '')
    const table = (rows: Array<[string, string]>) => {
      const width = Math.max(...rows.map(([left]) => left.length))
      return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`.trimEnd())
    }
    if (this.args.some((arg) => arg.description)) {
      lines.push('Arguments:', ...table(this.args.map((arg) => [arg.name, arg.description])), '')
    }
    const optionRows: Array<[string, string]> = this.options.map((option) => [
      `${option.short ? `-${option.short}, ` : '    '}--${option.long}${option.valueName ? ` <${option.valueName}>` : ''}`,
      `${option.description}${option.defaultValue !== undefined ? ` (default: ${option.defaultValue})` : ''}${option.repeatable ? ' (repeatable)' : ''}`,
    ])
    if (this.versionText !== undefined) optionRows.push(['-V, --version', 'print the version'])
    optionRows.push(['-h, --help', 'show this help'])
    lines.push('Options:', ...table(optionRows), '')
    if (this.parent)
      lines.push(`Global options (--server, --json, --fields, ...): see "${this.root().name} --help".`, '')
    if (this.commands.length > 0) {
      lines.push('Commands:', ...table(this.commands.map((command) => [command.name, command.summary])), '')
    }
    return `${lines.join('\n')}${this.helpAfter.join('')}`.replace(/\n*$/, '\n')
  }

  private findOption(name: string, byShort: boolean): OptionDef | undefined {
    for (let command: Command | undefined = this; command; command = command.parent) {
      const found = command.options.find((option) => (byShort ? option.short === name : option.long === name))
      if (found) return found
    }
    return undefined
  }

  private ownerOf(option: OptionDef): Command {
    for (let command: Command | undefined = this; command; command = command.parent) {
      if (command.options.includes(option)) return command
    }
    return this
  }

  private unknownOption(token: string): never {
    const names = []
    for (let command: Command | undefined = this; command; command = command.parent) {
      names.push(...command.options.map((option) => `--${option.long}`))
    }
    const near = names.filter((name) => editDistance(name, token.split('=')[0]!) <= 2)
    throw usageError(
      `unknown option '${token}' for "${this.path()}"${near.length ? `; did you mean ${near.join(' or ')}?` : ''} (see "${this.path()} --help")`,
    )
  }

  /**
   * Parses `argv` (without node and script), then runs the chosen command's action with its
   * positional arguments, its own options and itself. Prints help or version and throws
   * {@link HelpShown} for `--help`/`--version`.
   */
  async parse(argv: readonly string[], write: (text: string) => void): Promise<void> {
    let node: Command = this
    const positionals: string[] = []
    const values = new Map<Command, Record<string, unknown>>()
    let help = false
    let version = false
    const set = (option: OptionDef, value: unknown) => {
      const owner = node.ownerOf(option)
      const record = values.get(owner) ?? {}
      values.set(owner, record)
      if (option.repeatable)
        record[option.key] = [...((record[option.key] as string[] | undefined) ?? []), value]
      else record[option.key] = value
    }
    for (let index = 0; index < argv.length; index++) {
      const token = argv[index]!
      if (token === '--') {
        positionals.push(...argv.slice(index + 1))
        break
      }
      if (token === '--help' || token === '-h') {
        help = true
        continue
      }
      if (node === this && (token === '--version' || token === '-V') && this.versionText !== undefined) {
        version = true
        continue
      }
      if (token.startsWith('--')) {
        const equals = token.indexOf('=')
        const name = token.slice(2, equals === -1 ? undefined : equals)
        const option = node.findOption(name, false) ?? node.unknownOption(token)
        if (option.valueName) {
          const value = equals === -1 ? argv[++index] : token.slice(equals + 1)
          if (value === undefined)
            throw usageError(`option '--${option.long} <${option.valueName}>' needs a value.`)
          set(option, value)
        } else {
          if (equals !== -1) throw usageError(`option '--${option.long}' takes no value.`)
          set(option, true)
        }
        continue
      }
      if (token.startsWith('-') && token.length > 1 && !/^-\d/.test(token)) {
        // Short flags may be grouped (-di); a value-taking one ends the group (-fkey=value or -f key=value).
        for (let at = 1; at < token.length; at++) {
          const option = node.findOption(token[at]!, true) ?? node.unknownOption(`-${token[at]}`)
          if (option.valueName) {
            const value = at + 1 < token.length ? token.slice(at + 1) : argv[++index]
            if (value === undefined)
              throw usageError(`option '-${option.short} <${option.valueName}>' needs a value.`)
            set(option, value)
            break
          }
          set(option, true)
        }
        continue
      }
      if (positionals.length === 0 && node.commands.length > 0) {
        const child = node.commands.find((command) => command.name === token)
        if (child) {
          node = child
          continue
        }
        if (token === 'help' && node === this) {
          help = true
          continue
        }
        const near = node.commands
          .map((command) => command.name)
          .filter((name) => editDistance(name, token) <= 2)
        throw usageError(
          `unknown command '${token}'${near.length ? `; did you mean ${near.map((name) => `'${name}'`).join(' or ')}?` : ''} (see "${node.path()} --help")`,
        )
      }
      positionals.push(token)
    }
    if (help && node === this && positionals.length > 0) {
      // `maxcli help users add`
      for (const name of positionals) node = node.commands.find((command) => command.name === name) ?? node
    }
    if (version) {
      write(`${this.versionText}\n`)
      throw new HelpShown()
    }
    if (help) {
      write(node.helpText())
      throw new HelpShown()
    }
    if (!node.handler) {
      throw usageError(
        `"${node.path()}" needs a command: ${node.commands.map((command) => command.name).join(', ')} (see "${node.path()} --help")`,
      )
    }
    for (let command: Command | undefined = node; command; command = command.parent) {
      const record = values.get(command) ?? {}
      for (const option of command.options) {
        if (record[option.key] === undefined && option.defaultValue !== undefined)
          record[option.key] = option.defaultValue
        if (option.required && record[option.key] === undefined) {
          throw usageError(`"${node.path()}" needs --${option.long} <${option.valueName}>.`)
        }
      }
      command.values = record
    }
    const args: unknown[] = []
    let rest = positionals
    for (const arg of node.args) {
      if (arg.variadic) {
        if (arg.required && rest.length === 0)
          throw usageError(`"${node.path()}" needs at least one <${arg.name}>.`)
        args.push(rest)
        rest = []
      } else {
        const value = rest[0]
        if (value === undefined && arg.required) throw usageError(`"${node.path()}" needs <${arg.name}>.`)
        args.push(value)
        rest = rest.slice(1)
      }
    }
    if (rest.length > 0) {
      throw usageError(
        `too many arguments for "${node.path()}": ${rest.map((value) => `'${value}'`).join(' ')} (see "${node.path()} --help")`,
      )
    }
    await node.handler(...args, node.values, node)
  }
}

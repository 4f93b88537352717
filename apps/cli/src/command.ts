import { type CommandSpec, type FlagSpec, flag } from './define.js'
import { usageError } from './errors.js'
import { editDistance } from './suggest.js'

/**
 * A small command-line parser with subcommands, options anywhere on the line, and generated help.
 * Written for maxcli because starting up fast matters here: a general framework costs more to load
 * than the whole request that a one-shot command sends.
 */

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
  key: string
  required: boolean
  variadic: boolean
  description: string
}

const kebabCase = (key: string) => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)

/** Imports a command's module; only when that command runs (or for help and completion). */
export type ModuleLoader = () => Promise<object>

/** What {@link Command.parse} chose: the leaf command with its options, and the root's options. */
export interface ParsedLine {
  command: Command
  spec: CommandSpec
  options: Record<string, unknown>
  globals: Record<string, unknown>
}

/** Thrown for `--help` and `--version`, which end the run successfully. */
export class HelpShown extends Error {}

/** One command (or the program itself): arguments, options, subcommands and its declaration. */
export class Command {
  readonly name: string
  parent: Command | undefined
  readonly commands: Command[] = []
  summary = ''
  private readonly args: ArgumentDef[] = []
  private readonly options: OptionDef[] = []
  private readonly helpAfter: string[] = []
  private spec: CommandSpec | undefined
  private loader: (() => Promise<CommandSpec>) | undefined
  private versionText: string | undefined

  constructor(name: string, summary = '') {
    this.name = name
    this.summary = summary
  }

  /** Adds flags declared with `flag.*`; the key's kebab-case is the long name. */
  flags(flags: Record<string, FlagSpec>): this {
    for (const [key, spec] of Object.entries(flags)) {
      const option: OptionDef = {
        long: kebabCase(key),
        key,
        description: spec.description,
        repeatable: spec.kind === 'list',
        required: Boolean(spec.required),
      }
      if (spec.short) option.short = spec.short
      if (spec.kind !== 'boolean') option.valueName = spec.value ?? 'value'
      if (spec.default !== undefined) option.defaultValue = spec.default
      this.options.push(option)
    }
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

  /** A group of commands, e.g. `users`. */
  group(name: string, summary: string): Command {
    const child = new Command(name, summary)
    child.parent = this
    this.commands.push(child)
    return child
  }

  /** A command declared by the `exported` spec of a module loaded only when needed. */
  command(name: string, load: ModuleLoader, exported = 'default'): Command {
    const child = this.group(name, '')
    child.loader = async () => (await load())[exported as keyof object] as CommandSpec
    return child
  }

  /** Applies a command's declaration: arguments, flags (plus those its effect and listing imply), help. */
  define(spec: CommandSpec): this {
    this.spec = spec
    this.summary = spec.summary
    for (const [key, value] of Object.entries(spec.args ?? {})) {
      this.args.push({ name: kebabCase(key), key, ...value })
    }
    this.flags(spec.flags ?? {})
    if (spec.list) {
      this.flags({
        limit: flag.withDefault('at most this many', String(spec.list.limit), { value: 'n' }),
        all: flag.boolean('every item, however many'),
      })
    }
    if (spec.effect === 'change' || spec.effect === 'destroy') {
      this.flags({ dryRun: flag.boolean('print the request it would send, and send nothing') })
    }
    if (spec.effect === 'destroy') {
      this.flags({
        yes: flag.boolean('do not ask for confirmation (required when not on a terminal)', { short: 'y' }),
      })
    }
    if (spec.description) this.helpAfter.push(`\n${spec.description}\n`)
    if (spec.examples?.length) {
      this.helpAfter.push(`\nExamples:\n${spec.examples.map((line) => `  $ ${line}`).join('\n')}\n`)
    }
    if (spec.notes) this.helpAfter.push(`\n${spec.notes}\n`)
    return this
  }

  /** Loads this command's module (once). */
  async load(): Promise<this> {
    if (this.loader) {
      const loader = this.loader
      this.loader = undefined
      this.define(await loader())
    }
    return this
  }

  /** Loads every command below this one (help of a group, completion scripts). */
  async loadAll(): Promise<this> {
    await this.load()
    await Promise.all(this.commands.map((command) => command.loadAll()))
    return this
  }

  /** This command's own options, for completion. */
  get ownOptions(): ReadonlyArray<{ short?: string; long: string; valueName?: string; description: string }> {
    return this.options
  }

  /** The command path, e.g. `maxcli users add`. */
  path(): string {
    return this.parent ? `${this.parent.path()} ${this.name}` : this.name
  }

  private root(): Command {
    return this.parent ? this.parent.root() : this
  }

  /** The help text of this command (load it first). */
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
      lines.push(
        `Global options (--server, --output, --jq, --fields, ...): see "${this.root().name} --help".`,
        '',
      )
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
   * Parses `argv` (without node and script) and returns the chosen command with its arguments and
   * options merged (gh's options struct), loading only that command's module. Prints help or
   * version and throws {@link HelpShown} for `--help`/`--version`.
   */
  async parse(argv: readonly string[], write: (text: string) => void): Promise<ParsedLine> {
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
          node = await child.load()
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
    await node.load()
    if (version) {
      write(`${this.versionText}\n`)
      throw new HelpShown()
    }
    if (help) {
      // A group's help lists its commands' summaries, which live in their modules.
      for (const child of node.commands) await child.load()
      write(node.helpText())
      throw new HelpShown()
    }
    if (!node.spec) {
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
      values.set(command, record)
    }
    const options: Record<string, unknown> = { ...values.get(node) }
    let rest = positionals
    for (const arg of node.args) {
      if (arg.variadic) {
        if (arg.required && rest.length === 0)
          throw usageError(`"${node.path()}" needs at least one <${arg.name}>.`)
        options[arg.key] = rest
        rest = []
      } else {
        const value = rest[0]
        if (value === undefined && arg.required) throw usageError(`"${node.path()}" needs <${arg.name}>.`)
        if (value !== undefined) options[arg.key] = value
        rest = rest.slice(1)
      }
    }
    if (rest.length > 0) {
      throw usageError(
        `too many arguments for "${node.path()}": ${rest.map((value) => `'${value}'`).join(' ')} (see "${node.path()} --help")`,
      )
    }
    return { command: node, spec: node.spec, options, globals: values.get(this) ?? {} }
  }
}

import { closeSync, openSync, rmSync, writeSync } from 'node:fs'
import { resolve } from 'node:path'
import type { MaxCore } from '@maxclient/core'
import { paginate } from '@maxclient/core'
import { contextHash } from '@maxclient/resources'
import { Journal, type RowOutcome } from '../bulk/journal.js'
import type { ParsedRow } from '../bulk/parse.js'
import { type BulkTask, createProgress, runTasks } from '../bulk/runner.js'
import { BulkSource } from '../bulk/source.js'
import { requestFor, sendCall } from '../call.js'
import type { CommandContext } from '../context.js'
import { arg, defineCommand, flag } from '../define.js'
import { CliError, ExitCode, usageError } from '../errors.js'
import {
  type EndpointCall,
  findOperation,
  type OperationName,
  operationNames,
  planRow,
} from '../operations.js'
import { formatTable } from '../output.js'

const bulkFlags = {
  concurrency: flag.withDefault('rows in flight at once', '8', { value: 'n' }),
  rate: flag.string('at most n rows started per second', { value: 'n' }),
  format: flag.string('csv or jsonl (default: from the file extension)', { value: 'csv|jsonl' }),
  journal: flag.string('default: FILE.journal', { value: 'path' }),
  report: flag.string('failed rows, default: FILE.failed.jsonl', { value: 'path' }),
  resume: flag.boolean('continue an interrupted run from its journal'),
  restart: flag.boolean('ignore an existing journal and run every row'),
  dryRun: flag.boolean(
    'check every row and print the request each would send (bodies included), sending nothing',
  ),
}

/** The options of `maxcli bulk`, as parsed from its declaration. */
export type BulkOptions = { [K in keyof typeof bulkFlags]?: NonNullable<(typeof bulkFlags)[K]['type']> }

export interface PlannedTask extends BulkTask {
  op: OperationName
  call: EndpointCall
  values: Record<string, unknown>
}

function positiveNumber(
  value: string | undefined,
  fallback: number | undefined,
  option: string,
  integer: boolean,
) {
  if (value === undefined) return fallback
  const number = Number(value)
  if (!Number.isFinite(number) || number <= 0 || (integer && !Number.isInteger(number))) {
    throw usageError(`${option} expects a positive ${integer ? 'whole ' : ''}number, got "${value}".`)
  }
  return number
}

/** What a row touches: its user and its context (URL or hash, compared as a hash). */
export function keysOf(values: Record<string, unknown>): string[] {
  const keys: string[] = []
  if (typeof values.username === 'string') keys.push(`user:${values.username}`)
  const context = values.context ?? values.url
  if (typeof context === 'string' && context !== '') keys.push(`context:${contextHash(context)}`)
  return keys
}

/** Reads the error of a failed response as one line: MAX's error name and description when present. */
function failureText(status: number, body: unknown): string {
  if (body && typeof body === 'object' && 'error' in body) {
    const { error, error_description: description } = body as { error: unknown; error_description?: unknown }
    return description === undefined ? String(error) : `${String(error)}: ${String(description)}`
  }
  return `HTTP ${status}`
}

/**
 * Whether an activity post whose outcome is unknown (the run was killed while it was in flight)
 * already reached the server: looks for the same text by the same author since the attempt began.
 */
async function alreadyPosted(client: MaxCore, task: PlannedTask, since: Date): Promise<boolean> {
  const content = (task.call.input as { object?: { content?: unknown } } | undefined)?.object?.content
  const listCall: EndpointCall = { method: 'GET', pattern: task.call.pattern, params: task.call.params }
  const built = requestFor(client, listCall)
  // Allow for clock skew between this machine and the server.
  const oldest = since.getTime() - 5 * 60_000
  for await (const item of paginate<{ object?: { content?: unknown }; published?: string }>(
    client,
    { method: 'GET', path: built.path, auth: built.auth },
    { pageSize: 100 },
  )) {
    // Newest first: anything older than the attempt cannot be it, and neither can what follows.
    const published = item.published ? Date.parse(item.published) : Number.NaN
    if (Number.isFinite(published) && published < oldest) return false
    if (item.object?.content === content) return true
  }
  return false
}

/** Sends one row; an unknown earlier outcome is resolved so that nothing is applied twice. */
export async function executeRow(client: MaxCore, task: PlannedTask): Promise<RowOutcome> {
  const spec = findOperation(task.op)!
  if (task.unfinishedSince && !spec.idempotent && task.op === 'activity.post') {
    if (await alreadyPosted(client, task, task.unfinishedSince)) return { ok: true, status: 200 }
  }
  let response: Awaited<ReturnType<typeof sendCall>>
  try {
    response = await sendCall(client, task.call)
  } catch (error) {
    const status =
      typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : -1
    return { ok: false, status, error: (error as Error).message }
  }
  if (response.ok) return { ok: true, status: response.status }
  if (task.unfinishedSince && spec.alreadyAppliedStatuses?.includes(response.status)) {
    return { ok: true, status: response.status }
  }
  return { ok: false, status: response.status, error: failureText(response.status, response.body) }
}

/** A row turned into a task, or why it cannot run. */
function plan(
  row: ParsedRow,
): { task: PlannedTask; error?: undefined } | { task?: undefined; error: string } {
  if (row.error !== undefined) return { error: row.error }
  try {
    const { op, call } = planRow(row.values)
    return { task: { line: row.line, op, call, values: row.values, keys: keysOf(row.values) } }
  } catch (error) {
    return { error: (error as Error).message }
  }
}

/**
 * Writes the report of every row that ended failed, across resumed runs, plus the invalid ones, in
 * file order (one more pass over the input, so nothing of the run is held in memory). Returns how
 * many rows it lists.
 */
async function writeReport(
  source: BulkSource,
  journal: Journal,
  reportPath: string,
  invalid: number,
): Promise<number> {
  if (journal.failures.size === 0 && invalid === 0) {
    rmSync(reportPath, { force: true })
    return 0
  }
  const fd = openSync(reportPath, 'w', 0o600)
  let count = 0
  try {
    for await (const row of source.rows()) {
      const { task, error } = plan(row)
      const failure = task ? journal.failures.get(task.line) : undefined
      if (error === undefined && failure === undefined) continue
      const entry = task
        ? { line: row.line, row: task.values, status: failure!.status, error: failure!.error }
        : { line: row.line, ...(row.error === undefined ? { row: row.values } : {}), status: null, error }
      writeSync(fd, `${JSON.stringify(entry)}\n`)
      count++
    }
  } finally {
    closeSync(fd)
  }
  return count
}

/** `maxcli bulk FILE`: streams the file, so a file of any size runs in flat memory. */
export async function bulk(context: CommandContext, file: string, options: BulkOptions) {
  const concurrency = positiveNumber(options.concurrency, 8, '--concurrency', true)!
  const rate = positiveNumber(options.rate, undefined, '--rate', false)
  if (options.resume && options.restart)
    throw usageError('--resume and --restart exclude each other: pick one.')
  const path = resolve(file)
  const source = new BulkSource(path, file, options.format)

  if (options.dryRun) {
    const { client, target } = await context.session()
    const { describeRequest } = await import('../dry-run.js')
    const planned: Array<Record<string, unknown>> = []
    let ready = 0
    let invalid = 0
    for await (const row of source.rows()) {
      const { task, error } = plan(row)
      if (!task) {
        invalid++
        context.note(`line ${row.line}: ${error}`)
        continue
      }
      ready++
      if (!context.json) {
        context.io.stdout.write(
          `# line ${task.line}: ${task.op}\n${describeRequest(client, task.call, [target.token])}`,
        )
        continue
      }
      const built = requestFor(client, task.call)
      const entry: Record<string, unknown> = {
        line: task.line,
        op: task.op,
        request: `${built.method} ${built.path}${built.query ? `?${built.query}` : ''}`,
      }
      if (built.body !== undefined && JSON.stringify(built.body) !== '{}') entry.body = built.body
      planned.push(entry)
    }
    if (context.json) await context.print(planned)
    context.note(`${ready} row(s) ready, ${invalid} invalid.`)
    if (invalid > 0) throw new CliError(`${invalid} row(s) of ${file} are invalid.`, ExitCode.failed)
    return
  }

  // First pass: what the journal is tied to (the input's hash), the rows that can run, the bad ones.
  let valid = 0
  let invalid = 0
  const sha256 = await source.scan((row) => {
    const { error } = plan(row)
    if (error === undefined) valid++
    else {
      invalid++
      context.note(`line ${row.line}: ${error}`)
    }
  })

  const { client } = await context.session()
  const journalPath = options.journal ? resolve(options.journal) : `${path}.journal`
  const reportPath = options.report ? resolve(options.report) : `${path}.failed.jsonl`
  const journal = Journal.open({
    path: journalPath,
    input: path,
    sha256,
    rows: valid,
    resume: Boolean(options.resume),
    restart: Boolean(options.restart),
    notice: (message) => context.note(message),
  })
  let result: Awaited<ReturnType<typeof runTasks>>
  let reported: number
  const controller = new AbortController()
  const onSigint = () => controller.abort()
  process.once('SIGINT', onSigint)
  try {
    const pending = valid - journal.finalCount
    const skipped = valid - pending
    if (skipped > 0)
      context.note(`Resuming: ${skipped} row(s) already done in an earlier run, ${pending} to go.`)

    // Second pass: the rows still to run, read only as fast as they are sent.
    async function* pendingTasks(): AsyncGenerator<PlannedTask> {
      for await (const row of source.rows()) {
        const { task } = plan(row)
        if (!task || !journal.pending(task.line)) continue
        const since = journal.unfinished.get(task.line)
        if (since) task.unfinishedSince = since
        yield task
      }
    }
    result = await runTasks({
      tasks: pendingTasks(),
      total: pending,
      journal,
      execute: (task) => executeRow(client, task),
      concurrency,
      ...(rate !== undefined ? { rate } : {}),
      progress: createProgress(context.io.stderr),
      signal: controller.signal,
    })
    if (journal.finalCount === valid) journal.end()
    reported = await writeReport(source, journal, reportPath, invalid)
  } finally {
    process.off('SIGINT', onSigint)
    journal.close()
  }

  const summary = [
    `${journal.appliedCount} of ${valid + invalid} row(s) applied`,
    reported > 0 ? `${reported} failed (see ${reportPath})` : undefined,
    result.notRun > 0 ? `${result.notRun} not run` : undefined,
  ]
    .filter(Boolean)
    .join(', ')
  context.note(`${summary}.`)
  if (result.stopped === 'interrupted') {
    throw new CliError(
      `Interrupted: run again with --resume to continue (journal ${journalPath}).`,
      ExitCode.interrupted,
    )
  }
  if (result.stopped === 'unreachable') {
    throw new CliError(
      `Stopped: several requests in a row got no answer from the server. Check the connection, then run again with --resume.`,
    )
  }
  if (reported > 0 || result.notRun > 0) throw new CliError(`${reported} row(s) failed.`)
}

export default defineCommand({
  summary: 'apply one operation per row of a CSV or JSON Lines file, resumably',
  args: { file: arg.required() },
  flags: bulkFlags,
  examples: [
    'maxcli bulk people.csv',
    'maxcli bulk changes.jsonl --resume',
    'maxcli bulk --dry-run people.csv',
  ],
  notes:
    'Rows (CSV header or JSON keys): op plus the fields of the operation; run "maxcli bulk-ops" to list them.',
  run: (context, options) => bulk(context, options.file, options),
})

/** `maxcli bulk-ops`: the operations and their fields. */
async function listOperations(context: CommandContext) {
  const rows = operationNames.map((name) => {
    const spec = findOperation(name)!
    return {
      op: name,
      required: spec.required.join(', '),
      optional: spec.optional.join(', '),
      summary: spec.summary,
    }
  })
  if (context.json) await context.print(rows)
  else context.io.stdout.write(`${formatTable(rows, ['op', 'required', 'optional', 'summary'])}\n`)
}

export const operationsCommand = defineCommand({
  summary: 'list the operations a bulk file can use, with their fields',
  examples: ['maxcli bulk-ops'],
  run: listOperations,
})

import { createHash } from 'node:crypto'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { MaxCore } from '@maxclient/core'
import { paginate } from '@maxclient/core'
import { contextHash } from '@maxclient/resources'
import { Journal, type RowOutcome } from '../bulk/journal.js'
import { detectFormat, type ParsedRow, parseBulk } from '../bulk/parse.js'
import { type BulkTask, createProgress, runTasks } from '../bulk/runner.js'
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

/** `maxcli bulk FILE` */
export async function bulk(context: CommandContext, file: string, options: BulkOptions) {
  const concurrency = positiveNumber(options.concurrency, 8, '--concurrency', true)!
  const rate = positiveNumber(options.rate, undefined, '--rate', false)
  if (options.resume && options.restart)
    throw usageError('--resume and --restart exclude each other: pick one.')
  const path = resolve(file)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw usageError(`Cannot read ${file}: ${(error as Error).message}`)
  }
  const format = detectFormat(path, text, options.format)
  const rows: ParsedRow[] = parseBulk(text, format)
  const invalid: Array<{ line: number; error: string; values?: Record<string, unknown> }> = []
  const tasks: PlannedTask[] = []
  for (const row of rows) {
    if (row.error !== undefined) {
      invalid.push({ line: row.line, error: row.error })
      continue
    }
    try {
      const { op, call } = planRow(row.values)
      tasks.push({ line: row.line, op, call, values: row.values, keys: keysOf(row.values) })
    } catch (error) {
      invalid.push({ line: row.line, error: (error as Error).message, values: row.values })
    }
  }
  for (const { line, error } of invalid) context.note(`line ${line}: ${error}`)

  if (options.dryRun) {
    const { client, target } = await context.session()
    const { describeRequest } = await import('../dry-run.js')
    if (context.json) {
      await context.print(
        tasks.map((task) => {
          const built = requestFor(client, task.call)
          const row: Record<string, unknown> = {
            line: task.line,
            op: task.op,
            request: `${built.method} ${built.path}${built.query ? `?${built.query}` : ''}`,
          }
          if (built.body !== undefined && JSON.stringify(built.body) !== '{}') row.body = built.body
          return row
        }),
      )
    } else {
      for (const task of tasks) {
        context.io.stdout.write(
          `# line ${task.line}: ${task.op}\n${describeRequest(client, task.call, [target.token])}`,
        )
      }
    }
    context.note(`${tasks.length} row(s) ready, ${invalid.length} invalid.`)
    if (invalid.length > 0)
      throw new CliError(`${invalid.length} row(s) of ${file} are invalid.`, ExitCode.failed)
    return
  }

  const { client } = await context.session()
  const journalPath = options.journal ? resolve(options.journal) : `${path}.journal`
  const reportPath = options.report ? resolve(options.report) : `${path}.failed.jsonl`
  const journal = Journal.open({
    path: journalPath,
    input: path,
    sha256: createHash('sha256').update(text).digest('hex'),
    rows: tasks.length,
    resume: Boolean(options.resume),
    restart: Boolean(options.restart),
  })
  const pending = tasks.filter((task) => journal.pending(task.line))
  for (const task of pending) {
    const since = journal.unfinished.get(task.line)
    if (since) task.unfinishedSince = since
  }
  const skipped = tasks.length - pending.length
  if (skipped > 0)
    context.note(`Resuming: ${skipped} row(s) already done in an earlier run, ${pending.length} to go.`)

  const controller = new AbortController()
  const onSigint = () => controller.abort()
  process.once('SIGINT', onSigint)
  let result: Awaited<ReturnType<typeof runTasks>>
  try {
    result = await runTasks({
      tasks: pending,
      journal,
      execute: (task) => executeRow(client, task),
      concurrency,
      ...(rate !== undefined ? { rate } : {}),
      progress: createProgress(context.io.stderr),
      signal: controller.signal,
    })
    const everyRowFinal = tasks.every((task) => !journal.pending(task.line))
    if (everyRowFinal) journal.end()
  } finally {
    process.off('SIGINT', onSigint)
    journal.close()
  }

  // The report lists every row that ended failed, across resumed runs, plus the invalid ones.
  const byLine = new Map(tasks.map((task) => [task.line, task]))
  const failures = [
    ...invalid.map(({ line, error, values }) => ({
      line,
      ...(values ? { row: values } : {}),
      status: null,
      error,
    })),
    ...[...journal.outcomes]
      .filter(([, outcome]) => !outcome.ok)
      .map(([line, outcome]) => ({
        line,
        row: byLine.get(line)?.values,
        status: outcome.status,
        error: outcome.error,
      })),
  ].sort((a, b) => a.line - b.line)
  if (failures.length > 0) {
    writeFileSync(
      reportPath,
      failures
        .map((failure) => JSON.stringify(failure))
        .join('\n')
        .concat('\n'),
      {
        mode: 0o600,
      },
    )
  } else {
    rmSync(reportPath, { force: true })
  }
  const applied = [...journal.outcomes.values()].filter((outcome) => outcome.ok).length
  const summary = [
    `${applied} of ${tasks.length + invalid.length} row(s) applied`,
    failures.length > 0 ? `${failures.length} failed (see ${reportPath})` : undefined,
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
  if (failures.length > 0 || result.notRun > 0) throw new CliError(`${failures.length} row(s) failed.`)
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

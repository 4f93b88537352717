// Input files for the bulk case: the CLI's bulk runner must keep a flat memory whatever the size of
// its input, so the case runs a large and a ten times larger file and compares their peak RSS.

import { createHash } from 'node:crypto'
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Rows per file: [small, large] for each mode. @type {{ 'bulk-resume': Record<'full' | 'smoke', [number, number]> }} */
export const BULK_SIZES = {
  'bulk-resume': { full: [100_000, 1_000_000], smoke: [20_000, 100_000] },
}

const dir = mkdtempSync(join(tmpdir(), 'maxclient-bench-bulk-'))
process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
/** @type {Map<string, string>} */
const made = new Map()

/**
 * Writes `rows` activity posts as JSON Lines, in blocks so that a million rows never sit in memory.
 * @param {string} path
 * @param {number} rows
 * @param {string} username
 * @returns {string} the file's SHA-256
 */
function writeRows(path, rows, username) {
  const hash = createHash('sha256')
  const fd = openSync(path, 'w')
  try {
    for (let start = 0; start < rows; start += 10_000) {
      let block = ''
      for (let i = start; i < Math.min(rows, start + 10_000); i++) {
        block += `${JSON.stringify({ op: 'activity.post', username, content: `bulk row ${i}` })}\n`
      }
      hash.update(block)
      writeSync(fd, block)
    }
  } finally {
    closeSync(fd)
  }
  return hash.digest('hex')
}

/**
 * A journal saying every row was applied, so `--resume` reads the whole input and journal and
 * sends nothing: the memory of reading a file of that size.
 * @param {string} path
 * @param {string} input
 * @param {string} sha256
 * @param {number} rows
 */
function writeFinishedJournal(path, input, sha256, rows) {
  const fd = openSync(path, 'w')
  try {
    writeSync(fd, `${JSON.stringify({ t: 'run', input, sha256, rows, at: new Date().toISOString() })}\n`)
    for (let start = 1; start <= rows; start += 10_000) {
      let block = ''
      for (let line = start; line < Math.min(rows + 1, start + 10_000); line++) {
        block += `{"t":"done","line":${line},"ok":true,"status":201}\n`
      }
      writeSync(fd, block)
    }
  } finally {
    closeSync(fd)
  }
}

/**
 * The input file of a bulk case (made once per bench run).
 * @param {'bulk-resume'} caseId
 * @param {number} rows
 * @param {string} username
 * @returns {string}
 */
export function bulkInput(caseId, rows, username) {
  const key = `${caseId}-${rows}`
  const known = made.get(key)
  if (known) return known
  const path = join(dir, `${key}.jsonl`)
  const sha256 = writeRows(path, rows, username)
  if (caseId === 'bulk-resume') writeFinishedJournal(`${path}.journal`, path, sha256, rows)
  made.set(key, path)
  return path
}

// Reading callgrind's results: the total a process executed, and how much of it V8's background
// compiler threads did. A compile is paid once, in whichever counted window V8 happens to schedule
// it, so the instruction count reports it beside the total rather than hiding it in there.

import { collectOutput } from './collect.mjs'

/**
 * The entry points of V8's background compiler threads, one per tier and V8 version: TurboFan
 * (Node 20's dispatcher, Node 22+'s task executor), Maglev (Node 22+) and concurrent Sparkplug.
 * Each is the root of its thread's work, so its inclusive cost is all of that work, counted once.
 */
const BACKGROUND_COMPILE_ROOTS = [
  'v8::internal::OptimizingCompileDispatcher::CompileTask::RunInternal(',
  'v8::internal::OptimizingCompileTaskExecutor::CompileTask::Run(',
  'v8::internal::maglev::MaglevConcurrentDispatcher::JobTask::Run(',
  'v8::internal::baseline::ConcurrentBaselineCompiler::JobDispatcher::Run(',
]

/**
 * Instructions executed under V8's background compiler threads, from the text of
 * `callgrind_annotate --inclusive=yes` (0 when no compile ran).
 * @param {string} annotated
 * @returns {number}
 */
export function backgroundCompileOf(annotated) {
  let total = 0
  for (const line of annotated.split('\n')) {
    if (!BACKGROUND_COMPILE_ROOTS.some((root) => line.includes(root))) continue
    const count = /^\s*([\d,]+)\s/.exec(line)
    if (count === null) throw new Error(`callgrind_annotate: no count on the line ${JSON.stringify(line)}`)
    total += Number(count[1]?.replaceAll(',', ''))
  }
  return total
}

/**
 * Runs `callgrind_annotate --inclusive=yes` on one output file and resolves with its text.
 * @param {string} file
 * @returns {Promise<string>}
 */
export async function annotateInclusive(file) {
  // A threshold of 100 % lists every function, so no compiler root is cut off.
  const { code, stdout, stderr } = await collectOutput('callgrind_annotate', [
    '--inclusive=yes',
    '--threshold=100',
    file,
  ])
  if (code !== 0) throw new Error(`callgrind_annotate ${file} exited ${code}: ${stderr.slice(-500)}`)
  return stdout
}

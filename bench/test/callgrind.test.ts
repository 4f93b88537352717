// Reading callgrind_annotate's inclusive listing: the background compiler threads' share of a run.

import { describe, expect, it } from 'vitest'
import { backgroundCompileOf } from '../src/callgrind.mjs'

const node = '[/usr/bin/node]'

describe('backgroundCompileOf', () => {
  it("adds up the inclusive cost of every tier's background compiler thread", () => {
    const annotated = [
      '1,896,518,441 (100.0%)  PROGRAM TOTALS',
      `  548,453,856 (28.92%)  ???:v8::internal::OptimizingCompileDispatcher::CompileTask::RunInternal() ${node}`,
      // A frame under the root: counted by the root's inclusive figure already.
      `  548,308,697 (28.91%)  ???:v8::internal::OptimizingCompileDispatcher::CompileNext(v8::internal::TurbofanCompilationJob*) ${node}`,
      `   52,279,444 ( 8.34%)  ???:v8::internal::maglev::MaglevConcurrentDispatcher::JobTask::Run(v8::JobDelegate*) ${node}`,
      `   15,373,557 ( 2.45%)  ???:v8::internal::baseline::ConcurrentBaselineCompiler::JobDispatcher::Run(v8::JobDelegate*) ${node}`,
      `      775,866 ( 0.12%)  ???:v8::internal::OptimizingCompileTaskExecutor::CompileTask::Run(v8::JobDelegate*) ${node}`,
      // Garbage collection on a helper thread is not compile work.
      `    8,113,913 ( 1.29%)  ???:v8::internal::ScavengerCollector::JobTask::Run(v8::JobDelegate*) ${node}`,
    ].join('\n')
    expect(backgroundCompileOf(annotated)).toBe(548_453_856 + 52_279_444 + 15_373_557 + 775_866)
  })

  it('is 0 when no background compile ran', () => {
    expect(backgroundCompileOf('100 (100.0%)  PROGRAM TOTALS\n')).toBe(0)
  })
})

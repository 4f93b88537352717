import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { usageError } from '../errors.js'

/** Who holds a journal: written into the lock file so a second run can name it. */
export interface LockOwner {
  pid: number
  host: string
  started: string
}

/** Whether a process of this machine is alive (EPERM: alive, owned by another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockOwner>
    if (typeof owner.pid === 'number' && typeof owner.host === 'string') {
      return { pid: owner.pid, host: owner.host, started: String(owner.started ?? '?') }
    }
  } catch {
    // Unreadable or half-written: treated as held by an unknown run, never silently taken.
  }
  return undefined
}

/**
 * An exclusive lock beside a bulk journal, so two runs never apply the same rows. The lock file is
 * created with O_EXCL and holds the owner's pid, host and start time; a lock left by a dead process
 * of this host is taken over (the caller is told), a live or foreign one is refused (exit 2).
 */
export class JournalLock {
  private constructor(
    readonly path: string,
    private readonly owner: LockOwner,
  ) {}

  /** Takes the lock of `journalPath`; `notice` hears about a stale lock being taken over. */
  static acquire(journalPath: string, notice: (message: string) => void = () => {}): JournalLock {
    const path = `${journalPath}.lock`
    const owner: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString() }
    // Two attempts: the second one follows the removal of a stale lock.
    for (let attempt = 0; attempt < 2; attempt++) {
      let fd: number
      try {
        fd = openSync(path, 'wx', 0o600)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
        const holder = readOwner(path)
        if (attempt === 0 && holder && holder.host === owner.host && !isAlive(holder.pid)) {
          notice(
            `Taking over the lock ${path}: its run (pid ${holder.pid}, started ${holder.started}) is no longer running.`,
          )
          rmSync(path, { force: true })
          continue
        }
        throw usageError(refusal(path, holder, owner.host))
      }
      try {
        writeSync(fd, `${JSON.stringify(owner)}\n`)
      } finally {
        closeSync(fd)
      }
      return new JournalLock(path, owner)
    }
    throw usageError(refusal(path, readOwner(path), owner.host))
  }

  /** Removes the lock if it is still ours (a takeover by another run is left alone). */
  release(): void {
    const holder = readOwner(this.path)
    if (holder && holder.pid === this.owner.pid && holder.host === this.owner.host) {
      rmSync(this.path, { force: true })
    }
  }
}

function refusal(path: string, holder: LockOwner | undefined, host: string): string {
  if (!holder) {
    return `The journal is locked by another run (${path} cannot be read). If no other run is going, delete ${path} and try again.`
  }
  const where = holder.host === host ? `pid ${holder.pid}` : `pid ${holder.pid} on host ${holder.host}`
  const advice =
    holder.host === host ? 'wait for it to finish or stop it' : `if that run is gone, delete ${path}`
  return `Another bulk run (${where}, started ${holder.started}) is using this journal: ${advice}, then run again with --resume.`
}

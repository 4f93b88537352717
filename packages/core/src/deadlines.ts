/**
 * Timeouts for many in-flight requests with one timer per timeout length.
 *
 * A `setTimeout` + `clearTimeout` pair per request costs ~4,000 instructions in Node, and
 * sequential requests make Node create and drop a whole timer list each time. Requests that share
 * a timeout length expire in the order they started, so a list per length, kept in start order,
 * needs only one timer: armed for the oldest entry, re-armed when it fires. Finishing a request
 * unlinks its entry in O(1) and leaves the timer alone.
 */

/** A request waiting for its deadline. */
export interface Deadline {
  /** {@link monotonicNow} time at which `expire` runs. */
  readonly at: number
  readonly expire: () => void
  /** Neighbours in its list (the list's sentinel at either end); `undefined` once unlinked. */
  prev: Deadline | undefined
  next: Deadline | undefined
  /** The list it waits in; `undefined` once done, and for lengths beyond {@link MAX_LISTS}. */
  list: DeadlineList | undefined
  /** Its own timer, only for lengths beyond {@link MAX_LISTS}. */
  timer: ReturnType<typeof setTimeout> | undefined
}

/**
 * The requests of one timeout length, in start order, as a ring closed by a sentinel of the same
 * shape as its entries. Linking and unlinking then take no branch that depends on how many requests
 * are in flight: with a branch for "the list is empty", steady concurrency never takes it, V8
 * optimises the request path without it, and the first request after a lull deoptimises that path.
 */
interface DeadlineList {
  readonly timeout: number
  /** `sentinel.next` is the oldest entry, `sentinel.prev` the newest; itself when the list is empty. */
  readonly sentinel: Deadline
  /** Armed for the oldest deadline or earlier; kept while the list is idle (it then finds nothing due). */
  timer: ReturnType<typeof setTimeout> | undefined
}

/**
 * The timers never keep the process alive by themselves: a request in flight already does (its
 * socket, connection attempt or DNS lookup), and a ref'd timer would hold a finished process open
 * until the timeout, or cost a ref/unref per request to avoid that.
 */
function unref(timer: ReturnType<typeof setTimeout>): ReturnType<typeof setTimeout> {
  // Browsers' timers are numbers, without unref.
  if (typeof timer === 'object' && typeof timer.unref === 'function') timer.unref()
  return timer
}

/**
 * Milliseconds on the monotonic clock. Not `performance.now()`: that global loads `perf_hooks` on its
 * first use (about 5 M instructions on Node 24), inside a one-shot command's only request.
 */
export function monotonicNow(): number {
  const [seconds, nanoseconds] = process.hrtime()
  return seconds * 1e3 + nanoseconds / 1e6
}

/** Lengths kept with a list of their own; others get a timer each (lengths are nearly always few). */
const MAX_LISTS = 16

const never = (): void => {}

/** Every entry and every sentinel comes from here, so they share one object shape. */
function deadline(at: number, expire: () => void, list: DeadlineList | undefined): Deadline {
  return { at, expire, prev: undefined, next: undefined, list, timer: undefined }
}

/** A set of timeout lists; each transport owns one. */
export class Deadlines {
  readonly #lists = new Map<number, DeadlineList>()

  /** Calls `expire` once `timeout` ms have passed, unless {@link Deadlines.cancel} comes first. */
  start(timeout: number, expire: () => void): Deadline {
    const list = this.#lists.get(timeout) ?? this.#listFor(timeout)
    if (list === undefined) return this.#alone(timeout, expire)
    const entry = deadline(monotonicNow() + timeout, expire, list)
    const sentinel = list.sentinel
    const newest = sentinel.prev!
    entry.prev = newest
    entry.next = sentinel
    newest.next = entry
    sentinel.prev = entry
    if (list.timer === undefined) this.#arm(list, timeout)
    return entry
  }

  /** Forgets `entry` (its request ended); a no-op when it already expired or was cancelled. */
  cancel(entry: Deadline): void {
    if (entry.list === undefined) {
      // A timer of its own (see #alone), or already done.
      if (entry.timer !== undefined) clearTimeout(entry.timer)
      entry.timer = undefined
      return
    }
    entry.list = undefined
    const prev = entry.prev!
    const next = entry.next!
    prev.next = next
    next.prev = prev
    entry.prev = undefined
    entry.next = undefined
    // The timer stays armed (it fires early at worst, finds nothing due and re-arms): clearing and
    // re-creating it per request is what this avoids.
  }

  /** A new list for `timeout`, or `undefined` past {@link MAX_LISTS} lengths. */
  #listFor(timeout: number): DeadlineList | undefined {
    if (this.#lists.size >= MAX_LISTS) return undefined
    const sentinel = deadline(Number.POSITIVE_INFINITY, never, undefined)
    sentinel.prev = sentinel
    sentinel.next = sentinel
    const list: DeadlineList = { timeout, sentinel, timer: undefined }
    this.#lists.set(timeout, list)
    return list
  }

  #arm(list: DeadlineList, delay: number): void {
    list.timer = unref(setTimeout(() => this.#fire(list), Math.max(1, Math.ceil(delay))))
  }

  #fire(list: DeadlineList): void {
    list.timer = undefined
    const now = monotonicNow()
    const sentinel = list.sentinel
    // The sentinel is never due (its deadline is infinite), so it ends the walk. The oldest entry is
    // read again after each `expire`, which may have ended other requests of this list.
    let entry = sentinel.next!
    while (entry.at <= now) {
      this.cancel(entry)
      entry.expire()
      entry = sentinel.next!
    }
    // `expire` may have started or ended requests; re-arm for whatever is now oldest.
    const oldest = sentinel.next!
    if (oldest !== sentinel && list.timer === undefined) this.#arm(list, oldest.at - now)
  }

  #alone(timeout: number, expire: () => void): Deadline {
    const entry = deadline(monotonicNow() + timeout, expire, undefined)
    entry.timer = unref(
      setTimeout(() => {
        entry.timer = undefined
        expire()
      }, timeout),
    )
    return entry
  }
}

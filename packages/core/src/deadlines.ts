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
  /** `performance.now()` time at which `expire` runs. */
  readonly at: number
  readonly expire: () => void
  prev: Deadline | undefined
  next: Deadline | undefined
  /** The list it waits in; `undefined` once done, and for lengths beyond {@link MAX_LISTS}. */
  list: DeadlineList | undefined
  /** Its own timer, only for lengths beyond {@link MAX_LISTS}. */
  timer: ReturnType<typeof setTimeout> | undefined
}

interface DeadlineList {
  readonly timeout: number
  head: Deadline | undefined
  tail: Deadline | undefined
  /** Armed for the head's deadline or earlier; kept while the list is idle (it then finds nothing due). */
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

/** Lengths kept with a list of their own; others get a timer each (lengths are nearly always few). */
const MAX_LISTS = 16

/** A set of timeout lists; each transport owns one. */
export class Deadlines {
  readonly #lists = new Map<number, DeadlineList>()

  /** Calls `expire` once `timeout` ms have passed, unless {@link Deadlines.cancel} comes first. */
  start(timeout: number, expire: () => void): Deadline {
    let list = this.#lists.get(timeout)
    if (list === undefined) {
      if (this.#lists.size >= MAX_LISTS) return this.#alone(timeout, expire)
      list = { timeout, head: undefined, tail: undefined, timer: undefined }
      this.#lists.set(timeout, list)
    }
    const entry: Deadline = {
      at: performance.now() + timeout,
      expire,
      prev: list.tail,
      next: undefined,
      list,
      timer: undefined,
    }
    if (list.tail === undefined) list.head = entry
    else list.tail.next = entry
    list.tail = entry
    if (list.timer === undefined) this.#arm(list, timeout)
    return entry
  }

  /** Forgets `entry` (its request ended); a no-op when it already expired or was cancelled. */
  cancel(entry: Deadline): void {
    const list = entry.list
    if (list === undefined) {
      // A timer of its own (see #alone), or already done.
      if (entry.timer !== undefined) clearTimeout(entry.timer)
      entry.timer = undefined
      return
    }
    entry.list = undefined
    if (entry.prev === undefined) list.head = entry.next
    else entry.prev.next = entry.next
    if (entry.next === undefined) list.tail = entry.prev
    else entry.next.prev = entry.prev
    entry.prev = undefined
    entry.next = undefined
    // The timer stays armed (it fires early at worst, finds nothing due and re-arms): clearing and
    // re-creating it per request is what this avoids.
  }

  #arm(list: DeadlineList, delay: number): void {
    list.timer = unref(setTimeout(() => this.#fire(list), Math.max(1, Math.ceil(delay))))
  }

  #fire(list: DeadlineList): void {
    list.timer = undefined
    const now = performance.now()
    let entry = list.head
    while (entry !== undefined && entry.at <= now) {
      const next = entry.next
      this.cancel(entry)
      entry.expire()
      entry = next
    }
    // `expire` may have started or ended requests; re-arm for whatever is now oldest.
    const head = list.head
    if (head !== undefined && list.timer === undefined) this.#arm(list, head.at - now)
  }

  #alone(timeout: number, expire: () => void): Deadline {
    const entry: Deadline = {
      at: performance.now() + timeout,
      expire,
      prev: undefined,
      next: undefined,
      list: undefined,
      timer: undefined,
    }
    entry.timer = unref(
      setTimeout(() => {
        entry.timer = undefined
        expire()
      }, timeout),
    )
    return entry
  }
}

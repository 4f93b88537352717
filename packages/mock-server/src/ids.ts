const OBJECT_ID = /^[0-9a-f]{24}$/

/** True for a MongoDB-style ObjectId: 24 lowercase hex characters. */
export function isObjectId(value: string): boolean {
  return OBJECT_ID.test(value)
}

/** Counter state kept inside the snapshot so ids stay increasing across restores. */
export interface IdState {
  /** Highest seconds value used so far (ids never go back in time, even if the clock does). */
  lastSeconds: number
  /** Per-server increasing counter. */
  counter: number
}

/**
 * A new ObjectId: 8 hex of seconds (like MongoDB) + 16 hex of counter. Ids always grow, so
 * comparing them as strings orders items by creation, which the `before`/`after` cursors need.
 */
export function nextObjectId(state: IdState, now: Date): string {
  const seconds = Math.max(state.lastSeconds, Math.floor(now.getTime() / 1000), 0)
  state.lastSeconds = seconds
  state.counter += 1
  return (
    (seconds % 0x1_0000_0000).toString(16).padStart(8, '0') + state.counter.toString(16).padStart(16, '0')
  )
}

// Shape shared by every runner: the same three operations, each checking its own answer so that a
// client cannot look fast by doing less.

/** Connection facts a runner needs. */
export interface RunnerConfig {
  url: string
  username: string
  token: string
}

export interface Adapter {
  /** GET /people/{username}; resolves with the parsed person. */
  getPerson(): Promise<{ username: string }>
  /** POST /people/{username}/activities with the 1 KB note; resolves with the parsed 201 echo. */
  postActivity(): Promise<object>
  /** Streams the whole timeline of `username` in pages of `pageSize`, calling `onItem` per activity. */
  iterateTimeline(username: string, pageSize: number, onItem: (item: unknown) => void): Promise<void>
  close?(): Promise<void> | void
}

export type CreateAdapter = (config: RunnerConfig) => Promise<Adapter>

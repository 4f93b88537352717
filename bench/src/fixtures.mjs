// MAX-shaped payloads the loopback server answers with. Shapes follow the MAX person and activity
// resources; sizes are what the benchmark promises (~600-byte person, ~1 KB activity, 1 KB POST body).

/** Username every request case talks about (also the token owner). */
export const BENCH_USER = 'bench.user'
/** Token the server expects; a fake value, never a real credential. */
export const BENCH_TOKEN = 'bench-token-0000'
/** Scope MAX accepts. */
export const BENCH_SCOPE = 'widgetcli'
/** A second timeline owner with a short timeline, used to warm up the paging case. */
export const WARMUP_USER = 'warmup.user'
/** Activities in the warm-up timeline. */
export const WARMUP_ACTIVITIES = 1000

/**
 * MAX object id (24 hex digits) for the activity with this sequence number.
 * Larger numbers are newer, so the ids sort like MongoDB ObjectIds.
 * @param {number} index
 */
export function activityId(index) {
  return `519b${index.toString(16).padStart(20, '0')}`
}

/**
 * Sequence number of an activity id, or undefined when the text is not one of our ids.
 * @param {string} id
 * @returns {number | undefined}
 */
export function activityIndex(id) {
  if (!/^519b[0-9a-f]{20}$/.test(id)) return undefined
  return Number.parseInt(id.slice(4), 16)
}

/**
 * The person resource as its owner sees it.
 * @param {string} username
 */
export function person(username) {
  return {
    username,
    displayName: 'Benchmark User',
    objectType: 'person',
    id: '519b00000000000000000001',
    creator: 'restricted',
    owner: username,
    published: '2026-01-01T00:00:00Z',
    last_login: '2026-01-02T00:00:00Z',
    twitterUsername: 'benchuser',
    iosDevices: [],
    androidDevices: [],
    following: [{ username: 'colleague', objectType: 'person' }],
    subscribedTo: [
      {
        hash: 'e6847aed3105e85ae603c56eb2790ce85e212997',
        url: 'http://atenea.upc.edu',
        displayName: 'Atenea',
        objectType: 'context',
        permissions: ['read', 'write', 'subscribe', 'unsubscribe'],
        tags: ['Assignatura'],
        notifications: false,
      },
    ],
    talkingIn: [],
    tags: [],
  }
}

/** ~780 characters of note text, so a serialised activity is about 1 KB. */
const NOTE_TEXT =
  'Benchmark note. '.repeat(34) +
  'MAX activity streams carry notes, images and files between people and contexts.'

/**
 * One timeline activity (~1 KB serialised).
 * @param {number} index sequence number (see {@link activityId})
 * @param {string} username actor of the activity
 */
export function activity(index, username) {
  return {
    id: activityId(index),
    objectType: 'activity',
    verb: 'post',
    actor: { username, displayName: 'Benchmark User', objectType: 'person' },
    object: { objectType: 'note', content: NOTE_TEXT },
    published: '2026-01-01T00:00:00Z',
    generator: null,
    contexts: [],
    replies: [],
    likes: [],
    likesCount: 0,
    favorites: [],
    favoritesCount: 0,
    liked: false,
    favorited: false,
    deletable: true,
  }
}

/** Note text of the POST cases: the body the clients send is 1 KB of JSON. */
export const POST_CONTENT = 'Posted by the benchmark. '.repeat(38)

/** The body every POST case puts on the wire once defaults are merged and keys expanded. */
export function postBody() {
  return { object: { objectType: 'note', content: POST_CONTENT }, generator: 'maxclient-bench' }
}

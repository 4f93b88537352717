import { UsageError } from './errors.js'
import { MAX_UPLOAD_SIZE } from './limits.js'
import { joinBytes, preview } from './values.js'

/** The data of one {@link MultipartPart}: text (sent as UTF-8), bytes, a Blob/File or a web stream. */
export type MultipartData = string | Uint8Array | Blob | ReadableStream<Uint8Array>

/** One part of a {@link MultipartBody}. */
export interface MultipartPart {
  /** The form field name. */
  name: string
  /** Makes the part a file part; its `Content-Type` is then `type`, the Blob's type or `application/octet-stream`. */
  filename?: string
  /** MIME type of the part; a text part without it has no `Content-Type`, as in a browser form. */
  type?: string
  data: MultipartData
}

const BRAND = Symbol.for('@maxclient/core/MultipartBody')
const OCTET = 'application/octet-stream'
const CRLF = '\r\n'

const isBlob = (value: unknown): value is Blob => typeof Blob !== 'undefined' && value instanceof Blob
const isWebStream = (value: unknown): value is ReadableStream<Uint8Array> =>
  typeof ReadableStream !== 'undefined' && value instanceof ReadableStream

/** Whether `value` is a {@link MultipartBody} (of either the ESM or the CJS copy of this package). */
export function isMultipartBody(value: unknown): value is MultipartBody {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true
}

// RFC 7578 §4.2 / the HTML form encoding: quotes and line breaks in names are percent-encoded.
const quote = (text: string) => `"${text.replace(/[\r\n"]/g, (c) => encodeURIComponent(c))}"`

function checkPart(part: unknown, index: number): MultipartPart {
  const where = `MultipartBody part ${index}`
  if (typeof part !== 'object' || part === null) {
    throw new UsageError(`${where} must be an object { name, filename?, type?, data }`)
  }
  const { name, filename, type, data } = part as Record<string, unknown>
  if (typeof name !== 'string') throw new UsageError(`${where}: name must be a string`)
  if (filename !== undefined && typeof filename !== 'string') {
    throw new UsageError(`${where} (${preview(name)}): filename must be a string`)
  }
  if (type !== undefined && (typeof type !== 'string' || /[\r\n\0]/.test(type))) {
    throw new UsageError(
      `${where} (${preview(name)}): type must be a MIME type string without line breaks, e.g. 'image/png'`,
    )
  }
  if (typeof data !== 'string' && !(data instanceof Uint8Array) && !isBlob(data) && !isWebStream(data)) {
    throw new UsageError(
      `${where} (${preview(name)}): data must be a string, Uint8Array, Blob or ReadableStream, got ${data === null ? 'null' : typeof data}`,
    )
  }
  const checked: MultipartPart = { name, data: data as MultipartData }
  if (filename !== undefined) checked.filename = filename
  if (type !== undefined) checked.type = type
  return checked
}

function randomBoundary(): string {
  const random = new Uint8Array(16)
  crypto.getRandomValues(random)
  let hex = ''
  for (const byte of random) hex += byte.toString(16).padStart(2, '0')
  return `----maxclient${hex}`
}

/**
 * A `multipart/form-data` body (RFC 7578) whose parts may be streams, for runtimes whose `FormData`
 * takes only Blobs (Node 24). Transports send `await body.bytes()` with {@link contentType}.
 * Streams are read once: a body with stream parts can be sent only once.
 */
export class MultipartBody {
  /** `multipart/form-data; boundary=...`, the header value to send with {@link bytes}. */
  readonly contentType: string
  /** The parts, in order. */
  readonly parts: readonly MultipartPart[]
  readonly #boundary: string
  readonly #streamed: boolean
  #used = false

  /** @throws {@link UsageError} when a part is not `{ name, filename?, type?, data }` with supported data. */
  constructor(parts: readonly MultipartPart[]) {
    if (!Array.isArray(parts) || parts.length === 0) {
      throw new UsageError('MultipartBody needs a non-empty array of parts { name, filename?, type?, data }')
    }
    this.parts = Object.freeze(parts.map(checkPart))
    this.#streamed = this.parts.some((part) => isWebStream(part.data))
    // The boundary must not occur in the body: text is checked; 128 random bits make a clash with
    // binary data negligible.
    const texts = this.parts.flatMap((p) => [
      p.name,
      p.filename ?? '',
      typeof p.data === 'string' ? p.data : '',
    ])
    let boundary = randomBoundary()
    while (texts.some((text) => text.includes(boundary))) boundary = randomBoundary()
    this.#boundary = boundary
    this.contentType = `multipart/form-data; boundary=${boundary}`
    Object.defineProperty(this, BRAND, { value: true })
  }

  /**
   * The encoded body. Reads the stream parts (once), stopping at `signal`.
   * @throws {@link UsageError} on a second read of a body with stream parts, on a stream chunk that is not
   * a Uint8Array, or when the body would exceed {@link MAX_UPLOAD_SIZE}.
   */
  async bytes(options: { signal?: AbortSignal | undefined } = {}): Promise<Uint8Array<ArrayBuffer>> {
    if (this.#streamed) {
      if (this.#used) {
        throw new UsageError(
          'A multipart body with stream parts can be sent only once; pass a Blob or bytes to resend it',
        )
      }
      this.#used = true
    }
    const { signal } = options
    signal?.throwIfAborted()
    const encoder = new TextEncoder()
    const chunks: Uint8Array[] = []
    let total = 0
    const push = (chunk: Uint8Array) => {
      total += chunk.length
      if (total > MAX_UPLOAD_SIZE) throw tooLarge()
      chunks.push(chunk)
    }
    const heads = this.parts.map((part) => encoder.encode(this.#head(part)))
    // Known sizes first: a body too large is refused before any stream is read.
    let known = heads.reduce((sum, head) => sum + head.length, 0)
    for (const { data } of this.parts) {
      if (data instanceof Uint8Array) known += data.length
      else if (isBlob(data)) known += data.size
      else if (typeof data === 'string') known += data.length
    }
    if (known > MAX_UPLOAD_SIZE) throw tooLarge()
    for (const [index, part] of this.parts.entries()) {
      push(heads[index]!)
      const { data } = part
      if (typeof data === 'string') push(encoder.encode(data))
      else if (data instanceof Uint8Array) push(data)
      else if (isBlob(data)) push(new Uint8Array(await data.arrayBuffer()))
      else await readStream(data, part.name, push, signal)
      push(encoder.encode(CRLF))
    }
    push(encoder.encode(`--${this.#boundary}--${CRLF}`))
    return joinBytes(chunks, total)
  }

  #head(part: MultipartPart): string {
    let disposition = `Content-Disposition: form-data; name=${quote(part.name)}`
    let type = part.type
    if (part.filename !== undefined) {
      disposition += `; filename=${quote(part.filename)}`
      type ??= (isBlob(part.data) && part.data.type) || OCTET
    }
    const typeLine = type === undefined ? '' : `Content-Type: ${type}${CRLF}`
    return `--${this.#boundary}${CRLF}${disposition}${CRLF}${typeLine}${CRLF}`
  }
}
Object.defineProperty(MultipartBody.prototype, Symbol.toStringTag, { value: 'MultipartBody' })

function tooLarge(): UsageError {
  return new UsageError(
    `The multipart body is larger than MAX_UPLOAD_SIZE (${MAX_UPLOAD_SIZE / 1024 / 1024} MiB); upload a smaller file`,
  )
}

async function readStream(
  stream: ReadableStream<Uint8Array>,
  name: string,
  push: (chunk: Uint8Array) => void,
  signal: AbortSignal | undefined,
): Promise<void> {
  const reader = stream.getReader()
  // A pending read ends (done) when the reader is cancelled; the abort reason is thrown below.
  const onAbort = () => void reader.cancel(signal!.reason).catch(() => {})
  signal?.addEventListener('abort', onAbort, { once: true })
  try {
    for (;;) {
      const { done, value } = await reader.read()
      signal?.throwIfAborted()
      if (done) return
      if (!(value instanceof Uint8Array)) {
        throw new UsageError(
          `The stream of multipart part ${preview(name)} gave a ${value === null ? 'null' : typeof value} chunk; a stream part must give Uint8Array chunks`,
        )
      }
      push(value)
    }
  } catch (error) {
    await reader.cancel(error).catch(() => {})
    throw error
  } finally {
    signal?.removeEventListener('abort', onAbort)
    reader.releaseLock()
  }
}

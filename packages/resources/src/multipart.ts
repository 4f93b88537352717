import { isPlainObject, MultipartBody, type MultipartPart, UsageError } from '@maxclient/core'
import { assertSafeKey } from './merge.js'
import { describe } from './params.js'
import type { UploadForm } from './spec.js'

/** A byte source a Node stream or web stream can be read from, once. */
export type ByteStream = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>

/** Raw content of an upload. */
export type UploadData = Blob | Uint8Array | ArrayBuffer | string | ByteStream

/**
 * One file to upload: a Blob/File, bytes, a Node or web stream, or `{ data, name?, type? }` to name
 * the file and set its content type. The filename comes from `name`, a File's name or a file
 * stream's path (basename only); otherwise it is the part name.
 */
export type UploadInput =
  | Blob
  | Uint8Array
  | ArrayBuffer
  | ByteStream
  | { data: UploadData; name?: string; type?: string }

/** An upload with no stream in it: {@link buildMultipart} returns a `FormData` for these. */
export type BlobUploadInput =
  | Blob
  | Uint8Array
  | ArrayBuffer
  | { data: Blob | Uint8Array | ArrayBuffer | string; name?: string; type?: string }

const OCTET = 'application/octet-stream'

const isBlob = (value: unknown): value is Blob => typeof Blob !== 'undefined' && value instanceof Blob
const isWebStream = (value: unknown): value is ReadableStream<Uint8Array> =>
  typeof ReadableStream !== 'undefined' && value instanceof ReadableStream
const isAsyncIterable = (value: unknown): value is AsyncIterable<Uint8Array | string> =>
  value !== null && typeof value === 'object' && typeof (value as any)[Symbol.asyncIterator] === 'function'

function basename(path: unknown): string | undefined {
  const text =
    typeof path === 'string' ? path : path instanceof Uint8Array ? new TextDecoder().decode(path) : undefined
  if (!text) return undefined
  const name = text.split(/[\\/]/).pop()
  return name || undefined
}

const encoder = new TextEncoder()

function toWebStream(source: AsyncIterable<Uint8Array | string>): ReadableStream<Uint8Array> {
  let iterator: AsyncIterator<Uint8Array | string> | undefined
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      iterator ??= source[Symbol.asyncIterator]()
      const { done, value } = await iterator.next()
      if (done) controller.close()
      else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : value)
    },
    async cancel(reason) {
      await iterator?.return?.(reason)
    },
  })
}

/** One file part: a Blob, or a web stream when the data comes as a stream (read when sent). */
interface FilePart {
  data: Blob | ReadableStream<Uint8Array>
  filename: string
  type: string
}

function toPart(id: string, input: UploadInput): FilePart {
  let data: unknown = input
  let name: string | undefined
  let type: string | undefined
  if (isPlainObject(input) && 'data' in input) {
    data = input.data
    if (input.name !== undefined && (typeof input.name !== 'string' || input.name === '')) {
      throw new UsageError(`Upload '${id}': name must be a non-empty string, got ${describe(input.name)}`)
    }
    if (input.type !== undefined && typeof input.type !== 'string') {
      throw new UsageError(`Upload '${id}': type must be a MIME type string, got ${describe(input.type)}`)
    }
    name = basename(input.name)
    type = input.type
  }
  if (isBlob(data)) {
    const fileName =
      typeof (data as File).name === 'string' && (data as File).name ? (data as File).name : undefined
    const blob = type && type !== data.type ? new Blob([data], { type }) : data
    return { data: blob, filename: name ?? basename(fileName) ?? id, type: blob.type || OCTET }
  }
  if (data instanceof Uint8Array || data instanceof ArrayBuffer || typeof data === 'string') {
    const blob = new Blob([data as BlobPart], { type: type ?? OCTET })
    return { data: blob, filename: name ?? id, type: blob.type }
  }
  if (isWebStream(data)) {
    return { data, filename: name ?? id, type: type ?? OCTET }
  }
  if (isAsyncIterable(data)) {
    // Node fs.ReadStream carries its file path.
    const path = (data as { path?: unknown }).path
    return { data: toWebStream(data), filename: name ?? basename(path) ?? id, type: type ?? OCTET }
  }
  throw new UsageError(
    `Upload '${id}' must be a Blob/File, Uint8Array/Buffer, ArrayBuffer, a Node or web stream, or { data, name?, type? }; got ${describe(data)}`,
  )
}

/**
 * Builds the multipart form of an upload (keyed by part name, usually `file`). The default form
 * `json_data+file` carries a `json_data` field with the JSON body as text, then the file parts
 * (activities, messages). The `file` form carries one file part and nothing else, because the
 * server takes the first form field as the file (avatars); `json` must then be empty.
 *
 * The result is a `FormData` when every file is a Blob or bytes (what browsers send), and core's
 * `MultipartBody` when a file is a stream: FormData takes only real Blobs (Node 24), and a stream
 * is read once, when the request is sent.
 */
export function buildMultipart(
  json: unknown,
  files: Record<string, BlobUploadInput>,
  form?: UploadForm,
): FormData
export function buildMultipart(
  json: unknown,
  files: Record<string, UploadInput>,
  form?: UploadForm,
): FormData | MultipartBody
export function buildMultipart(
  json: unknown,
  files: Record<string, UploadInput>,
  form: UploadForm = 'json_data+file',
): FormData | MultipartBody {
  if (!isPlainObject(files) || Object.keys(files).length === 0) {
    throw new UsageError('buildMultipart needs at least one file, as { file: <Blob | bytes | stream> }')
  }
  let jsonData: string | undefined
  if (form === 'file') {
    const count = Object.keys(files).length
    if (count > 1) {
      throw new UsageError(`This upload takes exactly one file, got ${count} parts; send one`)
    }
    if (json !== undefined && !(isPlainObject(json) && Object.keys(json).length === 0)) {
      throw new UsageError('This upload takes the file alone and no JSON fields; drop the fields')
    }
  } else if (form === 'json_data+file') {
    jsonData = typeof json === 'string' ? json : JSON.stringify(json ?? {})
  } else {
    throw new UsageError(`Unknown upload form ${describe(form)}: use 'json_data+file' or 'file'`)
  }
  const parts = new Map<string, FilePart>()
  for (const id of Object.keys(files)) {
    assertSafeKey(id, 'An upload part')
    if (id === '' || id === 'json_data') {
      throw new UsageError(`'${id}' cannot name a file part; use a name like 'file'`)
    }
    parts.set(id, toPart(id, files[id]!))
  }
  if ([...parts.values()].some((part) => !isBlob(part.data))) {
    const list: MultipartPart[] = jsonData === undefined ? [] : [{ name: 'json_data', data: jsonData }]
    for (const [id, { data, filename, type }] of parts) list.push({ name: id, filename, type, data })
    return new MultipartBody(list)
  }
  const body = new FormData()
  if (jsonData !== undefined) body.append('json_data', jsonData)
  for (const [id, { data, filename }] of parts) body.append(id, data as Blob, filename)
  return body
}

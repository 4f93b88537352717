import type { Ctx, UploadedFile } from '../context.js'
import { FrameworkPage, notFound } from '../errors.js'
import type { FileRecord, ObjectRecord } from '../model.js'
import type { Store } from '../store.js'

/** Stores uploaded bytes and returns the file id (`id` reuses an activity or message id). */
export function storeUpload(store: Store, file: UploadedFile, id = store.newId()): string {
  const record: FileRecord = {
    id,
    mimetype: file.mimetype,
    base64: Buffer.from(file.bytes).toString('base64'),
  }
  if (file.filename) record.filename = file.filename
  store.files.set(id, record)
  return id
}

/**
 * A binary download. MAX answers base64 text instead when the client asks for it: images with a
 * `Content-Type: application/base64` request header, files with `X-From-Utalk: App`.
 */
export function binary(
  ctx: Ctx,
  bytes: Uint8Array,
  mimetype: string,
  options: { kind?: 'image' | 'file'; filename?: string } = {},
): Response {
  const kind = options.kind ?? 'image'
  const wantsBase64 =
    kind === 'image'
      ? (ctx.headers.get('content-type') ?? '').toLowerCase() === 'application/base64'
      : ctx.headers.get('x-from-utalk') === 'App'
  if (wantsBase64) {
    return new Response(Buffer.from(bytes).toString('base64'), {
      status: 200,
      headers: { 'content-type': 'application/base64' },
    })
  }
  const headers: Record<string, string> = {
    'content-type': mimetype,
    'content-length': String(bytes.byteLength),
  }
  if (options.filename) {
    const encoded = encodeURIComponent(options.filename)
    headers['content-disposition'] = `attachment; filename*=UTF-8''${encoded}`
  }
  return new Response(ctx.method === 'HEAD' ? null : (bytes as Uint8Array<ArrayBuffer>), {
    status: 200,
    headers,
  })
}

/**
 * The image or file attached to an activity or message. `size` is full/thumb for images
 * (anything else is 410 Gone, as MAX does); a missing stored file is 410 too.
 */
export function attachment(
  ctx: Ctx,
  object: ObjectRecord,
  kind: 'image' | 'file',
  owner: string,
  size?: string,
): Response {
  if (object.objectType !== kind) {
    // MAX fails with a 500 here; a mock should answer something a client can act on.
    throw notFound(`Object ${owner} has no ${kind} attached`)
  }
  if (size !== undefined && size !== 'full' && size !== 'thumb')
    throw new FrameworkPage(410, ctx.url.pathname)
  const file = object.fileId ? ctx.store.files.get(object.fileId) : undefined
  if (!file) throw new FrameworkPage(410, ctx.url.pathname)
  const options: { kind: 'image' | 'file'; filename?: string } = { kind }
  if (kind === 'file') options.filename = object.filename ?? file.filename ?? 'file'
  return binary(ctx, Buffer.from(file.base64, 'base64'), file.mimetype, options)
}

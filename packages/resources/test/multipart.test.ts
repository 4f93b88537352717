import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { MultipartBody, UsageError } from '@maxclient/core'
import { describe, expect, it } from 'vitest'
import { buildMultipart } from '../src/index.js'

// Serialises the body the way a transport sends it.
const wire = async (body: FormData | MultipartBody) =>
  body instanceof MultipartBody ? new TextDecoder().decode(await body.bytes()) : new Response(body).text()

describe('buildMultipart', () => {
  it('carries the JSON body in json_data and the file in its own part', async () => {
    const form = buildMultipart(
      { object: { objectType: 'file' } },
      { file: new Blob(['data'], { type: 'text/plain' }) },
    )
    expect(form.get('json_data')).toBe('{"object":{"objectType":"file"}}')
    const text = await wire(form)
    expect(text).toContain('name="file"; filename="file"')
    expect(text).toContain('Content-Type: text/plain')
    expect(text).toContain('data')
  })
  it('builds the file-only form (avatars): one file part and no json_data', async () => {
    const form = buildMultipart(
      undefined,
      { image: new File(['png'], 'me.png', { type: 'image/png' }) },
      'file',
    )
    expect([...form.keys()]).toEqual(['image'])
    const text = await wire(form)
    expect(text).not.toContain('json_data')
    expect(text).toContain('name="image"; filename="me.png"')
  })
  it('puts json_data first in the json_data+file form and refuses fields or extra files in the file form', () => {
    const form = buildMultipart({ a: 1 }, { file: new Blob(['x']) }, 'json_data+file')
    expect([...form.keys()]).toEqual(['json_data', 'file'])
    expect(() => buildMultipart({ a: 1 }, { file: new Blob(['x']) }, 'file')).toThrow(/no JSON fields/)
    expect(() => buildMultipart({}, { a: new Blob(['x']), b: new Blob(['y']) }, 'file')).toThrow(
      /exactly one file, got 2/,
    )
    expect(() => buildMultipart({}, { file: new Blob(['x']) }, 'zip' as never)).toThrow(UsageError)
  })
  it('takes the filename from a File, from { name }, or from a path basename', () => {
    const fromFile = buildMultipart({}, { file: new File(['x'], 'a.txt') })
    expect((fromFile.get('file') as File).name).toBe('a.txt')
    const named = buildMultipart(
      {},
      { file: { data: new Uint8Array([1]), name: '/home/u/doc.pdf', type: 'application/pdf' } },
    )
    expect((named.get('file') as File).name).toBe('doc.pdf')
    expect((named.get('file') as File).type).toBe('application/pdf')
  })
  it('accepts Buffers, ArrayBuffers and strings as bytes', async () => {
    const form = buildMultipart(
      {},
      { a: Buffer.from('buf'), b: new TextEncoder().encode('arr').buffer, c: { data: 'text' } },
    )
    expect(await (form.get('a') as File).text()).toBe('buf')
    expect(await (form.get('b') as File).text()).toBe('arr')
    expect(await (form.get('c') as File).text()).toBe('text')
    expect((form.get('a') as File).type).toBe('application/octet-stream')
  })
  it('streams a Node file stream, named after its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'maxres-'))
    const path = join(dir, 'report.csv')
    writeFileSync(path, 'a,b\n1,2\n')
    const text = await wire(buildMultipart({ x: 1 }, { file: createReadStream(path) }))
    expect(text).toContain('name="file"; filename="report.csv"')
    expect(text).toContain('a,b\n1,2\n')
  })
  it('streams web ReadableStreams and Node Readables', async () => {
    const web = new Blob(['web-bytes']).stream()
    expect(await wire(buildMultipart({}, { file: { data: web, name: 'w.bin' } }))).toContain('web-bytes')
    const node = Readable.from([Buffer.from('node-'), 'bytes'])
    const text = await wire(buildMultipart({}, { file: node }))
    expect(text).toContain('node-bytes')
    expect(text).toContain('filename="file"')
  })
  it('keeps FormData when no file is a stream, and sends streams in a MultipartBody in the same order', async () => {
    expect(buildMultipart({}, { file: new Blob(['x']), b: new Uint8Array([1]) })).toBeInstanceOf(FormData)
    const body = buildMultipart(
      { a: 1 },
      { first: new Blob(['blob'], { type: 'text/plain' }), second: Readable.from([Buffer.from('streamed')]) },
    )
    expect(body).toBeInstanceOf(MultipartBody)
    const parsed = await new Response(await (body as MultipartBody).bytes(), {
      headers: { 'content-type': (body as MultipartBody).contentType },
    }).formData()
    expect([...parsed.keys()]).toEqual(['json_data', 'first', 'second'])
    expect(parsed.get('json_data')).toBe('{"a":1}')
    const first = parsed.get('first') as File
    expect([first.name, first.type, await first.text()]).toEqual(['first', 'text/plain', 'blob'])
    const second = parsed.get('second') as File
    expect([second.name, second.type, await second.text()]).toEqual([
      'second',
      'application/octet-stream',
      'streamed',
    ])
  })
  it('reads a stream part once and says so when asked again', async () => {
    const form = buildMultipart({}, { file: Readable.from([Buffer.from('once')]) })
    expect(await wire(form)).toContain('once')
    await expect(wire(form)).rejects.toThrow(/can be sent only once/)
  })
  it('rejects bad input with a clear error', () => {
    expect(() => buildMultipart({}, {})).toThrow(/at least one file/)
    expect(() => buildMultipart({}, { file: 42 as never })).toThrow(/must be a Blob\/File/)
    expect(() => buildMultipart({}, { json_data: new Uint8Array() })).toThrow(UsageError)
    expect(() => buildMultipart({}, { file: { data: new Uint8Array(), name: '' } })).toThrow(
      /name must be a non-empty string/,
    )
  })
})

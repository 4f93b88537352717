import { describe, expect, it } from 'vitest'
import { buildFields, buildQueryFields, parseKeyPath, parseUpload, typedValue } from '../../src/fields.js'

const noFiles = (path: string) => {
  if (path === 'note.txt') return 'from file\n'
  throw new Error(`ENOENT ${path}`)
}

describe('api fields', () => {
  it('nests bracket keys and appends [] values, in order', () => {
    const fields = buildFields(
      [
        { text: 'object[content]=Hello', typed: false },
        { text: 'object[objectType]=note', typed: false },
        { text: 'tags[]=a', typed: false },
        { text: 'tags[]=b', typed: false },
      ],
      noFiles,
    )
    expect(fields).toEqual({ object: { content: 'Hello', objectType: 'note' }, tags: ['a', 'b'] })
  })

  it('types -F values and reads @files without the final newline', () => {
    expect(typedValue('true', noFiles)).toBe(true)
    expect(typedValue('null', noFiles)).toBe(null)
    expect(typedValue('-12.5', noFiles)).toBe(-12.5)
    expect(typedValue('012', noFiles)).toBe('012')
    expect(typedValue('@note.txt', noFiles)).toBe('from file')
    expect(() => typedValue('@missing', noFiles)).toThrow(/Cannot read missing/)
    expect(buildFields([{ text: 'n=5', typed: false }], noFiles)).toEqual({ n: '5' })
  })

  it('names the bad option and the right syntax', () => {
    expect(() => buildFields([{ text: 'novalue', typed: false }], noFiles)).toThrow(
      '-f/--raw-field expects key=value, got "novalue".',
    )
    expect(() => parseKeyPath('a[b', '-F/--field')).toThrow(/use name, name\[sub\] or name\[\]/)
    expect(() =>
      buildFields(
        [
          { text: 'a=1', typed: false },
          { text: 'a[b]=2', typed: false },
        ],
        noFiles,
      ),
    ).toThrow(/conflicts/)
  })

  it('never writes to prototypes', () => {
    expect(() => buildFields([{ text: '__proto__[x]=1', typed: false }], noFiles)).toThrow(/not allowed/)
    expect(() => buildFields([{ text: 'a[constructor]=1', typed: false }], noFiles)).toThrow(/not allowed/)
    expect(() => buildQueryFields(['__proto__=1'])).toThrow(/not allowed/)
    expect(({} as Record<string, unknown>).x).toBeUndefined()
  })

  it('collects repeated query keys into arrays', () => {
    expect(buildQueryFields(['tags=a', 'tags=b', 'limit=5'])).toEqual({ tags: ['a', 'b'], limit: '5' })
  })

  it('parses uploads with an optional field name', () => {
    expect(parseUpload('./me.png')).toEqual({ field: 'file', path: './me.png' })
    expect(parseUpload('image=/tmp/a=b.png')).toEqual({ field: 'image', path: '/tmp/a=b.png' })
    expect(() => parseUpload('image=')).toThrow(/\[field=\]path/)
  })
})

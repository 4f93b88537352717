import { UsageError } from '@maxclient/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  buildRequest,
  checkDefaultsTable,
  deepMerge,
  expandFields,
  findRoute,
  ownDefaultsTable,
  routePairs,
} from '../src/index.js'

const ATENEA = 'e6847aed3105e85ae603c56eb2790ce85e212997'

describe('buildRequest', () => {
  it('posts an activity with the note default merged under the caller fields', () => {
    expect(
      buildRequest({
        pattern: '/people/{username}/activities',
        method: 'POST',
        params: { username: ':me' },
        input: { object_content: 'Hola' },
        actor: 'messi',
      }),
    ).toEqual({
      method: 'POST',
      path: '/people/messi/activities',
      body: { object: { objectType: 'note', content: 'Hola' } },
      auth: true,
    })
  })
  it('uploads an avatar as the file alone and an activity file after json_data', () => {
    const avatar = buildRequest({
      pattern: '/people/{username}/avatar',
      method: 'POST',
      params: { username: 'messi' },
      input: { upload_file: new Blob(['png'], { type: 'image/png' }) },
    })
    expect([...(avatar.body as FormData).keys()]).toEqual(['file'])
    const post = buildRequest({
      pattern: '/people/{username}/activities',
      method: 'POST',
      params: { username: 'messi' },
      input: { object_objectType: 'image', upload_file: new Blob(['png']) },
    })
    const form = post.body as FormData
    expect([...form.keys()]).toEqual(['json_data', 'file'])
    expect(JSON.parse(form.get('json_data') as string)).toEqual({ object: { objectType: 'image' } })
    expect(() =>
      buildRequest({
        pattern: '/people/{username}/avatar',
        method: 'POST',
        params: { username: 'messi' },
        input: { displayName: 'x', upload_file: new Blob(['png']) },
      }),
    ).toThrow(/uploads the file alone .* got 'displayName'/)
  })
  it('expands and checks body fields given apart from the input, where reserved names are plain fields', () => {
    const built = buildRequest({
      pattern: '/people',
      method: 'POST',
      params: {},
      input: { qs: { notifications: false } },
      fields: { username: 'messi', qs: 'a field', 'data.x': 1 },
      expandUnderscores: false,
    })
    expect(built.query).toEqual({ notifications: false })
    expect(built.body).toEqual({ username: 'messi', qs: 'a field', data: { x: 1 } })
    expect(() =>
      buildRequest({
        pattern: '/people',
        method: 'POST',
        params: {},
        fields: { object: { content: 'a' }, 'object.content': 'b' },
      }),
    ).toThrow(/Fields 'object' and 'object.content' conflict/)
    // Several sets merge their objects; a leaf two sets both set is a conflict.
    const merged = buildRequest({
      pattern: '/people/{username}/activities',
      method: 'POST',
      params: { username: 'messi' },
      fields: [{ object: { content: 'a' } }, { object_keywords: ['k'] }],
    })
    expect(merged.body).toEqual({ object: { objectType: 'note', content: 'a', keywords: ['k'] } })
    expect(() =>
      buildRequest({ pattern: '/people', method: 'POST', params: {}, input: { a: 1 }, fields: { a: 2 } }),
    ).toThrow(/'a' is set twice/)
    expect(() =>
      buildRequest({
        pattern: '/people',
        method: 'POST',
        params: {},
        fields: [{ object: { content: 'a' } }, { 'object.content': 'b' }],
      }),
    ).toThrow(/Fields conflict: 'object.content' is set twice/)
  })
  it('lets caller fields override defaults, and per-client defaults replace built-in ones', () => {
    const image = buildRequest({
      pattern: '/contexts/{hash}/activities',
      method: 'POST',
      params: { hash: 'http://atenea.upc.edu' },
      input: { 'object.objectType': 'image' },
    })
    expect(image.path).toBe(`/contexts/${ATENEA}/activities`)
    expect(image.body).toEqual({ object: { objectType: 'image' } })

    const defaults = { 'POST /contexts': { objectType: 'context', permissions: { read: 'public' } } }
    const context = buildRequest({
      // A route, as rest and rpc pass it: the planned path applies.
      route: findRoute('/contexts')!,
      method: 'POST',
      params: {},
      input: { url: 'http://x', permissions_write: 'restricted' },
      defaults,
    })
    expect(context.body).toEqual({
      url: 'http://x',
      objectType: 'context',
      permissions: { read: 'public', write: 'restricted' },
    })
    expect(defaults['POST /contexts']).toEqual({ objectType: 'context', permissions: { read: 'public' } })
  })
  it('honours expandUnderscores: false', () => {
    const { body } = buildRequest({
      pattern: '/people/{username}',
      method: 'PUT',
      params: { username: 'x' },
      input: { twitter_username: 'x', 'a.b': 1 },
      expandUnderscores: false,
    })
    expect(body).toEqual({ twitter_username: 'x', a: { b: 1 } })
  })
  it('sends data as given, without defaults; mixing it with fields is an error', () => {
    const tags = ['a', 'b']
    expect(
      buildRequest({
        pattern: '/contexts/{hash}/tags',
        method: 'PUT',
        params: { hash: ATENEA },
        input: { data: tags },
      }).body,
    ).toBe(tags)
    expect(
      buildRequest({
        pattern: '/people/{username}/activities',
        method: 'POST',
        params: { username: 'x' },
        input: { data: 'raw' },
      }).body,
    ).toBe('raw')
    expect(() =>
      buildRequest({
        pattern: '/people/{username}/activities',
        method: 'POST',
        params: { username: 'x' },
        input: { data: {}, object_content: 'y' },
      }),
    ).toThrow(/'data' is the whole body and cannot be mixed with other fields \('object_content'\)/)
  })
  it('builds the query from qs, and sends no body on GET and HEAD', () => {
    const get = buildRequest({
      pattern: '/people/{username}/timeline',
      method: 'GET',
      params: { username: 'x' },
      input: { qs: { limit: 5, hashtag: ['a', 'b'] } },
    })
    expect(get).toEqual({
      method: 'GET',
      path: '/people/x/timeline',
      query: { limit: 5, hashtag: ['a', 'b'] },
      auth: true,
    })
    expect(buildRequest({ pattern: '/activities', method: 'HEAD', params: {} })).toEqual({
      method: 'HEAD',
      path: '/activities',
      auth: true,
    })
    expect(() =>
      buildRequest({ pattern: '/activities', method: 'GET', params: {}, input: { limit: 5 } as never }),
    ).toThrow(/GET \/activities sends no body, but got 'limit'; pass query parameters as \{ qs/)
  })
  it('sends an empty object for body-less POST/PUT/DELETE, like the Python client', () => {
    expect(
      buildRequest({ pattern: '/activities/{activity}/likes', method: 'POST', params: { activity: 'a' } })
        .body,
    ).toEqual({})
    expect(
      buildRequest({ pattern: '/people/{username}', method: 'DELETE', params: { username: 'x' } }).body,
    ).toEqual({})
  })
  it('marks Anonymous routes auth: false', () => {
    expect(buildRequest({ pattern: '/info', method: 'GET', params: {} }).auth).toBe(false)
    expect(buildRequest({ pattern: '/info/api', method: 'GET', params: {} }).auth).toBe(false)
    expect(buildRequest({ pattern: '/info/settings', method: 'GET', params: {} }).auth).toBe(true)
  })
  it('builds deprecated request forms for older servers', () => {
    const old = buildRequest({
      pattern: '/people/{username}/subscriptions',
      method: 'POST',
      params: { username: 'messi' },
      input: { object_url: 'http://atenea.upc.edu' },
    })
    expect(old.body).toEqual({ object: { objectType: 'context', url: 'http://atenea.upc.edu' } })
    expect(
      buildRequest({
        pattern: '/people/{username}/subscriptions/{hash}',
        method: 'DELETE',
        params: { username: 'messi', hash: 'http://atenea.upc.edu' },
      }).path,
    ).toBe(`/people/messi/subscriptions/${ATENEA}`)
  })
  it('names what is wrong with the route, method or parameters', () => {
    expect(() => buildRequest({ pattern: '/people/{user}', method: 'GET', params: {} })).toThrow(
      /Unknown route pattern/,
    )
    expect(() => buildRequest({ pattern: '/people', method: 'DELETE', params: {} })).toThrow(
      '/people does not answer DELETE; it answers GET, POST, HEAD',
    )
    expect(() => buildRequest({ pattern: '/people', method: 'PATCH' as never, params: {} })).toThrow(
      /Unknown HTTP method/,
    )
    expect(() => buildRequest({ pattern: '/people/{username}', method: 'GET', params: {} })).toThrow(
      UsageError,
    )
    expect(() =>
      buildRequest({
        pattern: '/people/{username}',
        method: 'GET',
        params: { username: 'x' },
        input: 'x' as never,
      }),
    ).toThrow(/takes an object of fields/)
  })
  it('checks per-client defaults tables', () => {
    expect(() => checkDefaultsTable({ 'POST /contextz': {} })).toThrow(/names no route method/)
    expect(() => checkDefaultsTable({ '/contexts': {} })).toThrow(/names no route method/)
    expect(() => checkDefaultsTable({ 'GET /contexts': 'x' as never })).toThrow(/plain object/)
    expect(() => checkDefaultsTable({ 'POST /contexts': { objectType: 'context' } })).not.toThrow()
  })

  it('gives clients an owned copy of their defaults table', () => {
    const mine = { 'POST /contexts': { objectType: 'context', permissions: { read: 'public' } } }
    const owned = ownDefaultsTable(mine)
    mine['POST /contexts'].permissions.read = 'restricted'
    ;(mine as Record<string, unknown>)['POST /contextz'] = {}
    expect(owned).toEqual({ 'POST /contexts': { objectType: 'context', permissions: { read: 'public' } } })
    expect(() => ownDefaultsTable({ 'POST /contextz': {} })).toThrow(/names no route method/)
  })
})

describe('buildRequest uploads', () => {
  it('turns upload_file into a multipart form with json_data', async () => {
    const request = buildRequest({
      pattern: '/conversations/{id}/messages',
      method: 'POST',
      params: { id: '519b00000000000000000000' },
      input: {
        object_objectType: 'image',
        upload_file: new File(['PNG'], 'photo.png', { type: 'image/png' }),
      },
    })
    const form = request.body as FormData
    expect(form).toBeInstanceOf(FormData)
    expect(JSON.parse(form.get('json_data') as string)).toEqual({ object: { objectType: 'image' } })
    const file = form.get('file') as File
    expect(file.name).toBe('photo.png')
    expect(file.type).toBe('image/png')
    expect(await file.text()).toBe('PNG')
  })
  it('names extra parts from upload_file_<id>', () => {
    const form = buildRequest({
      pattern: '/people/{username}/avatar',
      method: 'POST',
      params: { username: 'x' },
      input: { upload_file_image: new Uint8Array([1, 2]) },
    }).body as FormData
    expect((form.get('image') as File).name).toBe('image')
  })
  it('rejects uploads on GET/HEAD and on routes that take none', () => {
    const file = new Uint8Array([1])
    expect(() =>
      buildRequest({ pattern: '/activities', method: 'GET', params: {}, input: { upload_file: file } }),
    ).toThrow(/GET requests cannot upload files/)
    expect(() =>
      buildRequest({ pattern: '/activities', method: 'HEAD', params: {}, input: { upload_file: file } }),
    ).toThrow(/HEAD requests cannot upload files/)
    expect(() =>
      buildRequest({ pattern: '/contexts', method: 'POST', params: {}, input: { upload_file: file } }),
    ).toThrow('POST /contexts does not accept file uploads')
    expect(() =>
      buildRequest({
        pattern: '/people/{username}/avatar',
        method: 'POST',
        params: { username: 'x' },
        input: { upload_file_: file },
      }),
    ).toThrow(/needs a part name/)
    expect(() =>
      buildRequest({
        pattern: '/people/{username}/avatar',
        method: 'POST',
        params: { username: 'x' },
        input: { upload_file___proto__: file },
      }),
    ).toThrow(/__proto__/)
  })
})

describe('buildRequest invariants', () => {
  it("resolves ':me' in every {username} segment of the catalog", () => {
    for (const { route, method } of routePairs({ deprecated: true })) {
      if (!route.params.includes('username')) continue
      const params = Object.fromEntries(route.params.map((p) => [p, p === 'username' ? ':me' : 'v']))
      const { path } = buildRequest({ pattern: route.pattern, method, params, actor: 'Joan Pérez' })
      expect(path, route.pattern).toContain('/Joan%20P%C3%A9rez')
      expect(path).not.toContain(':me')
    }
  })
  it('builds a request for every route–method pair of the catalog', () => {
    for (const { route, method } of routePairs({ deprecated: true })) {
      const params = Object.fromEntries(route.params.map((p) => [p, `x/${p}`]))
      const built = buildRequest({ pattern: route.pattern, method, params })
      expect(built.method).toBe(method)
      expect(built.path.split('/')).toHaveLength(route.pattern.split('/').length)
      expect(built.auth).toBe(route.methods[method]!.permission !== 'Anonymous')
      expect(built.body === undefined).toBe(method === 'GET')
    }
  })
  it('never mutates the caller input or the defaults table (property)', () => {
    const defaults = {
      'POST /conversations': { object: { objectType: 'note' }, contexts: [{ objectType: 'conversation' }] },
    }
    const frozenDefaults = JSON.stringify(defaults)
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('object_content', 'object', 'contexts', 'x_y', 'x'),
          fc.jsonValue({ maxDepth: 2 }),
          {
            maxKeys: 4,
          },
        ),
        (input) => {
          const before = JSON.stringify(input)
          try {
            const { body } = buildRequest({
              pattern: '/conversations',
              method: 'POST',
              params: {},
              input,
              defaults,
            })
            // Scribble over the result: neither the input nor the defaults may change.
            const scrub = (v: unknown): void => {
              if (v && typeof v === 'object')
                for (const k of Object.keys(v)) (v as any)[k] = scrub((v as any)[k])
            }
            scrub(body)
          } catch (error) {
            expect(error).toBeInstanceOf(UsageError)
          }
          expect(JSON.stringify(input)).toBe(before)
          expect(JSON.stringify(defaults)).toBe(frozenDefaults)
        },
      ),
    )
  })
})

describe('bodies of plain field values (the cached plan)', () => {
  const post = (input: Record<string, unknown>, defaults?: Record<string, Record<string, unknown>>) =>
    buildRequest({
      // A route, as rest and rpc pass it: the planned path applies.
      route: findRoute('/contexts')!,
      method: 'POST',
      params: {},
      input,
      ...(defaults === undefined ? {} : { defaults }),
    })
  const outcome = (input: Record<string, unknown>, defaults?: Record<string, Record<string, unknown>>) => {
    try {
      return { body: JSON.stringify(post(input, defaults).body) }
    } catch (error) {
      return { error: (error as Error).message }
    }
  }

  // Body fields passed as rpc passes them (no underscore expansion): what buildRequest builds, and
  // the oracle, the general expansion merged over the route's built-in default.
  const buildFields = (fields: Record<string, unknown>) => {
    try {
      const request = buildRequest({
        route: findRoute('/contexts')!,
        method: 'POST',
        params: {},
        fields,
        expandUnderscores: false,
      })
      return { body: JSON.stringify(request.body) }
    } catch (error) {
      return { error: (error as Error).message }
    }
  }
  const expandedFields = (fields: Record<string, unknown>) => {
    try {
      const expanded = expandFields(fields, { expandUnderscores: false })
      return { body: JSON.stringify(deepMerge({ objectType: 'context' }, expanded)) }
    } catch (error) {
      return { error: (error as Error).message }
    }
  }

  it('builds exactly what the general expansion builds, key order included, on every later call', () => {
    const name = fc
      .array(fc.constantFrom('a', 'b', 'object', 'content', 'objectType', 'x'), {
        minLength: 1,
        maxLength: 3,
      })
      .chain((parts) => fc.constantFrom(parts.join('_'), parts.join('.')))
    const plain = fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean(), fc.constant(null))
    // Objects one level deep (as rpc passes `object`), empty ones and undefined members included.
    const value = fc.oneof(
      plain,
      plain,
      fc.dictionary(
        fc.constantFrom('objectType', 'content', 'a', 'x'),
        fc.option(plain, { nil: undefined }),
        {
          maxKeys: 3,
        },
      ),
    )
    const defaults = fc.constantFrom<Record<string, unknown> | undefined>(
      undefined,
      { objectType: 'context' },
      { object: { objectType: 'note' }, x: [1] },
      { a: 'text' },
    )
    fc.assert(
      fc.property(fc.dictionary(name, value, { maxKeys: 4 }), defaults, (input, base) => {
        const table = base === undefined ? undefined : { 'POST /contexts': base }
        const first = outcome(input, table)
        // Same names, other values: the plan (when there is one) must place them the same way.
        const second = outcome(input, table)
        expect(second).toEqual(first)
        // The oracle: the general expansion merged over the defaults, as documented.
        let expected: { body: string } | { error: string }
        try {
          // Without a table, the built-in default of POST /contexts applies.
          expected = {
            body: JSON.stringify(deepMerge(base ?? { objectType: 'context' }, expandFields(input))),
          }
        } catch (error) {
          expected = { error: (error as Error).message }
        }
        if ('body' in expected && 'body' in first) expect(first).toEqual(expected)
        else expect('error' in first).toBe('error' in expected)
      }),
      { numRuns: 300 },
    )
  })

  it('does the same for body fields passed as rpc does (no underscore expansion)', () => {
    const plain = fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null))
    const value = fc.oneof(
      plain,
      fc.dictionary(fc.constantFrom('objectType', 'content'), plain, { maxKeys: 2 }),
    )
    const name = fc.constantFrom('object', 'object_content', 'object.content', 'generator', 'objectType')
    fc.assert(
      fc.property(fc.dictionary(name, value, { maxKeys: 3 }), (fields) => {
        const first = buildFields(fields)
        expect(buildFields(fields)).toEqual(first)
        expect(first).toEqual(expandedFields(fields))
      }),
      { numRuns: 300 },
    )
  })

  it('never builds a field set from the plan of another whose names join to the same text', () => {
    const put = (fields: Record<string, unknown>) =>
      buildRequest({
        route: findRoute('/people/{username}')!,
        method: 'PUT',
        params: { username: 'bob' },
        fields,
        expandUnderscores: false,
      }).body
    // Each first set records a plan; the second's names, joined with any separator, spell the same.
    expect(put({ displayName: 'A', twitterUsername: 'B' })).toEqual({
      displayName: 'A',
      twitterUsername: 'B',
    })
    expect(put({ 'displayName\u0000twitterUsername': 'C' })).toEqual({
      'displayName\u0000twitterUsername': 'C',
    })
    expect(put({ object: { a: 'x' } })).toEqual({ object: { a: 'x' } })
    expect(put({ 'object\u0001a': 'y' })).toEqual({ 'object\u0001a': 'y' })
    expect(put({ a: 'x', b: { c: 'y' } })).toEqual({ a: 'x', b: { c: 'y' } })
    expect(put({ a: { b: 'x', c: 'y' } })).toEqual({ a: { b: 'x', c: 'y' } })
  })

  it('builds what the general path builds for any field names, separators and control characters included', () => {
    // Few letters, so that names joined with the plan key's old separators often spell each other.
    const name = fc.string({
      unit: fc.constantFrom('a', 'b', '\u0000', '\u0001', '.'),
      minLength: 1,
      maxLength: 3,
    })
    const plain = fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null))
    const value = fc.oneof(plain, fc.dictionary(name, plain, { maxKeys: 2 }))
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(name, value, { maxKeys: 3 }), { minLength: 1, maxLength: 4 }),
        (sets) => {
          for (const fields of sets) expect(buildFields(fields)).toEqual(expandedFields(fields))
        },
      ),
      { numRuns: 500 },
    )
  })

  it('plans the JSON body of an upload route, and still sends files as multipart', () => {
    const route = findRoute('/people/{username}/activities')!
    const build = (input: Record<string, unknown>) =>
      buildRequest({ route, method: 'POST', params: { username: 'alice' }, input })
    const expected = { object: { objectType: 'note', content: 'hi' }, generator: 'g' }
    expect(build({ object_content: 'hi', generator: 'g' }).body).toEqual(expected)
    expect(build({ object_content: 'hi', generator: 'g' }).body).toEqual(expected)
    const withFile = build({ object_content: 'hi', generator: 'g', upload_file: new Blob(['x']) })
    expect(withFile.body).toBeInstanceOf(FormData)
  })

  it('still rejects what the general path rejects once a plan exists for the names', () => {
    expect(post({ displayName: 'A', url: 'http://x' }).body).toMatchObject({ displayName: 'A' })
    expect(() => post({ displayName: Number.NaN, url: 'http://x' })).toThrow(UsageError)
    expect(() => post({ displayName: new Date(0), url: 'http://x' })).toThrow(/toISOString/)
  })
})

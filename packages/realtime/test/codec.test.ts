import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ACTION_CODES,
  type Envelope,
  OBJECT_CODES,
  pack,
  SOURCE_CODES,
  toEvent,
  unpack,
} from '../src/index.js'

// The five examples of realtime.json, copied here (the reference folder is not read at test time).
const examples = JSON.parse(
  readFileSync(new URL('./fixtures/examples.json', import.meta.url), 'utf8'),
) as Array<{
  id: string
  routingKey: string
  exchange: string
  packed: Record<string, unknown>
  unpacked: Envelope
}>

describe('envelope codec', () => {
  it('has the five reference examples', () => expect(examples).toHaveLength(5))

  for (const example of examples) {
    it(`unpacks and packs ${example.id} as MAX's reference does`, () => {
      expect(unpack(example.packed)).toEqual(example.unpacked)
      expect(pack(example.unpacked)).toEqual(example.packed)
    })
  }

  it('types the examples from their envelope and routing key', () => {
    const types = examples.map((e) => toEvent(unpack(e.packed), e.exchange, e.routingKey).type)
    expect(types).toEqual(['message', 'ack', 'conversation', 'activity', 'comment'])
    const comment = toEvent(unpack(examples[4]!.packed), 'activity', examples[4]!.routingKey)
    expect(comment).toMatchObject({
      commentId: '65bb7fb53a1c2d0012ab3512',
      activityId: '65bb7e603a1c2d0012ab3500',
    })
  })

  it('passes unknown codes and keys through instead of dropping them', () => {
    const envelope = unpack({ a: 'z', o: 'q', s: 'test', x: 1, u: { u: 'ann', e: 'ann@example.com' } })
    expect(envelope).toEqual({
      action: 'z',
      object: 'q',
      source: 'test',
      x: 1,
      user: { username: 'ann', e: 'ann@example.com' },
    })
    expect(toEvent(envelope, 'conversations', 'abc.notifications').type).toBe('unknown')
  })

  it('reads the older comment letter t as a comment unless it is a tweet', () => {
    expect(unpack({ o: 't', d: { text: 'x' } }).object).toBe('comment')
    expect(unpack({ o: 't', s: 't', d: { stid: 1 } }).object).toBe('tweet')
  })

  it('never lets a wire key reach the object prototype', () => {
    const envelope = unpack(JSON.parse('{"__proto__": {"polluted": true}, "u": {"__proto__": {"p": 1}}}'))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.hasOwn(envelope, '__proto__')).toBe(true)
  })

  const text = fc.string({ maxLength: 20 })
  const known = (table: Record<string, string>) => fc.constantFrom(...Object.keys(table))
  const envelope = fc
    .record(
      {
        action: known(ACTION_CODES),
        object: known(OBJECT_CODES).filter((o) => o !== 'comment' && o !== 'activity' && o !== 'tweet'),
        source: known(SOURCE_CODES),
        data: fc.dictionary(
          text.filter((k) => !['commentid', 'stid', 'author'].includes(k)),
          text,
        ),
        user: fc.record({ username: text, displayname: text }, { requiredKeys: [] }),
        uuid: fc.uuid(),
        published: text,
        domain: text,
        version: fc.jsonValue(),
        destination: text,
      },
      { requiredKeys: [] },
    )
    .map((e) => e as Envelope)

  it('round-trips any long-form message through pack and unpack', () => {
    fc.assert(
      fc.property(envelope, (e) => {
        expect(unpack(pack(e))).toEqual(e)
      }),
    )
  })

  it('round-trips activities, comments and tweets told apart by their data', () => {
    const shaped = fc.oneof(
      fc.record({ object: fc.constant('activity'), data: fc.record({ activityid: text }) }),
      fc.record({ object: fc.constant('comment'), data: fc.record({ activityid: text, commentid: text }) }),
      fc.record({ object: fc.constant('tweet'), data: fc.record({ stid: fc.integer(), author: text }) }),
    )
    fc.assert(
      fc.property(shaped, (e) => {
        expect(unpack(pack(e as Envelope))).toEqual(e)
      }),
    )
  })

  it('round-trips any packed message with known letters through unpack and pack', () => {
    const packed = fc.record(
      {
        a: fc.constantFrom(...Object.values(ACTION_CODES), 'z'),
        o: fc.constantFrom('m', 'c', 'x', 'a', 'q'),
        s: fc.constantFrom(...Object.values(SOURCE_CODES), 'y'),
        d: fc.dictionary(text, text),
        g: text,
        u: fc.record({ u: text, d: text }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(packed, (p) => {
        expect(pack(unpack(p))).toEqual(p)
      }),
    )
  })
})

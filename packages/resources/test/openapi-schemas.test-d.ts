import { test } from 'vitest'
import { object, optional } from '../src/openapi-schemas.js'

interface Model {
  name: string
  size?: number
}

test('object<T>() demands every key of the interface, with optional() on exactly its optional ones', () => {
  object<Model>()('right', { name: { type: 'string' }, size: optional({ type: 'integer' }) })
  // @ts-expect-error a property of the interface is missing
  object<Model>()('missing', { name: { type: 'string' } })
  // @ts-expect-error a required property is marked optional
  object<Model>()('required as optional', { name: optional({ type: 'string' }), size: optional({}) })
  // @ts-expect-error an optional property is not marked optional
  object<Model>()('optional as required', { name: { type: 'string' }, size: { type: 'integer' } })
  // @ts-expect-error a property the interface does not have
  object<Model>()('extra', { name: { type: 'string' }, size: optional({}), colour: { type: 'string' } })
})

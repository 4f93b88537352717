// Bodies made of plain field values (strings, finite numbers, booleans, null, or objects of those
// one level deep, as rpc passes `object`), the common case, are built from a plan cached per shape
// (field names, and the keys of object values): the paths in the order the general expansion
// (`expandFields` + merge over the defaults) would write them. The first call with a shape runs
// the general path (which checks names and conflicts) and records the plan; later calls only place
// the values. Anything else (arrays, deeper objects, empty objects) always takes the general path.
import { isPlainObject } from '@maxclient/core'
import { splitField } from './expand.js'

interface BodyPlan {
  /** The field each value comes from, in the order values are written (fields sorted, as `expandFields` does). */
  readonly names: readonly string[]
  /** The key inside the field's object value, or `undefined` for a plain value. */
  readonly keys: readonly (string | undefined)[]
  /** Where each value lands: the field split on `.` (and `_` when expanding underscores), then the key. */
  readonly paths: readonly (readonly string[])[]
}

/** Plans are few (one per call site's field set); the cap only stops unbounded growth. */
const MAX_PLANS = 512
const plans = new Map<string, BodyPlan>()

function isPlainValue(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      return Number.isFinite(value)
    default:
      return value === null
  }
}

/**
 * The cache key of a field set whose defined values are all plain, or `undefined` when one is
 * not (an object, an array, or a value the general path must reject).
 */
export function planKey(fields: Record<string, unknown>, underscores: boolean): string | undefined {
  let key = underscores ? '_' : '.'
  for (const name of Object.keys(fields)) {
    const value = fields[name]
    if (value === undefined) continue
    key += `\u0000${name}`
    if (isPlainValue(value)) continue
    // Object values (rpc's `object`) are read apart: the common plain field stays short to run.
    const inner = objectKey(value)
    if (inner === undefined) return undefined
    key += inner
  }
  return key
}

/** The key part of an object value of plain values, or `undefined` for anything else. */
function objectKey(value: unknown): string | undefined {
  if (!isPlainObject(value)) return undefined
  let key = ''
  for (const inner of Object.keys(value)) {
    const item = value[inner]
    if (item === undefined) continue
    if (!isPlainValue(item)) return undefined
    key += `\u0001${inner}`
  }
  return key === '' ? undefined : key
}

/** The plan of `key`, once {@link rememberPlan} recorded it. */
export function findPlan(key: string): BodyPlan | undefined {
  return plans.get(key)
}

/** Records the plan of a field set the general path has just expanded without error. */
export function rememberPlan(key: string, fields: Record<string, unknown>, underscores: boolean): void {
  const names: string[] = []
  const keys: (string | undefined)[] = []
  const paths: string[][] = []
  const sorted = Object.keys(fields)
    .filter((name) => fields[name] !== undefined)
    .sort()
  for (const name of sorted) {
    const value = fields[name]
    const path = splitField(name, underscores)
    if (!isPlainObject(value)) {
      names.push(name)
      keys.push(undefined)
      paths.push(path)
      continue
    }
    for (const inner of Object.keys(value)) {
      if (value[inner] === undefined) continue
      names.push(name)
      keys.push(inner)
      paths.push([...path, inner])
    }
  }
  if (plans.size >= MAX_PLANS) plans.clear()
  plans.set(key, { names, keys, paths })
}

/**
 * Places the values of `fields` into `target` (a fresh copy of the defaults, or `{}`) as merging
 * their expansion over it would: plain objects on the way are entered, anything else replaced.
 */
export function applyPlan(
  plan: BodyPlan,
  fields: Record<string, unknown>,
  target: Record<string, unknown>,
): Record<string, unknown> {
  const { names, keys, paths } = plan
  for (let i = 0; i < names.length; i++) {
    const path = paths[i]!
    let node = target
    const last = path.length - 1
    for (let j = 0; j < last; j++) {
      const part = path[j]!
      const next = node[part]
      if (isPlainObject(next) && Object.hasOwn(node, part)) node = next
      else {
        const created: Record<string, unknown> = {}
        node[part] = created
        node = created
      }
    }
    const value = fields[names[i]!]
    const inner = keys[i]
    node[path[last]!] = inner === undefined ? value : (value as Record<string, unknown>)[inner]
  }
  return target
}

// Bodies made of plain field values (strings, finite numbers, booleans, null, or objects of those
// one level deep, as rpc passes `object`), the common case, are built from a plan cached per shape
// (field names, and the keys of object values): where each value lands, in the order the general
// expansion (`expandFields` + merge over the defaults) would write it. The first call with a shape
// runs the general path (which checks names and conflicts) and records the plan; later calls only
// place the values. Anything else (arrays, deeper objects, empty objects) always takes the general
// path.
//
// Shapes are looked up in a tree of Maps, one step per name, rather than by a key string joined
// from the names: a joined key costs a concatenation per name and a hash of the whole string on
// every call, and a name containing the separator could spell another shape's key (and be built
// from that shape's plan, losing its value).
import { isPlainObject } from '@maxclient/core'
import { splitField } from './expand.js'

interface BodyPlan {
  /** For each value written, in write order: its index among the values in walk order (see `findPlan`). */
  readonly slots: readonly number[]
  /** Where each value lands: the field split on `.` (and `_` when expanding underscores), then the key. */
  readonly paths: readonly (readonly string[])[]
}

/** One step of the shape tree: the plan of the shape that ends here, and the steps after it. */
interface ShapeNode {
  plan: BodyPlan | undefined
  readonly next: Map<string | symbol, ShapeNode>
}

// An object value's keys sit between these steps, so `{ a: { b, c } }` and `{ a, b: { c } }` differ.
const OPEN = Symbol('object value')
const CLOSE = Symbol('end of object value')

/** Plans are few (one per call site's field set); the caps only stop unbounded growth. */
const MAX_PLANS = 512
/** Larger field sets are not the common call, and would make the tree large: they are not planned. */
const MAX_STEPS = 64

const newNode = (): ShapeNode => ({ plan: undefined, next: new Map() })
let dotted = newNode()
let underscored = newNode()
let planCount = 0

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
 * The plan of a field set whose shape was built before, with its values pushed onto `values` in
 * walk order (fields in property order, an object value's keys in theirs; `undefined` skipped).
 * `undefined` when the shape is new or holds a value that is not plain.
 */
export function findPlan(
  fields: Record<string, unknown>,
  underscores: boolean,
  values: unknown[],
): BodyPlan | undefined {
  let node: ShapeNode | undefined = underscores ? underscored : dotted
  for (const name of Object.keys(fields)) {
    const value = fields[name]
    if (value === undefined) continue
    node = node.next.get(name)
    if (node === undefined) return undefined
    if (isPlainValue(value)) {
      values.push(value)
      continue
    }
    // Object values (rpc's `object`) are read apart: the common plain field stays short to run.
    node = findObject(node, value, values)
    if (node === undefined) return undefined
  }
  return node.plan
}

/** The node after an object value's keys, or `undefined` (new shape, not a plain object, empty). */
function findObject(node: ShapeNode, value: unknown, values: unknown[]): ShapeNode | undefined {
  if (!isPlainObject(value)) return undefined
  let at = node.next.get(OPEN)
  const before = values.length
  for (const key of Object.keys(value)) {
    if (at === undefined) return undefined
    const item = value[key]
    if (item === undefined) continue
    if (!isPlainValue(item)) return undefined
    at = at.next.get(key)
    values.push(item)
  }
  return at === undefined || values.length === before ? undefined : at.next.get(CLOSE)
}

/** One value of a field set, as the walk meets it: its field, and its key in an object value. */
interface Entry {
  readonly name: string
  readonly key: string | undefined
}

/**
 * The steps of a field set's shape and the values it holds, in walk order; `undefined` when it
 * holds a value that is not plain or an empty object, or is too large to plan.
 */
function shapeOf(
  fields: Record<string, unknown>,
): { steps: (string | symbol)[]; entries: Entry[] } | undefined {
  const steps: (string | symbol)[] = []
  const entries: Entry[] = []
  for (const name of Object.keys(fields)) {
    const value = fields[name]
    if (value === undefined) continue
    steps.push(name)
    if (isPlainValue(value)) {
      entries.push({ name, key: undefined })
      continue
    }
    if (!isPlainObject(value)) return undefined
    steps.push(OPEN)
    const before = entries.length
    for (const key of Object.keys(value)) {
      const item = value[key]
      if (item === undefined) continue
      if (!isPlainValue(item)) return undefined
      steps.push(key)
      entries.push({ name, key })
    }
    if (entries.length === before) return undefined
    steps.push(CLOSE)
  }
  return steps.length > MAX_STEPS ? undefined : { steps, entries }
}

/**
 * Records the plan of a field set the general path has just expanded without error (nothing when
 * its shape cannot be planned).
 */
export function rememberPlan(fields: Record<string, unknown>, underscores: boolean): void {
  const shape = shapeOf(fields)
  if (shape === undefined) return
  if (planCount >= MAX_PLANS) {
    dotted = newNode()
    underscored = newNode()
    planCount = 0
  }
  let node = underscores ? underscored : dotted
  for (const step of shape.steps) {
    let next = node.next.get(step)
    if (next === undefined) {
      next = newNode()
      node.next.set(step, next)
    }
    node = next
  }
  if (node.plan !== undefined) return
  // Fields sorted by name, as `expandFields` writes them; an object value's keys in their order
  // (the sort is stable).
  const order = shape.entries.map((entry, slot) => ({ entry, slot }))
  order.sort((a, b) => (a.entry.name < b.entry.name ? -1 : a.entry.name > b.entry.name ? 1 : 0))
  const paths = order.map(({ entry }) => {
    const path = splitField(entry.name, underscores)
    return entry.key === undefined ? path : [...path, entry.key]
  })
  node.plan = { slots: order.map(({ slot }) => slot), paths }
  planCount++
}

/**
 * Places `values` (as {@link findPlan} collected them) into `target` (a fresh copy of the
 * defaults, or `{}`) as merging their expansion over it would: plain objects on the way are
 * entered, anything else replaced.
 */
export function applyPlan(
  plan: BodyPlan,
  values: readonly unknown[],
  target: Record<string, unknown>,
): Record<string, unknown> {
  const { slots, paths } = plan
  for (let i = 0; i < slots.length; i++) {
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
    node[path[last]!] = values[slots[i]!]
  }
  return target
}

// Bodies made of plain field values (strings, finite numbers, booleans, null), the common case, are
// built from a plan cached per field-name set: the split paths in the order the general expansion
// (`expandFields` + merge over the defaults) would write them. The first call with a name set runs
// the general path (which checks names and conflicts) and records the plan; later calls only place
// the values. Values that are objects or arrays always take the general path.
import { isPlainObject } from '@maxclient/core'
import { splitField } from './expand.js'

interface BodyPlan {
  /** Field names in the order they are written (sorted, as `expandFields` does). */
  readonly names: readonly string[]
  /** Where each field lands, split on `.` (and `_` when expanding underscores). */
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
    if (!isPlainValue(value)) return undefined
    key += `\u0000${name}`
  }
  return key
}

/** The plan of `key`, once {@link rememberPlan} recorded it. */
export function findPlan(key: string): BodyPlan | undefined {
  return plans.get(key)
}

/** Records the plan of a field set the general path has just expanded without error. */
export function rememberPlan(key: string, fields: Record<string, unknown>, underscores: boolean): void {
  const names = Object.keys(fields)
    .filter((name) => fields[name] !== undefined)
    .sort()
  if (plans.size >= MAX_PLANS) plans.clear()
  plans.set(key, { names, paths: names.map((name) => splitField(name, underscores)) })
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
  const { names, paths } = plan
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
    node[path[last]!] = fields[names[i]!]
  }
  return target
}

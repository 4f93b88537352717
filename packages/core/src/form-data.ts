/**
 * Whether `value` is a `FormData`, told by its `Symbol.toStringTag`. Reading the global `FormData`
 * on Node 20 loads undici (~50 ms), a cost a one-shot JSON request must not pay.
 */
export function isFormData(value: unknown): value is FormData {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === 'FormData'
  )
}

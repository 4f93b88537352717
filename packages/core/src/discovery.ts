import { RequestError, redactUrl, TimeoutError } from './errors.js'
import type { Pipeline } from './pipeline.js'
import type { MaxResponse } from './types.js'
import { isPlainObject } from './values.js'

/**
 * GETs an unauthenticated JSON object document (`{server}/info` of MAX or of a hub), with a clear
 * error naming the URL.
 */
export async function readInfoDocument(pipeline: Pipeline, url: string): Promise<Record<string, unknown>> {
  const shown = redactUrl(url)
  let response: MaxResponse
  try {
    response = await pipeline.execute(pipeline.prepareAbsolute('GET', url))
  } catch (error) {
    if (error instanceof RequestError && error.status === 0 && !(error instanceof TimeoutError)) {
      throw new RequestError(`Cannot read the info document: GET ${shown} got no answer (${error.message})`, {
        status: 0,
        method: 'GET',
        url,
        cause: error,
      })
    }
    throw error
  }
  const { status, body } = response
  if (status !== 200) {
    const hint = status === 502 ? ' (is the server running behind the proxy?)' : ''
    throw pipeline.redact(
      new RequestError(`Cannot read the info document: GET ${shown} answered HTTP ${status}${hint}`, {
        status,
        method: 'GET',
        url,
      }),
    )
  }
  if (!isPlainObject(body)) {
    throw new RequestError(`Cannot read the info document: GET ${shown} did not answer a JSON object`, {
      status,
      method: 'GET',
      url,
    })
  }
  return body
}

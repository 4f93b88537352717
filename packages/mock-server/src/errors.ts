/**
 * A MAX error answer: the handler throws it and the dispatcher turns it into
 * `{objectType: 'error', error, error_description}` with the status.
 */
export class MaxApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(`${error}: ${description}`)
    this.name = 'MaxApiError'
  }
}

/** 400 with a MAX error name. */
export const badRequest = (error: string, description: string) => new MaxApiError(400, error, description)

/** 404 ObjectNotFound, worded as MAX does. */
export const notFound = (description: string) => new MaxApiError(404, 'ObjectNotFound', description)

/** 400 UnknownUserError for an actor that has no profile. */
export const unknownUser = (username: string) =>
  new MaxApiError(400, 'UnknownUserError', `Unknown actor identified by: ${username}`)

/** 403 as MAX's ACL denial words it (the trailing space is MAX's). */
export const forbidden = (username: string, permissionLabel: string) =>
  new MaxApiError(403, 'Forbidden', `User "${username}" has no permission "${permissionLabel}" here `)

/** 403 raised by view code with its own text. */
export const forbiddenBecause = (description: string) => new MaxApiError(403, 'Forbidden', description)

/** 400 MissingField for a required body field. */
export const missingField = (field: string) =>
  new MaxApiError(400, 'MissingField', `Required parameter "${field}" not found in the request`)

/** 400 ValidationError. */
export const validationError = (description: string) => new MaxApiError(400, 'ValidationError', description)

/** 400 InvalidId for a path segment that must be an ObjectId. */
export const invalidId = (value: string) =>
  new MaxApiError(
    400,
    'InvalidId',
    `'${value}' is not a valid ObjectId, it must be a 12-byte input or a 24-character hex string`,
  )

/**
 * Thrown for the non-JSON answers MAX gets from its web framework (unknown route or method,
 * 410 for missing files): the dispatcher renders a framework-style page.
 */
export class FrameworkPage extends Error {
  constructor(
    readonly status: 404 | 410,
    readonly path: string,
  ) {
    super(status === 404 ? 'Not Found' : 'Gone')
    this.name = 'FrameworkPage'
  }
}

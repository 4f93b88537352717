/** Default `timeout`: 30 s per attempt. */
export const DEFAULT_TIMEOUT = 30_000
/** Largest timeout timers accept (2^31 - 1 ms, ~24.8 days); larger ones would fire at once. */
export const MAX_TIMEOUT = 2 ** 31 - 1
/** Default `maxResponseSize`: 64 MiB, on the wire and once decompressed. */
export const DEFAULT_MAX_RESPONSE_SIZE = 64 * 1024 * 1024
/** Redirects the Node transport follows by default (fetch follows up to 20). */
export const DEFAULT_MAX_REDIRECTS = 5
/**
 * Largest multipart upload {@link MultipartBody.bytes} reads into memory: 256 MiB, headers included.
 * Above it the body is refused with a `UsageError` before it is sent.
 */
export const MAX_UPLOAD_SIZE = 256 * 1024 * 1024

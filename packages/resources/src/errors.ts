export { UsageError } from '@maxclient/core'

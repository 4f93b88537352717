export { createMockHandler, type MockHandler } from './handler.js'
export { EMULATED_MAX_VERSION } from './handlers/admin.js'
export type {
  ActivityRecord,
  ContextRecord,
  ConversationRecord,
  DeviceTokenRecord,
  MessageRecord,
  MockSnapshot,
  PersonRecord,
} from './model.js'
export { HUB_PREFIX, type MockOptions, OAUTH_PREFIX } from './options.js'
export { RABBITMQ_PORTS, rabbitmqAvailable } from './realtime/probe.js'
export type { MockAmqpOptions, MockRealtime } from './realtime/publisher.js'
export {
  formatLogLine,
  type RequestLogEntry,
  type RunningMockServer,
  type StartMockServerOptions,
  startMockServer,
} from './server.js'

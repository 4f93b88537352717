import type { Handler } from '../context.js'
import { activityHandlers } from './activities.js'
import { adminHandlers } from './admin.js'
import { contextHandlers } from './contexts.js'
import { conversationHandlers } from './conversations.js'
import { peopleHandlers } from './people.js'
import { tokenHandlers } from './tokens.js'

/** One handler per catalog route–method pair, keyed `"METHOD /pattern"`. */
export const handlers: ReadonlyMap<string, Handler> = new Map(
  Object.entries({
    ...peopleHandlers,
    ...activityHandlers,
    ...contextHandlers,
    ...conversationHandlers,
    ...tokenHandlers,
    ...adminHandlers,
  }),
)

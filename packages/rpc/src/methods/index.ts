// The methods that shape a body beyond what the table says, by category.
export { addActivity, addActivityAsContext, addComment } from './activities.js'
export { addContext } from './contexts.js'
export { addConversation, addMessage, addUserMessage } from './messages.js'
export { addToken } from './tokens.js'
export { addUser, postAvatar } from './users.js'

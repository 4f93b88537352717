export { chat } from './watch.js'

export { RecommendService } from './service'
export { EventLog } from './event-log'
export { isBot } from './bots'
export type { EventKind, Reason, Recommended } from './types'

export { RecommendService } from './service'
export { EventLog, type EventLogOptions } from './event-log'
export { isBot } from './bots'
export type { EventKind, Reason, ReasonKind, Recommended, RebuildStats } from './types'

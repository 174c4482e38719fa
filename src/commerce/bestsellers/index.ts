export { Bestsellers } from './service'
export { movementOf, HALF_LIFE_DAYS, POINTS_PER_COPY } from './compute'
export { PERIODS, OVERALL, type Period, type BestsellerPlace, type BookRanks, type Movement, type BestsellerRebuild } from './types'

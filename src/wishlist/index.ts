export { WishlistService, wishNews, type WishlistOptions } from './service'
export type { BookWrite, WishMail, WishNews, WishedBookState } from './types'

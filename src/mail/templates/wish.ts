import { formatWon } from '../format'
import type { Template } from './template'

/** An amount in its currency: won as formatWon writes it, any other with its code. */
const amount = (value: string | number, currency: string, lang: 'ko' | 'en') => (currency === 'KRW' ? formatWon(value, lang) : `${value} ${currency}`)

export const wishBackInStock: Template<'wish-back-in-stock'> = {
  required: ['name', 'title', 'isbn13'],
  render: ({ name, title, isbn13 }, lang) =>
    lang === 'ko'
      ? {
          subject: `[Colophon] 찜한 책을 다시 주문할 수 있습니다: ${title}`,
          paragraphs: [`${name}님, 찜해 두신 책을 다시 주문할 수 있습니다.`, `${title}\nISBN ${isbn13}`, '찜 목록은 내 계정의 찜 목록에서 보실 수 있습니다.'],
        }
      : {
          subject: `[Colophon] A book on your wishlist is back: ${title}`,
          paragraphs: [`${name}, a book on your wishlist can be ordered again.`, `${title}\nISBN ${isbn13}`, 'Your wishlist is under Wishlist in your account.'],
        },
}

export const wishPriceDrop: Template<'wish-price-drop'> = {
  required: ['name', 'title', 'isbn13', 'before', 'after'],
  render: ({ name, title, isbn13, before, after, currency = 'KRW' }, lang) =>
    lang === 'ko'
      ? {
          subject: `[Colophon] 찜한 책의 가격이 내렸습니다: ${title}`,
          paragraphs: [`${name}님, 찜해 두신 책의 가격이 내렸습니다.`, `${title}\nISBN ${isbn13}\n${amount(before, currency, lang)} → ${amount(after, currency, lang)}`],
        }
      : {
          subject: `[Colophon] A book on your wishlist costs less: ${title}`,
          paragraphs: [`${name}, the price of a book on your wishlist went down.`, `${title}\nISBN ${isbn13}\n${amount(before, currency, lang)} → ${amount(after, currency, lang)}`],
        },
}

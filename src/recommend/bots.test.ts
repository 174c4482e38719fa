import { describe, expect, it } from 'vitest'
import { isBot } from './bots'

describe('isBot', () => {
  it('takes browsers for shoppers', () => {
    expect(isBot('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36')).toBe(false)
    expect(isBot('Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1')).toBe(false)
  })

  it('takes crawlers, scripts and a missing User-Agent for bots', () => {
    for (const ua of ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'Mozilla/5.0 (compatible; Yeti/1.1; +https://naver.me/spd) spider', 'curl/8.5.0', 'python-requests/2.32', 'Mozilla/5.0 HeadlessChrome/131.0', undefined, '']) {
      expect(isBot(ua), String(ua)).toBe(true)
    }
  })
})

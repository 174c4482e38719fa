import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { InputError } from '../../core/errors'
import { CARRIERS, carrierCode, parseTrackingNumber, trackingUrl } from './carriers'

describe('carriers', () => {
  it('covers every code with both names and an https tracking page', () => {
    expect(Object.keys(CARRIERS)).toEqual(carrierCode.options)
    for (const carrier of Object.values(CARRIERS)) {
      expect(carrier.name.ko).toMatch(/[가-힣]/)
      expect(carrier.name.en).toMatch(/^[A-Za-z ]+$/)
      expect(new URL(carrier.trackingUrlTemplate.replace('{number}', '1')).protocol).toBe('https:')
    }
  })

  it.each([
    ['cj', '6012-3456-7890', 'https://trace.cjlogistics.com/next/tracking.html?wblNo=601234567890'],
    ['epost', '60914 12345 678', 'https://service.epost.go.kr/trace.RetrieveDomRigiTraceList.comm?sid1=6091412345678'],
    ['hanjin', '4123-4567-8901', 'https://www.hanjin.com/kor/CMS/DeliveryMgr/WaybillResult.do?mCode=MN038&schLang=KR&wblnumText2=412345678901'],
    ['lotte', '2345 6789 0123', 'https://www.lotteglogis.com/home/reservation/tracking/linkView?InvNo=234567890123'],
    ['logen', '123-4567-8901', 'https://www.ilogen.com/web/personal/trace/12345678901'],
  ] as const)('%s links %s to its tracking page', (code, raw, url) => {
    expect(trackingUrl(code, parseTrackingNumber(code, raw))).toBe(url)
  })

  it('turns every 9 to 14 digit number, however spaced, into its digits', () => {
    const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 14 }).map((d) => d.join(''))
    const separator = fc.constantFrom('', ' ', '-', ' - ')
    fc.assert(
      fc.property(fc.constantFrom(...carrierCode.options), digits, separator, (code, number, sep) => {
        const typed = number.match(/.{1,4}/g)!.join(sep)
        expect(parseTrackingNumber(code, typed)).toBe(number)
      }),
    )
  })

  it.each(['12345678', '123456789012345', '1234-5678-9O12', '', 'CJ 601234567890'])('refuses "%s"', (raw) => {
    expect(() => parseTrackingNumber('cj', raw)).toThrow(InputError)
    try {
      parseTrackingNumber('cj', raw)
    } catch (err) {
      expect(err).toMatchObject({ field: 'tracking_number', code: 'tracking_number', params: { value: raw, carrier: 'cj' } })
      expect((err as Error).message).toContain('expected 9 to 14 digits')
    }
  })
})

import { z } from 'zod'
import { InputError } from '../../core/errors'

/** The couriers Colophon ships with. */
export const carrierCode = z.enum(['cj', 'epost', 'hanjin', 'lotte', 'logen'])
export type CarrierCode = z.infer<typeof carrierCode>

/** A waybill number as the carriers' tracking pages take it: digits only. */
export type TrackingNumber = string & { readonly __brand: 'TrackingNumber' }

export interface Carrier {
  code: CarrierCode
  name: { ko: string; en: string }
  /** The carrier's public tracking page, with `{number}` where the waybill number goes. */
  trackingUrlTemplate: string
}

// Each carrier's own public tracking page that opens on one waybill number
// from a plain link, as Korean shops link them in 2026. Carriers move these
// pages now and then (CJ left doortodoor.co.kr, 한진 left hanjin.co.kr), so
// they are kept here, in one place.
const CARRIER_LIST: readonly Carrier[] = [
  {
    code: 'cj',
    name: { ko: 'CJ대한통운', en: 'CJ Logistics' },
    trackingUrlTemplate: 'https://trace.cjlogistics.com/next/tracking.html?wblNo={number}',
  },
  {
    code: 'epost',
    name: { ko: '우체국택배', en: 'Korea Post' },
    trackingUrlTemplate: 'https://service.epost.go.kr/trace.RetrieveDomRigiTraceList.comm?sid1={number}',
  },
  {
    code: 'hanjin',
    name: { ko: '한진택배', en: 'Hanjin Express' },
    trackingUrlTemplate:
      'https://www.hanjin.com/kor/CMS/DeliveryMgr/WaybillResult.do?mCode=MN038&schLang=KR&wblnumText2={number}',
  },
  {
    code: 'lotte',
    name: { ko: '롯데택배', en: 'Lotte Global Logistics' },
    trackingUrlTemplate: 'https://www.lotteglogis.com/home/reservation/tracking/linkView?InvNo={number}',
  },
  {
    code: 'logen',
    name: { ko: '로젠택배', en: 'Logen' },
    trackingUrlTemplate: 'https://www.ilogen.com/web/personal/trace/{number}',
  },
]

/** The carriers by code, in the order a form lists them. */
export const CARRIERS: Readonly<Record<CarrierCode, Carrier>> = Object.fromEntries(
  CARRIER_LIST.map((carrier) => [carrier.code, carrier]),
) as Record<CarrierCode, Carrier>

/** The carrier's tracking page for one shipment. */
export function trackingUrl(code: CarrierCode, number: TrackingNumber): string {
  return CARRIERS[code].trackingUrlTemplate.replace('{number}', encodeURIComponent(number))
}

/**
 * A waybill number as staff type or paste it: spaces and hyphens are dropped,
 * and what remains must be 9 to 14 digits (Korean carriers print 10 to 13).
 */
export function parseTrackingNumber(code: CarrierCode, raw: string): TrackingNumber {
  const digits = raw.replace(/[\s-]/g, '')
  if (!/^\d{9,14}$/.test(digits)) {
    const carrier = CARRIERS[code].name.en
    throw new InputError('tracking_number', `"${raw}" is not a ${carrier} tracking number; expected 9 to 14 digits`, {
      code: 'tracking_number',
      params: { value: raw, carrier: code },
    })
  }
  return digits as TrackingNumber
}

export { loadHolidays, type Holiday, type HolidayCalendar } from './holidays'
export { deliveryEstimate, estimateLabel, isWorkingDay, type DeliveryEstimate, type DeliveryRules } from './estimate'
export {
  CARRIERS,
  carrierCode,
  parseTrackingNumber,
  trackingUrl,
  type Carrier,
  type CarrierCode,
  type TrackingNumber,
} from './carriers'

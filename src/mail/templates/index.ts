import type { MailTemplate } from '../types'
import { orderCancelled } from './order-cancelled'
import { orderPaid } from './order-paid'
import { orderReceived } from './order-received'
import { orderRefunded } from './order-refunded'
import { orderShipped } from './order-shipped'
import { resetPassword } from './reset-password'
import type { Template } from './template'
import { verifyEmail } from './verify-email'
import { wishBackInStock, wishPriceDrop } from './wish'

export const TEMPLATES: { [T in MailTemplate]: Template<T> } = {
  'verify-email': verifyEmail,
  'reset-password': resetPassword,
  'order-received': orderReceived,
  'order-paid': orderPaid,
  'order-shipped': orderShipped,
  'order-cancelled': orderCancelled,
  'order-refunded': orderRefunded,
  'wish-back-in-stock': wishBackInStock,
  'wish-price-drop': wishPriceDrop,
}

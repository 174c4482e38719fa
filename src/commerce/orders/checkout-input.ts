import { z } from 'zod'
import { InputError } from '../../core/errors'
import type { CheckoutInput, OrderLang } from './types'

const digits = (s: string) => s.replace(/[\s-]/g, '')

/** 010-1234-5678 (and the older 011/016/017/018/019 prefixes), written with hyphens whatever was typed. */
export function normaliseMobile(raw: string): string | undefined {
  const d = digits(raw)
  const m = /^(01[016789])(\d{3,4})(\d{4})$/.exec(d)
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined
}

/** A Korean phone number a courier can call: a mobile, or a landline with its area code (02-123-4567, 031-1234-5678), or a 1588-style number. */
export function normalisePhone(raw: string): string | undefined {
  const mobile = normaliseMobile(raw)
  if (mobile) return mobile
  const d = digits(raw)
  const seoul = /^(02)(\d{3,4})(\d{4})$/.exec(d)
  if (seoul) return `${seoul[1]}-${seoul[2]}-${seoul[3]}`
  const area = /^(0[3-6]\d|070|050\d?)(\d{3,4})(\d{4})$/.exec(d)
  if (area) return `${area[1]}-${area[2]}-${area[3]}`
  const rep = /^(1[5-9]\d\d)(\d{4})$/.exec(d)
  return rep ? `${rep[1]}-${rep[2]}` : undefined
}

// Each check's message is the error code the page words in the shopper's language.
const text = (max: number) => z.string().trim().max(max, 'too_long')
const required = (max: number) => text(max).min(1, 'required')

/** The checkout form as it is posted; every field is a string and may be anything. */
export const checkoutForm = z.object({
  buyerName: required(50),
  buyerPhone: text(20).transform((s, ctx) => normaliseMobile(s) ?? (ctx.addIssue({ code: 'custom', message: 'mobile_format' }), z.NEVER)),
  buyerEmail: text(254).pipe(z.email('email_format')),
  recipientName: required(50),
  recipientPhone: text(20).transform((s, ctx) => normalisePhone(s) ?? (ctx.addIssue({ code: 'custom', message: 'phone_format' }), z.NEVER)),
  postalCode: text(10).regex(/^\d{5}$/, 'postal_code_format'),
  address: required(200),
  addressDetail: text(100),
  deliveryNote: text(100),
  paymentMethod: z.enum(['bank_transfer', 'card'], 'payment_method'),
  depositorName: text(50),
  pointsToSpend: z
    .string()
    .trim()
    .regex(/^\d{0,9}$/, 'points_format')
    .transform((s) => (s ? Number(s) : 0)),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'form_expired'),
})

export type CheckoutFormValues = Record<keyof z.input<typeof checkoutForm>, string>

/** The form's field names, in the order the page shows them. */
export const CHECKOUT_FIELDS = Object.keys(checkoutForm.shape) as Array<keyof CheckoutFormValues>

/**
 * Checks a posted checkout form: the order's input, or one InputError per
 * field that is wrong (all of them, so the page can mark every one at once).
 */
export function readCheckoutForm(raw: Partial<Record<string, unknown>>, lang: OrderLang): { input: CheckoutInput } | { errors: InputError[] } {
  const values = Object.fromEntries(CHECKOUT_FIELDS.map((f) => [f, typeof raw[f] === 'string' ? raw[f] : '']))
  const parsed = checkoutForm.safeParse(values)
  if (!parsed.success) {
    const seen = new Set<string>()
    const errors = parsed.error.issues.flatMap((issue) => {
      const field = String(issue.path[0] ?? 'form')
      if (seen.has(field)) return []
      seen.add(field)
      const code = /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid'
      return [new InputError(field, `${code.replaceAll('_', ' ')}`, { code: `checkout_${code}` })]
    })
    return { errors }
  }
  const v = parsed.data
  return {
    input: {
      buyer: { name: v.buyerName, phone: v.buyerPhone, email: v.buyerEmail.toLowerCase() },
      delivery: { recipientName: v.recipientName, recipientPhone: v.recipientPhone, postalCode: v.postalCode, address: v.address, addressDetail: v.addressDetail, note: v.deliveryNote },
      paymentMethod: v.paymentMethod,
      depositorName: v.depositorName || v.buyerName,
      pointsToSpend: v.pointsToSpend,
      idempotencyKey: v.idempotencyKey,
      lang,
    },
  }
}

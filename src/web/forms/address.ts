import { z } from 'zod'
import type { AddressInput } from '../../accounts'
import { normalisePhone } from '../../commerce'
import { InputError } from '../../core/errors'

// The same rules as the checkout form's delivery fields, so a saved address is always one checkout accepts.
const text = (max: number) => z.string().trim().max(max, 'too_long')
const required = (max: number) => text(max).min(1, 'required')

const addressForm = z.object({
  recipientName: required(50),
  recipientPhone: text(20).transform((s, ctx) => normalisePhone(s) ?? (ctx.addIssue({ code: 'custom', message: 'phone_format' }), z.NEVER)),
  postalCode: text(10).regex(/^\d{5}$/, 'postal_code_format'),
  address: required(200),
  addressDetail: text(100),
})

/** The address form's field names, in the order the page shows them. */
export const ADDRESS_FIELDS = Object.keys(addressForm.shape) as Array<keyof AddressInput>

/** What the form was sent with, each field a string, for showing it again. */
export type AddressFormValues = Record<keyof AddressInput, string>

export function addressFormValues(raw: Partial<Record<keyof AddressInput, unknown>>): AddressFormValues {
  return Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, typeof raw[f] === 'string' ? raw[f] : ''])) as AddressFormValues
}

/** A posted address form: the checked address, or one InputError per wrong field (all of them at once). */
export function readAddressForm(values: AddressFormValues): { input: AddressInput } | { errors: InputError[] } {
  const parsed = addressForm.safeParse(values)
  if (parsed.success) return { input: parsed.data }
  const seen = new Set<string>()
  const errors = parsed.error.issues.flatMap((issue) => {
    const field = String(issue.path[0])
    if (seen.has(field)) return []
    seen.add(field)
    const max = issue.code === 'too_big' ? { max: Number(issue.maximum) } : undefined
    return [new InputError(field, issue.message.replaceAll('_', ' '), { code: issue.message, params: max ?? {} })]
  })
  return { errors }
}

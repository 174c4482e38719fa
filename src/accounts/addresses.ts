import { randomUUID } from 'node:crypto'
import { InputError, NotFoundError } from '../core/errors'
import type { Database, Kysely } from '../store'
import * as repo from './repo'
import type { Address, AddressInput } from './types'

/** How many addresses one customer may keep. */
export const MAX_ADDRESSES = 20

const toAddress = (row: repo.AddressRow): Address => ({
  id: row.id,
  recipientName: row.recipient_name,
  recipientPhone: row.recipient_phone,
  postalCode: row.postal_code,
  address: row.address,
  addressDetail: row.address_detail,
  isDefault: row.is_default === 1,
  createdAt: row.created_at,
})

const toValues = (input: AddressInput) => ({
  recipient_name: input.recipientName,
  recipient_phone: input.recipientPhone,
  postal_code: input.postalCode,
  address: input.address,
  address_detail: input.addressDetail,
})

/**
 * A customer's address book (배송지 관리). Whenever it holds any address,
 * exactly one is the default: the first one added, until another is chosen;
 * when the default is deleted, the newest remaining address takes its place.
 * Another customer's address is not found, never refused, so ids tell nothing.
 */
export class AddressBook {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date,
  ) {}

  /** The default first, then the newest. */
  async list(customerId: string): Promise<Address[]> {
    return (await repo.addressesOf(this.db, customerId)).map(toAddress)
  }

  async get(customerId: string, id: string): Promise<Address> {
    const row = await repo.addressOf(this.db, customerId, id)
    if (!row) throw new NotFoundError('address', id)
    return toAddress(row)
  }

  async add(customerId: string, input: AddressInput): Promise<Address> {
    return repo.withAddressBook(this.db, customerId, async (trx) => {
      const { count, newestAt } = await repo.addressBookSize(trx, customerId)
      if (count >= MAX_ADDRESSES) throw new InputError('addresses', `holds ${MAX_ADDRESSES} already: delete one first`, { code: 'address_limit', params: { max: MAX_ADDRESSES } })
      // Strictly after the newest, so "the newest remaining" is never a tie, even for two adds within a millisecond.
      const at = Math.max(this.now().getTime(), newestAt ? Date.parse(newestAt) + 1 : 0)
      const row: repo.AddressRow = { id: randomUUID(), customer_id: customerId, ...toValues(input), is_default: count === 0 ? 1 : 0, created_at: new Date(at).toISOString() }
      await repo.insertAddress(trx, row)
      return toAddress(row)
    })
  }

  async update(customerId: string, id: string, input: AddressInput): Promise<Address> {
    if (!(await repo.updateAddress(this.db, customerId, id, toValues(input)))) throw new NotFoundError('address', id)
    return this.get(customerId, id)
  }

  async remove(customerId: string, id: string): Promise<void> {
    await repo.withAddressBook(this.db, customerId, async (trx) => {
      const row = await repo.addressOf(trx, customerId, id)
      if (!row) throw new NotFoundError('address', id)
      await repo.deleteAddress(trx, customerId, id)
      if (row.is_default !== 1) return
      // Listed default first, then newest: with the default gone, the first is the newest.
      const [newest] = await repo.addressesOf(trx, customerId)
      if (newest) await repo.setDefaultAddress(trx, customerId, newest.id)
    })
  }

  async makeDefault(customerId: string, id: string): Promise<void> {
    await repo.withAddressBook(this.db, customerId, async (trx) => {
      if (!(await repo.addressOf(trx, customerId, id))) throw new NotFoundError('address', id)
      await repo.setDefaultAddress(trx, customerId, id)
    })
  }
}

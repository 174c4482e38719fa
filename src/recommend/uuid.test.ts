import { describe, expect, it } from 'vitest'
import { uuidv7 } from './repo'

describe('event ids', () => {
  it('are version 7 UUIDs that sort by time', () => {
    const ids = [1_700_000_000_000, 1_700_000_000_001, 1_800_000_000_000].map(uuidv7)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect([...ids].sort()).toEqual(ids)
    expect(uuidv7(1_700_000_000_000)).not.toBe(uuidv7(1_700_000_000_000))
  })
})

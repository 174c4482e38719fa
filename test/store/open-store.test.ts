import { describe, expect, it } from 'vitest'
import { StartupError } from '../../src/core/errors'
import { openStore } from '../../src/store'
import { testDialects } from '../dialects'

const pg = testDialects().find((d) => d.name === 'postgres')!

describe('postgres: opening the store', () => {
  it('names the host and the cause when nothing listens there', async () => {
    // Port 1 on loopback: refused at once, no server needed.
    const opening = openStore('postgres://colophon:secret@127.0.0.1:1/colophon')
    await expect(opening).rejects.toBeInstanceOf(StartupError)
    await expect(opening).rejects.toThrow(/127\.0\.0\.1:1\/colophon .*ECONNREFUSED/)
    await expect(opening).rejects.not.toThrow(/secret/)
  })

  it.skipIf(pg.skip)('names the database when the server has no such one', async () => {
    const url = new URL(process.env.COLOPHON_TEST_PG_URL!)
    url.pathname = '/colophon_no_such_database'
    await expect(openStore(url.toString())).rejects.toThrow(/colophon_no_such_database .*3D000/)
  })
})

import { describe, expect, it } from 'vitest'
import { readOnix } from '../../src/ingest/onix/reader'
import { generatedFeed } from '../support/ingest'

describe('streaming a large ONIX feed', () => {
  it('parses product after product with flat memory', { timeout: 120_000 }, async () => {
    let bytes = 0
    async function* counted() {
      for await (const chunk of generatedFeed(25_000)) {
        bytes += chunk.length
        yield chunk
      }
    }
    let records = 0
    let early = 0
    let peak = 0
    for await (const record of readOnix(counted(), 'big.xml', () => {})) {
      records++
      expect(record.problems).toEqual([])
      if (records % 1000 === 0) {
        const heap = process.memoryUsage().heapUsed
        if (records === 2000) early = heap
        peak = Math.max(peak, heap)
      }
    }
    expect(records).toBe(25_000)
    expect(bytes).toBeGreaterThan(40 * 1024 * 1024)
    // The feed is tens of megabytes; the heap holds one product at a time.
    expect(peak - early).toBeLessThan(40 * 1024 * 1024)
  })
})

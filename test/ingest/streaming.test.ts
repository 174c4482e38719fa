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
    const heaps: number[] = []
    for await (const record of readOnix(counted(), 'big.xml', () => {})) {
      records++
      expect(record.problems).toEqual([])
      if (records % 500 === 0) heaps.push(process.memoryUsage().heapUsed)
    }
    expect(records).toBe(25_000)
    expect(bytes).toBeGreaterThan(40 * 1024 * 1024)
    // The feed is tens of megabytes; the heap holds one product at a time. Medians of the
    // first and last fifths of the samples, so garbage not yet collected at one sample
    // does not count as growth, while a heap that kept every product would (over 40 MB).
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    const fifth = Math.floor(heaps.length / 5)
    expect(median(heaps.slice(-fifth)) - median(heaps.slice(1, 1 + fifth))).toBeLessThan(40 * 1024 * 1024)
  })
})

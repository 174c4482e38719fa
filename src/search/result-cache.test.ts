import { describe, expect, it } from 'vitest'
import { ResultCache } from './result-cache'

describe('result cache', () => {
  it('answers from memory until this process writes or another one commits', async () => {
    let commits = 0
    let loads = 0
    const cache = new ResultCache<number>(() => commits)
    const load = async () => ++loads
    expect(await cache.get('q', load)).toBe(1)
    expect(await cache.get('q', load)).toBe(1)
    cache.invalidate()
    expect(await cache.get('q', load)).toBe(2)
    commits++
    expect(await cache.get('q', load)).toBe(3)
    expect(await cache.get('q', load)).toBe(3)
  })

  it('does not keep an answer loaded while a write was under way', async () => {
    const cache = new ResultCache<string>(() => 0)
    expect(await cache.get('q', async () => (cache.invalidate(), 'old'))).toBe('old')
    expect(await cache.get('q', async () => 'new')).toBe('new')
  })

  it('keeps at most its capacity, dropping the least recently used', async () => {
    const cache = new ResultCache<string>(() => 0, 2)
    await cache.get('a', async () => 'a1')
    await cache.get('b', async () => 'b1')
    await cache.get('a', async () => 'a2')
    await cache.get('c', async () => 'c1')
    expect(await cache.get('a', async () => 'a3')).toBe('a1')
    expect(await cache.get('b', async () => 'b2')).toBe('b2')
  })
})

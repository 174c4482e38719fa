/** A small seeded generator (mulberry32): the same seed always builds the same catalog. */
export class Random {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!
  }

  /** An item of a list ordered most common first, the n-th about 1/n as likely as the first (Zipf's law). */
  zipf<T>(list: readonly T[]): T {
    return list[this.zipfRank(list.length)]!
  }

  /** A rank from 0 to n-1, rank r drawn about 1/(r+1) as often as rank 0. */
  zipfRank(n: number): number {
    return zipfRank(n, this.next())
  }

  chance(p: number): boolean {
    return this.next() < p
  }
}

const harmonics = new Map<number, Float64Array>()

/** The rank (from 0) that a uniform draw `u` falls on, by the cumulative 1/n weights of `n` ranks. */
function zipfRank(n: number, u: number): number {
  let sums = harmonics.get(n)
  if (!sums) {
    sums = new Float64Array(n)
    for (let i = 0, total = 0; i < n; i++) sums[i] = total += 1 / (i + 1)
    harmonics.set(n, sums)
  }
  const target = u * sums[n - 1]!
  let lo = 0
  let hi = n - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sums[mid]! < target) lo = mid + 1
    else hi = mid
  }
  return lo
}

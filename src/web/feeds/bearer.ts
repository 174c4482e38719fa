import { createHash, timingSafeEqual } from 'node:crypto'

const digest = (s: string) => createHash('sha256').update(s).digest()

/**
 * Whether an Authorization header carries one of the tokens. Digests make
 * every comparison the same length, so neither a token's length nor how much
 * of it matched shows in the time taken; every token is compared, always.
 */
export function bearerChecker(tokens: readonly string[]): (authorization: string | undefined) => boolean {
  const known = tokens.map(digest)
  return (authorization) => {
    const given = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? '')?.[1]
    if (!given) return false
    const presented = digest(given)
    let isKnown = false
    for (const k of known) isKnown = timingSafeEqual(k, presented) || isKnown
    return isKnown
  }
}

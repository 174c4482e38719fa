import { createHash, randomBytes } from 'node:crypto'
import { generateSecret, generateURI, verify } from 'otplib'
import QRCode from 'qrcode'

const ISSUER = 'Colophon'
/** RFC 6238's 30-second steps; a code from the step before or after is still taken, for clocks a little apart. */
const PERIOD = 30
const RECOVERY_CODES = 10

export const newTotpSecret = (): string => generateSecret()

/** What an authenticator app scans: the otpauth:// URI as an SVG QR code. */
export async function enrolment(email: string, secret: string): Promise<{ uri: string; qrSvg: string }> {
  const uri = generateURI({ issuer: ISSUER, label: email, secret })
  return { uri, qrSvg: await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) }
}

/** The time step the code belongs to, or undefined; a step at or before `afterStep` was already used and is refused. */
export async function totpStep(secret: string, code: string, at: Date, afterStep: number | null): Promise<number | undefined> {
  const token = code.replace(/\s/g, '')
  if (!/^\d{6}$/.test(token)) return undefined
  const result = await verify({ secret, token, epoch: Math.floor(at.getTime() / 1000), epochTolerance: PERIOD, ...(afterStep === null ? {} : { afterTimeStep: afterStep }) })
  return result.valid && 'timeStep' in result ? result.timeStep : undefined
}

// Crockford's base32 without I, L, O and U: nothing to misread when typing a code from paper.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'

/** Ten codes of ten characters (50 bits each), shown once as "xxxxx-xxxxx". */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODES }, () => {
    const chars = [...randomBytes(10)].map((b) => ALPHABET[b % 32]).join('')
    return `${chars.slice(0, 5)}-${chars.slice(5)}`
  })
}

/** Recovery codes are random enough that SHA-256 is a fair store; typing is forgiven its case, spaces and hyphens. */
export const recoveryCodeHash = (code: string): string => createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, '')).digest('hex')

export const looksLikeRecoveryCode = (code: string): boolean => /^[0-9a-z]{10}$/i.test(code.replace(/[\s-]/g, ''))

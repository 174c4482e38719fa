import { InputError } from '../core/errors'
import type { Dimensions } from './types'

export interface PhysicalSpec {
  pageCount: number | null
  weightG: number | null
  dimensions: Dimensions | null
}

/**
 * Reads the "page count, weight, size" line Korean stores print, e.g.
 * "368 pages | 148*217*30mm", "368쪽 | 520g | 148*217*30mm" or "368 p. | 0.5 kg | 148x217x30 mm".
 * Sizes are width × height × thickness in millimetres.
 */
export function parsePhysicalSpec(line: string): PhysicalSpec {
  const spec: PhysicalSpec = { pageCount: null, weightG: null, dimensions: null }
  for (const raw of line.split('|')) {
    const part = raw.trim()
    if (!part) continue
    let m: RegExpMatchArray | null
    if ((m = part.match(/^([\d,]+)\s*(?:pages?|pp?\.?|쪽|페이지|면)$/i))) {
      spec.pageCount = Number(m[1]!.replace(/,/g, ''))
    } else if ((m = part.match(/^([\d.,]+)\s*(kg|g)$/i))) {
      const n = Number(m[1]!.replace(/,/g, ''))
      spec.weightG = Math.round(m[2]!.toLowerCase() === 'kg' ? n * 1000 : n)
    } else if ((m = part.match(/^([\d.]+)\s*[*x×]\s*([\d.]+)(?:\s*[*x×]\s*([\d.]+))?\s*(mm|cm)?$/i))) {
      const scale = m[4]?.toLowerCase() === 'cm' ? 10 : 1
      const mm = (s: string) => Math.round(Number(s) * scale)
      spec.dimensions = { widthMm: mm(m[1]!), heightMm: mm(m[2]!), thicknessMm: m[3] ? mm(m[3]) : null }
    } else {
      throw new InputError('physicalSpec', `cannot read "${part}"; expected pages, weight (g/kg) or size (W*H*D mm)`)
    }
  }
  return spec
}

/** The same line back, as the product page prints it. */
export function formatDimensions(d: Dimensions): string {
  return d.thicknessMm != null ? `${d.widthMm}*${d.heightMm}*${d.thicknessMm}mm` : `${d.widthMm}*${d.heightMm}mm`
}

import type { Dimensions } from '../../catalog'
import { html, raw, type SafeHtml } from '../html'
import { fill, type Lang } from '../i18n'
import type { PageContext } from './context'

/** Paper and book sizes readers know, in mm (ISO 216, and the two Korean book sizes). */
const KNOWN: Array<{ name: Record<Lang, string>; width: number; height: number }> = [
  { name: { ko: 'A4 용지', en: 'an A4 sheet' }, width: 210, height: 297 },
  { name: { ko: '신국판', en: 'a Korean sinkukpan book' }, width: 152, height: 225 },
  { name: { ko: 'A5', en: 'A5' }, width: 148, height: 210 },
  { name: { ko: '사륙판', en: 'a Korean sayukpan book' }, width: 128, height: 188 },
  { name: { ko: 'B6', en: 'B6' }, width: 125, height: 176 },
  { name: { ko: 'A6 (문고판)', en: 'A6 (pocket size)' }, width: 105, height: 148 },
]
const A4 = KNOWN[0]!

const words = {
  ko: {
    title: '크기 비교',
    same: '{size} 크기와 거의 같음',
    larger: '{size} 크기보다 조금 큼',
    smaller: '{size} 크기보다 조금 작음',
    alt: '가로 {w}mm, 세로 {h}mm{thick}: {compare}. 왼쪽은 A4 용지(210×297mm), 가운데는 책 앞면, 오른쪽은 책등입니다.',
    thick: ', 두께 {t}mm',
    sheet: 'A4',
    front: '앞면',
    spine: '책등',
  },
  en: {
    title: 'Size to scale',
    same: 'about the size of {size}',
    larger: 'a little larger than {size}',
    smaller: 'a little smaller than {size}',
    alt: '{w} × {h} mm{thick}: {compare}. Left, an A4 sheet (210 × 297 mm); middle, the front of the book; right, its spine.',
    thick: ', {t} mm thick',
    sheet: 'A4',
    front: 'Front',
    spine: 'Spine',
  },
}

/** The book's size beside the nearest size readers know: "a little smaller than A5". */
export function sizeComparison(lang: Lang, d: Pick<Dimensions, 'widthMm' | 'heightMm'>): string {
  const w = words[lang]
  const nearest = KNOWN.reduce((best, k) => (Math.abs(k.height - d.heightMm) + Math.abs(k.width - d.widthMm) < Math.abs(best.height - d.heightMm) + Math.abs(best.width - d.widthMm) ? k : best))
  const ratio = (d.widthMm * d.heightMm) / (nearest.width * nearest.height)
  const phrase = ratio > 1.02 ? w.larger : ratio < 0.98 ? w.smaller : w.same
  return fill(phrase, { size: nearest.name[lang] })
}

/**
 * The book drawn to scale beside an A4 sheet: its front and, when the
 * thickness is known, its spine; 1 mm is one unit of the drawing, so the
 * browser scales all three together. The figure's caption says it in words.
 */
export function sizeDrawing(ctx: PageContext, d: Dimensions | null): SafeHtml {
  if (!d || !(d.widthMm > 0 && d.heightMm > 0)) return raw('')
  const w = words[ctx.lang]
  const gap = 20
  const frontX = A4.width + gap
  const spineX = frontX + d.widthMm + gap
  const thick = d.thicknessMm && d.thicknessMm > 0 ? d.thicknessMm : null
  const width = spineX + (thick ?? 0) + 24
  const height = Math.max(A4.height, d.heightMm) + 24
  const base = height - 22
  const alt = fill(w.alt, { w: d.widthMm, h: d.heightMm, thick: thick ? fill(w.thick, { t: thick }) : '', compare: sizeComparison(ctx.lang, d) })
  return html`<h3 id="size-h">${w.title}</h3><figure class="size-drawing" aria-labelledby="size-h"><svg viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="size-caption" focusable="false">
<rect class="sheet" x="1" y="${base - A4.height}" width="${A4.width}" height="${A4.height}"/><text x="${A4.width / 2}" y="${height - 6}">${w.sheet}</text>
<rect class="book" x="${frontX}" y="${base - d.heightMm}" width="${d.widthMm}" height="${d.heightMm}"/><text x="${frontX + d.widthMm / 2}" y="${height - 6}">${w.front}</text>
${thick ? html`<rect class="spine" x="${spineX}" y="${base - d.heightMm}" width="${thick}" height="${d.heightMm}"/><text x="${spineX + thick / 2}" y="${height - 6}">${w.spine}</text>` : ''}
</svg><figcaption id="size-caption">${alt}</figcaption></figure>`
}

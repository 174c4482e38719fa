import { createRequire } from 'node:module'
import { geoMercator, geoPath } from 'd3-geo'
import type { FeatureCollection, MultiPolygon } from 'geojson'
import { feature } from 'topojson-client'
import type { Topology } from 'topojson-specification'
import type { ChapterPoint } from '../../atlas'
import { html, raw, type SafeHtml } from '../html'
import { fill } from '../i18n'
import type { PageContext } from './context'

const MAP = { width: 640, height: 400, margin: 28 }
const LINE = { width: 640, margin: 32, row: 22 }

let land: FeatureCollection<MultiPolygon> | undefined

/** The world's land at 1:110m (Natural Earth, from world-atlas), read on the first map drawn. */
function worldLand(): FeatureCollection<MultiPolygon> {
  if (!land) {
    const topology = createRequire(import.meta.url)('world-atlas/land-110m.json') as Topology
    const found = feature(topology, topology.objects.land!)
    land = (found.type === 'FeatureCollection' ? found : { type: 'FeatureCollection', features: [found] }) as FeatureCollection<MultiPolygon>
  }
  return land
}

/** What a chapter is called on the map and the timeline: its number as the contents give it, or its place in the list. */
const labelOf = (point: ChapterPoint, i: number) => point.number ?? String(i + 1)

/** "Kiiu (Kyiv)" when the chapter spells the place otherwise than the gazetteer. */
const placeText = (p: ChapterPoint) => (p.placeName.toLowerCase() === p.place.name.toLowerCase() ? p.placeName : `${p.placeName} (${p.place.name})`)

/**
 * The map, drawn here as static SVG: the places' box widened a little, in
 * Mercator, with land clipped to the frame and coordinates rounded to a
 * tenth of a pixel. Chapters at one place share a marker that lists them all.
 */
function mapSvg(ctx: PageContext, points: ChapterPoint[]): SafeHtml {
  const lats = points.map((p) => p.place.lat)
  const lons = points.map((p) => p.place.lon)
  const pad = (span: number) => Math.max(3, span * 0.2)
  const [south, north] = [Math.min(...lats), Math.max(...lats)]
  const [west, east] = [Math.min(...lons), Math.max(...lons)]
  const box = { type: 'MultiPoint' as const, coordinates: [[west - pad(east - west), Math.max(-80, south - pad(north - south))], [east + pad(east - west), Math.min(80, north + pad(north - south))]] }
  const projection = geoMercator()
    .fitExtent([[MAP.margin, MAP.margin], [MAP.width - MAP.margin, MAP.height - MAP.margin]], box)
    .clipExtent([[0, 0], [MAP.width, MAP.height]])
  const path = geoPath(projection).digits(1)
  const places = new Map<string, { x: number; y: number; name: string; labels: string[]; entry: number }>()
  points.forEach((p, i) => {
    const key = `${p.place.lat},${p.place.lon}`
    const [x, y] = projection([p.place.lon, p.place.lat])!
    const known = places.get(key) ?? { x, y, name: p.place.name, labels: [], entry: p.entry }
    known.labels.push(labelOf(p, i))
    places.set(key, known)
  })
  const w = ctx.t
  return html`<svg class="atlas-map" viewBox="0 0 ${MAP.width} ${MAP.height}" width="${MAP.width}" height="${MAP.height}" aria-labelledby="atlas-map-title" focusable="false">
<title id="atlas-map-title">${w.atlasMap}</title>
<rect class="sea" width="${MAP.width}" height="${MAP.height}"/>
<path class="land" d="${path(worldLand()) ?? ''}"/>
${[...places.values()].map(
  (p) => html`<a href="#toc-${p.entry}" aria-label="${p.labels.join('·')}: ${p.name}"><circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="5"/><text x="${(p.x + 8).toFixed(1)}" y="${(p.y + 4).toFixed(1)}">${p.labels.join('·')}</text></a>`,
)}</svg>`
}

/** Tick years a reader counts by: at most about eight across the span. */
function ticks(first: number, last: number): number[] {
  const span = Math.max(1, last - first)
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].find((s) => span / s <= 8) ?? 1000
  const out: number[] = []
  for (let y = Math.ceil(first / step) * step; y <= last; y += step) out.push(y)
  return out
}

/** The years written under the axis: its two ends, and the round years between that do not crowd them. */
function yearMarks(first: number, last: number, x: (year: number) => number): number[] {
  const between = ticks(first, last).filter((y) => Math.abs(x(y) - x(first)) > 36 && Math.abs(x(y) - x(last)) > 36)
  return first === last ? [first] : [first, ...between, last]
}

/**
 * The timeline: each chapter at its year, to scale; labels that would touch
 * go up a row, so chapters a few years apart stay readable.
 */
function timelineSvg(ctx: PageContext, points: ChapterPoint[]): SafeHtml {
  const years = points.map((p) => p.year)
  const [first, last] = [Math.min(...years), Math.max(...years)]
  const x = (year: number) => LINE.margin + ((year - first) / Math.max(1, last - first)) * (LINE.width - 2 * LINE.margin)
  const rowEnds: number[] = []
  const placed = points
    .map((p, i) => ({ p, label: labelOf(p, i), at: x(p.year) }))
    .sort((a, b) => a.at - b.at)
    .map((m) => {
      let row = rowEnds.findIndex((end) => end + 20 <= m.at)
      if (row < 0) row = rowEnds.push(-Infinity) - 1
      rowEnds[row] = m.at
      return { ...m, row }
    })
  const rows = Math.max(1, rowEnds.length)
  const axis = 16 + rows * LINE.row
  const height = axis + 30
  return html`<svg class="atlas-timeline" viewBox="0 0 ${LINE.width} ${height}" width="${LINE.width}" height="${height}" aria-labelledby="atlas-line-title" focusable="false">
<title id="atlas-line-title">${ctx.t.atlasTimeline}</title>
<line class="axis" x1="${LINE.margin}" x2="${LINE.width - LINE.margin}" y1="${axis}" y2="${axis}"/>
${yearMarks(first, last, x).map((year) => html`<line class="tick" x1="${x(year).toFixed(1)}" x2="${x(year).toFixed(1)}" y1="${axis}" y2="${axis + 5}"/><text class="year" x="${x(year).toFixed(1)}" y="${axis + 20}">${year}</text>`)}
${placed.map(({ p, label, at, row }) => {
  const y = axis - 10 - row * LINE.row
  return html`<a href="#toc-${p.entry}" aria-label="${label}: ${p.year}"><line class="stem" x1="${at.toFixed(1)}" x2="${at.toFixed(1)}" y1="${y + 4}" y2="${axis}"/><circle cx="${at.toFixed(1)}" cy="${axis}" r="4"/><text x="${at.toFixed(1)}" y="${y}">${label}</text></a>`
})}</svg>`
}

/**
 * "The chapters on a map and a timeline": shown when at least two chapters
 * have a place and a year. The list under the drawings says in words what
 * they show, every chapter's place and year, each a link to the chapter.
 */
export function chapterAtlas(ctx: PageContext, points: ChapterPoint[]): SafeHtml {
  if (points.length < 2) return raw('')
  const { t } = ctx
  return html`<section id="atlas" class="book-section" aria-labelledby="atlas-h"><h2 id="atlas-h">${t.atlasTitle}</h2>
<div class="atlas">
<figure>${mapSvg(ctx, points)}<figcaption>${t.atlasMap}</figcaption></figure>
<figure>${timelineSvg(ctx, points)}<figcaption>${t.atlasTimeline}</figcaption></figure>
</div>
<h3 id="atlas-list-h">${t.atlasPlaces}</h3>
<ol class="atlas-list" aria-labelledby="atlas-list-h">${points.map((p, i) => html`<li><a href="#toc-${p.entry}">${fill(t.atlasChapters, { n: labelOf(p, i) })}</a>: ${placeText(p)}, <time datetime="${String(p.year).padStart(4, '0')}">${p.year}</time></li>`)}</ol>
</section>`
}

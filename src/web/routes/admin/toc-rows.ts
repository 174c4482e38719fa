import type { TocEntry } from '../../../catalog'

/**
 * A table of contents as the edit form shows it: one row per entry, in
 * reading order, each with its depth in the tree. The form posts rows as
 * `toc.N.kind`, `toc.N.number`, `toc.N.title` and `toc.N.depth`; the buttons
 * beside each row post `tocOp` = "up:N" and so on, and the page comes back
 * with the tree changed, not yet saved. That is the editor without
 * JavaScript; with it, the same request replaces only the tree's fieldset.
 */
export interface TocRow {
  kind: TocEntry['kind']
  number: string
  title: string
  depth: number
  /** Where and when the entry happens, as staff set them; empty, the title is read for them. */
  place: string
  year: string
}

export const TOC_KINDS: ReadonlyArray<TocEntry['kind']> = ['front', 'part', 'chapter', 'back']
export const TOC_OPS = ['up', 'down', 'indent', 'outdent', 'remove', 'add'] as const
export type TocOp = (typeof TOC_OPS)[number]

/** How deep a contents tree may go in the form (parts, chapters, sections, subsections...). */
export const MAX_TOC_DEPTH = 5

export function tocToRows(entries: TocEntry[], depth = 0): TocRow[] {
  return entries.flatMap((e) => [{ kind: e.kind, number: e.number ?? '', title: e.title, depth, place: e.place ?? '', year: e.year?.toString() ?? '' }, ...tocToRows(e.children ?? [], depth + 1)])
}

/** Rows back into a tree: a row deeper than the one before it is its child (a jump of several levels counts as one). */
export function rowsToToc(rows: TocRow[]): TocEntry[] {
  const roots: TocEntry[] = []
  const stack: Array<{ depth: number; entry: TocEntry }> = []
  for (const row of rows) {
    // A year that is not a number goes on as one, for the catalog's schema to name the field.
    const entry: TocEntry = { kind: row.kind, title: row.title, ...(row.number && { number: row.number }), ...(row.place && { place: row.place }), ...(row.year && { year: Number(row.year) }) }
    while (stack.length && stack[stack.length - 1]!.depth >= row.depth) stack.pop()
    const parent = stack[stack.length - 1]?.entry
    if (parent) (parent.children ??= []).push(entry)
    else roots.push(entry)
    stack.push({ depth: row.depth, entry })
  }
  return roots
}

/** The rows a form posted, in the order of their indexes; rows with an empty title are dropped (a blank row is how one is added). */
export function tocRowsFromForm(posted: Record<string, string>, { keepBlank = false } = {}): TocRow[] {
  const byIndex = new Map<number, Partial<Record<keyof TocRow, string>>>()
  for (const [name, value] of Object.entries(posted)) {
    const m = /^toc\.(\d{1,4})\.(kind|number|title|depth|place|year)$/.exec(name)
    if (!m) continue
    const index = Number(m[1])
    byIndex.set(index, { ...byIndex.get(index), [m[2]!]: value })
  }
  return [...byIndex.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, r]) => ({
      kind: TOC_KINDS.includes(r.kind as TocRow['kind']) ? (r.kind as TocRow['kind']) : 'chapter',
      number: (r.number ?? '').trim(),
      title: (r.title ?? '').trim(),
      depth: Math.min(MAX_TOC_DEPTH, Math.max(0, Math.trunc(Number(r.depth)) || 0)),
      place: (r.place ?? '').trim(),
      year: (r.year ?? '').trim(),
    }))
    .filter((r) => keepBlank || r.title)
    .reduce<TocRow[]>((rows, r) => [...rows, { ...r, depth: Math.min(r.depth, rows.length ? rows[rows.length - 1]!.depth + 1 : 0) }], [])
}

/** The row and everything under it: [start, end). */
function subtree(rows: TocRow[], i: number): [number, number] {
  let end = i + 1
  while (end < rows.length && rows[end]!.depth > rows[i]!.depth) end++
  return [i, end]
}

/** The sibling just before row i (same depth, same parent), if any. */
function previousSibling(rows: TocRow[], i: number): number | undefined {
  for (let j = i - 1; j >= 0; j--) {
    if (rows[j]!.depth < rows[i]!.depth) return undefined
    if (rows[j]!.depth === rows[i]!.depth) return j
  }
  return undefined
}

/**
 * One button's change to the rows: moving, indenting, outdenting or
 * removing an entry takes its sub-entries with it; "add" puts a blank row
 * after the entry's subtree (or at the end for "add:-1"). An index that is
 * not a row changes nothing.
 */
export function applyTocOp(rows: TocRow[], op: string): TocRow[] {
  const m = /^(up|down|indent|outdent|remove|add):(-?\d{1,4})$/.exec(op)
  if (!m) return rows
  const kind = m[1] as TocOp
  const i = Number(m[2])
  if (kind === 'add' && i === -1) return [...rows, { kind: 'chapter', number: '', title: '', depth: 0, place: '', year: '' }]
  if (i < 0 || i >= rows.length) return rows
  const [start, end] = subtree(rows, i)
  const block = rows.slice(start, end)
  const shift = (by: number) => [...rows.slice(0, start), ...block.map((r) => ({ ...r, depth: r.depth + by })), ...rows.slice(end)]
  switch (kind) {
    case 'remove':
      return [...rows.slice(0, start), ...rows.slice(end)]
    case 'add':
      return [...rows.slice(0, end), { kind: rows[i]!.kind, number: '', title: '', depth: rows[i]!.depth, place: '', year: '' }, ...rows.slice(end)]
    case 'indent':
      return previousSibling(rows, i) === undefined || block.some((r) => r.depth >= MAX_TOC_DEPTH) ? rows : shift(1)
    case 'outdent':
      return rows[i]!.depth === 0 ? rows : shift(-1)
    case 'up': {
      const before = previousSibling(rows, i)
      return before === undefined ? rows : [...rows.slice(0, before), ...block, ...rows.slice(before, start), ...rows.slice(end)]
    }
    case 'down': {
      if (end >= rows.length || rows[end]!.depth !== rows[i]!.depth) return rows
      const [, nextEnd] = subtree(rows, end)
      return [...rows.slice(0, start), ...rows.slice(end, nextEnd), ...block, ...rows.slice(nextEnd)]
    }
  }
}

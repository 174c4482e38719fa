import type { StaffMember } from '../../../accounts'
import type { Book } from '../../../catalog'
import { html } from '../../html'
import { fill } from '../../i18n'
import { href, type PageContext } from '../context'
import { coverImage, formFields } from '../parts'
import { staffLayout } from './layout'

/** What the cover page shows of one book. */
export interface CoverView {
  book: Pick<Book, 'isbn13' | 'title' | 'coverUrl' | 'cover' | 'contributors'>
  maxMb: number
  /** The reader may upload and remove (catalog.write). */
  mayWrite: boolean
  notice?: 'uploaded' | 'removed'
  /** Why the last upload was refused: its code and facts, and the name the browser gave the file. */
  refusal?: { code: string; params: Record<string, string | number>; fileName: string }
}

const words = {
  ko: {
    heading: '표지: {title}',
    edit: '책 고치기',
    history: '바뀐 내력',
    current: '지금 표지',
    uploadedSize: '올린 표지, 원본 {width}×{height} 픽셀',
    notUploaded: '올린 표지가 없어 출판사 표지나 자동으로 만든 표지가 보입니다.',
    upload: '새 표지 올리기',
    file: '이미지 파일',
    hint: 'JPEG, PNG, WebP, 최대 {maxMb}MB, 최소 200×300 픽셀. 메타데이터는 지우고 AVIF와 WebP로 세 가지 크기를 만듭니다.',
    send: '올리기',
    remove: '올린 표지 지우기',
    uploaded: '표지를 올렸습니다. 상품 페이지와 목록에 바로 보입니다.',
    removed: '올린 표지를 지웠습니다.',
    refusedFile: '“{name}”: {reason}',
    cover_missing: '올릴 이미지 파일을 고르세요.',
    cover_not_image: '이미지 파일이 아니거나 깨진 파일입니다.',
    cover_bad_type: '{type} 형식은 받지 않습니다. JPEG, PNG, WebP만 올릴 수 있습니다.',
    cover_too_large: '너무 큽니다. {maxMb}MB, {maxMegapixels}메가픽셀까지 올릴 수 있습니다.',
    cover_too_small: '너무 작습니다. 최소 {minWidth}×{minHeight} 픽셀이어야 합니다.',
    invalid: '올릴 수 없는 파일입니다.',
  },
  en: {
    heading: 'Cover: {title}',
    edit: 'Edit the book',
    history: 'History',
    current: 'Current cover',
    uploadedSize: 'Uploaded cover, {width}×{height} pixels as uploaded',
    notUploaded: "No cover uploaded: the publisher's cover or a generated one is shown.",
    upload: 'Upload a new cover',
    file: 'Image file',
    hint: 'JPEG, PNG or WebP, at most {maxMb} MB, at least 200×300 pixels. Metadata is removed; AVIF and WebP are made in three sizes.',
    send: 'Upload',
    remove: 'Remove the uploaded cover',
    uploaded: 'Cover uploaded. Product pages and lists show it now.',
    removed: 'The uploaded cover is removed.',
    refusedFile: '“{name}”: {reason}',
    cover_missing: 'Choose an image file to upload.',
    cover_not_image: 'This is not an image, or the file is damaged.',
    cover_bad_type: '{type} is not accepted: upload JPEG, PNG or WebP.',
    cover_too_large: 'Too large: at most {maxMb} MB and {maxMegapixels} megapixels.',
    cover_too_small: 'Too small: at least {minWidth}×{minHeight} pixels.',
    invalid: 'This file cannot be uploaded.',
  },
}

type Reason = 'cover_missing' | 'cover_not_image' | 'cover_bad_type' | 'cover_too_large' | 'cover_too_small'
const isReason = (code: string): code is Reason => ['cover_missing', 'cover_not_image', 'cover_bad_type', 'cover_too_large', 'cover_too_small'].includes(code)

/** A book's cover in the back office: what is shown now, an upload form (works without script) and removal. */
export function coverPage(ctx: PageContext, staff: StaffMember, view: CoverView): string {
  const w = words[ctx.lang]
  const { book, refusal } = view
  const path = `/admin/books/${book.isbn13}/cover`
  const reason = refusal && fill(isReason(refusal.code) ? w[refusal.code] : w.invalid, refusal.params)
  // The browser's name for the file is shown escaped and cut short: it is whatever the sender typed.
  const error = refusal && reason && (refusal.fileName ? fill(w.refusedFile, { name: refusal.fileName.slice(0, 80), reason }) : reason)
  const body = html`<p><a href="${href(ctx, `/admin/books/${book.isbn13}`)}">${w.edit}</a> · <a href="${href(ctx, `/admin/books/${book.isbn13}/history`)}">${w.history}</a></p>
<h1>${fill(w.heading, { title: book.title })}</h1>
${view.notice ? html`<p class="flash" role="status">${w[view.notice]}</p>` : ''}
<section aria-labelledby="cover-now"><h2 id="cover-now">${w.current}</h2>
<figure class="cover office-cover">${coverImage(book, { alt: fill(ctx.t.coverOf, { title: book.title }), sizes: '12rem', isFirstView: true })}
<figcaption>${book.cover ? fill(w.uploadedSize, { width: book.cover.width, height: book.cover.height }) : w.notUploaded}</figcaption></figure>
${view.mayWrite && book.cover ? html`<form method="post" action="${href(ctx, `${path}/remove`)}">${formFields(ctx)}<button class="btn" type="submit">${w.remove}</button></form>` : ''}</section>
${view.mayWrite
  ? html`<section aria-labelledby="cover-upload"><h2 id="cover-upload">${w.upload}</h2>
<form class="admin-form" method="post" action="${href(ctx, path)}" enctype="multipart/form-data">${formFields(ctx)}
<div class="field${error ? ' invalid' : ''}"><label for="cover-file">${w.file}</label>
<input id="cover-file" name="cover" type="file" accept="image/jpeg,image/png,image/webp" required aria-describedby="cover-hint${error ? ' cover-error' : ''}"${error ? html` aria-invalid="true"` : ''}>
<p id="cover-hint">${fill(w.hint, { maxMb: view.maxMb })}</p>${error ? html`<p class="error" id="cover-error" role="alert">${error}</p>` : ''}</div>
<button class="btn" type="submit">${w.send}</button></form></section>`
  : ''}`
  return staffLayout(ctx, staff, { title: fill(w.heading, { title: book.title }), path: '/admin/books' }, body)
}

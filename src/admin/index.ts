export { bookFromForm, bookToForm, tocFromText, tocToText, type BookForm, type FieldErrors } from './book-form'

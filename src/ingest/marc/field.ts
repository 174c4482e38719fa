/** One field of a MARC record, as the ISO 2709 and MARCXML readers hand it on. */
export interface MarcField {
  tag: string
  ind1: string
  ind2: string
  /** Control fields (00X) have a value and no subfields. */
  value?: string
  subfields: Array<[code: string, value: string]>
}

export interface MarcRecord {
  leader: string
  fields: MarcField[]
}

import { InputError } from '../core/errors'

/**
 * A file that cannot be read on: malformed XML, a truncated file, a wrong
 * encoding, something that is not the format at all. Names the file and the
 * position, so the message alone is enough to find the fault.
 */
export class FeedError extends InputError {
  constructor(
    readonly file: string,
    readonly position: string,
    reason: string,
  ) {
    super(position ? `${file}:${position}` : file, reason)
    this.name = 'FeedError'
  }
}

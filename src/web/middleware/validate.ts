import { zValidator } from '@hono/zod-validator'
import type { ZodType } from 'zod'
import { InputError } from '../../core/errors'

/** zod validation of a request part that fails with an InputError, so onError answers it like any bad input. */
export function valid<T extends ZodType, Target extends 'query' | 'param' | 'form' | 'json'>(target: Target, schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const issue = result.error.issues[0]!
      throw new InputError(issue.path.join('.') || target, issue.message)
    }
  })
}

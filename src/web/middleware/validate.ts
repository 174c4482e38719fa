import { zValidator } from '@hono/zod-validator'
import type { ZodType, core } from 'zod'
import { InputError, type ErrorParams } from '../../core/errors'

/** A zod issue as a code and its facts, which the error page words in the reader's language. */
function issueCode(issue: core.$ZodIssue): { code: string; params: ErrorParams } {
  switch (issue.code) {
    case 'invalid_value':
      return { code: 'one_of', params: { options: issue.values.map(String).join(', ') } }
    case 'too_small':
      return { code: 'too_small', params: { min: Number(issue.minimum) } }
    case 'too_big':
      return { code: 'too_big', params: { max: Number(issue.maximum) } }
    case 'invalid_format':
      return { code: 'bad_format', params: {} }
    case 'custom':
      return { code: typeof issue.params?.code === 'string' ? issue.params.code : 'invalid', params: {} }
    case 'invalid_type':
      return { code: issue.expected === 'int' || issue.expected === 'number' ? 'not_number' : 'invalid', params: {} }
    default:
      return { code: 'invalid', params: {} }
  }
}

/** The first issue of a failed validation as the InputError onError answers like any bad input. */
export function inputErrorOf(issues: readonly core.$ZodIssue[], target: string): InputError {
  const issue = issues[0]!
  return new InputError(issue.path.join('.') || target, issue.message, issueCode(issue))
}

/** zod validation of a request part that fails with an InputError, so onError answers it like any bad input. */
export function valid<T extends ZodType, Target extends 'query' | 'param' | 'form' | 'json'>(target: Target, schema: T) {
  return zValidator(target, schema, (result) => {
    if (!result.success) throw inputErrorOf(result.error.issues, target)
  })
}

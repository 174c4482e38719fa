import { parseArgs, type ParseArgsConfig } from 'node:util'
import { InputError } from '../core/errors'

export interface Command {
  name: string
  summary: string
  usage: string
  options: NonNullable<ParseArgsConfig['options']>
  run(values: Record<string, string | boolean | undefined>, positionals: string[]): Promise<void>
}

/** Parses a command's arguments strictly: an unknown flag is an error, not a silent no-op. */
export function parseCommandArgs(command: Command, argv: string[]) {
  try {
    return parseArgs({ args: argv, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true })
  } catch (e) {
    throw new InputError(command.name, (e as Error).message)
  }
}

/** A whole number from a flag, with a message naming the flag when it isn't one. */
export function intOption(name: string, value: string | boolean | undefined, fallback: number, min = 0): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (typeof value !== 'string' || !Number.isInteger(n) || n < min) throw new InputError(`--${name}`, `expected a whole number ≥ ${min}, got "${value}"`)
  return n
}

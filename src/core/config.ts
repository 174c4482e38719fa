import { z } from 'zod'
import { StartupError } from './errors'

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  COLOPHON_DB: z.string().min(1).default('colophon.db'),
  COLOPHON_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})

export type Config = z.infer<typeof envSchema>

/** Reads the environment once, at boot; every later reader trusts the result. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new StartupError(`invalid configuration: ${problems}`)
  }
  return parsed.data
}

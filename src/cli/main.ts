import { InputError, StartupError } from '../core/errors'
import { parseCommandArgs, type Command } from './args'
import { copyCommand } from './commands/copy'
import { demoCommand } from './commands/demo'
import { exportCommand } from './commands/export'
import { importCommand } from './commands/import'
import { ordersCommand } from './commands/orders'
import { qualityCommand } from './commands/quality'
import { recommendCommand } from './commands/recommend'
import { reindexCommand } from './commands/reindex'
import { serveCommand } from './commands/serve'
import { staffCommand } from './commands/staff'
import { subjectsCommand } from './commands/subjects'

const commands: Command[] = [serveCommand, demoCommand, importCommand, exportCommand, qualityCommand, subjectsCommand, reindexCommand, recommendCommand, copyCommand, ordersCommand, staffCommand]

function usage(): string {
  return `Usage: colophon <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Run "colophon <command> --help" for a command's options.
Environment: PORT, HOST, COLOPHON_DB (SQLite path or postgres:// URL), COLOPHON_DB_POOL, COLOPHON_LOG_LEVEL.
`
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage())
    return name ? 0 : 2
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    process.stderr.write(`colophon: unknown command "${name}"\n\n${usage()}`)
    return 2
  }
  const { values, positionals } = parseCommandArgs(command, rest)
  if (values.help) {
    process.stdout.write(command.usage + '\n')
    return 0
  }
  await command.run(values, positionals)
  return 0
}

// A reader that went away (`colophon export --format csv | head -1`) has what it wanted:
// end quietly, as a program stopped by SIGPIPE does, instead of failing on every later write.
// With stderr gone there is no one left to tell, so the work goes on in silence.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err
  process.exit(0)
})
process.stderr.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err
})

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== 0) process.exitCode = code
  },
  (err: unknown) => {
    const known = err instanceof InputError || err instanceof StartupError
    process.stderr.write(`colophon: ${known ? (err as Error).message : (err as Error).stack}\n`)
    process.exitCode = known ? 2 : 1
  },
)

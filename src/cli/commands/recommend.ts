import { loadConfig } from '../../core/config'
import { InputError } from '../../core/errors'
import { openStore } from '../../store'
import type { Command } from '../args'
import { buildServices } from '../services'

export const recommendCommand: Command = {
  name: 'recommend',
  summary: 'rebuild the precomputed recommendation lists',
  usage: `colophon recommend --rebuild

Recomputes every book's "You may also like" list in COLOPHON_DB from the
catalog and the recorded shopper events (views, carts, purchases), then
replaces all lists in one transaction. Pages that show them are refreshed.
Run it on a schedule (nightly, say); pages never compute recommendations.

  --rebuild   recompute every list`,
  options: { rebuild: { type: 'boolean' } },
  async run(values) {
    if (!values.rebuild) throw new InputError('recommend', 'nothing to do: pass --rebuild')
    const config = loadConfig()
    const store = await openStore(config.COLOPHON_DB)
    try {
      const stats = await buildServices(store).recommend.rebuild()
      const peak = Math.round(process.resourceUsage().maxRSS / 1024)
      process.stderr.write(
        `rebuilt ${stats.lists} lists (${stats.rows} recommendations) for ${stats.books} books from ${stats.events} events in ${stats.sessions} sessions in ${stats.seconds.toFixed(1)} s (peak RSS ${peak} MB)\n`,
      )
    } finally {
      await store.close()
    }
  },
}

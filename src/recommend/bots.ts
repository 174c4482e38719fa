// Crawlers, link previewers, monitors and scripted clients name themselves in
// their User-Agent; a missing one is a script too. Their views are not interest.
const botAgents = /bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|headless|lighthouse|pingdom|curl|wget|python|httpclient|okhttp|go-http|java\/|node-fetch|axios|undici|libwww|scrapy/i

/** Whether a User-Agent is a crawler or a script rather than a shopper's browser. */
export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || botAgents.test(userAgent)
}

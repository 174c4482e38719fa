import { Counter, Histogram, Registry, Summary, collectDefaultMetrics } from 'prom-client'

/** The process's Prometheus metrics: requests, page cache, render and query time. */
export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const buckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1]
  return {
    registry,
    requests: new Counter({ name: 'colophon_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['route', 'status'], registers: [registry] }),
    duration: new Histogram({ name: 'colophon_http_request_duration_seconds', help: 'Time to answer a request, by route', labelNames: ['route'], buckets, registers: [registry] }),
    cacheHits: new Counter({ name: 'colophon_page_cache_hits_total', help: 'Pages answered from the rendered-page cache', registers: [registry] }),
    cacheMisses: new Counter({ name: 'colophon_page_cache_misses_total', help: 'Cacheable pages that had to be rendered', registers: [registry] }),
    // A summary, not a histogram: operators and the bench read each worker's true p50/p99 render time.
    render: new Summary({
      name: 'colophon_page_render_seconds',
      help: 'Time to build a page (queries and HTML) over the last minute, by route',
      labelNames: ['route'],
      percentiles: [0.5, 0.9, 0.99],
      maxAgeSeconds: 60,
      ageBuckets: 6,
      registers: [registry],
    }),
    query: new Histogram({ name: 'colophon_db_query_seconds', help: 'Database query time', buckets, registers: [registry] }),
  }
}

export type Metrics = ReturnType<typeof createMetrics>

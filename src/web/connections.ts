import type { IncomingMessage, Server, ServerOptions, ServerResponse } from 'node:http'

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

/**
 * Requests already waiting that one turn of the event loop answers (see answerInTurns).
 * 16 took in a burst of 1,000 new connections at half the rate; neither 4 nor 16 cost
 * throughput measurable at 50 connections (BENCHMARKS.md, fairness).
 */
const REQUESTS_PER_TURN = 8

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void

/** Limits applied to the server right after createServer: its request listener is made to take turns. */
export function limitConnections(server: Server): void {
  const listeners = server.listeners('request') as RequestListener[]
  server.removeAllListeners('request')
  server.on(
    'request',
    answerInTurns((req, res) => {
      for (const listener of listeners) listener.call(server, req, res)
    }),
  )
}

/**
 * libuv accepts one connection per turn of the event loop (since 1.45, libuv
 * pull request 3696), and the cluster primary hands a worker one connection per
 * turn too. A turn used to answer every busy connection, so under 1,000 busy
 * keep-alive connections a turn took hundreds of milliseconds and a new visitor
 * waited 7-16 s to be accepted (bench/fairness.ts). Now a turn answers at most
 * REQUESTS_PER_TURN waiting requests, oldest first, which keeps turns short;
 * a connection's first request is answered at once, and since only one
 * connection is accepted per turn, newcomers can take at most a small share.
 */
function answerInTurns(answer: RequestListener): RequestListener {
  const hasAsked = new WeakSet<object>()
  let waiting: [IncomingMessage, ServerResponse][] = []
  let next = 0
  let isScheduled = false
  const schedule = () => {
    if (isScheduled) return
    isScheduled = true
    setImmediate(turn)
  }
  const turn = () => {
    isScheduled = false
    const end = Math.min(waiting.length, next + REQUESTS_PER_TURN)
    // Scheduled before answering, so a listener that throws cannot strand the rest.
    if (end < waiting.length) schedule()
    while (next < end) {
      const [req, res] = waiting[next]!
      waiting[next++] = undefined as never
      // Its connection is gone (the client left, or the server is stopping and cut it): nobody to answer, and the store may be closed.
      if (!req.socket.destroyed) answer(req, res)
    }
    if (next === waiting.length || next >= 1024) {
      waiting = waiting.slice(next)
      next = 0
    }
  }
  return (req, res) => {
    if (!hasAsked.has(req.socket)) {
      hasAsked.add(req.socket)
      return answer(req, res)
    }
    waiting.push([req, res])
    schedule()
  }
}

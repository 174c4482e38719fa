import type { ChildProcess } from 'node:child_process'
import { connect } from 'node:net'
import { join } from 'node:path'
import { buildServices } from '../../src/cli/services'
import { fillDemoCatalog } from '../../src/demo'
import { openStore } from '../../src/store'
import { testShop } from '../helpers'

/** A SQLite file with a few demo books, so `serve` starts without writing the 2,000-book demo catalog. */
export async function smallCatalog(dir: string, books = 20): Promise<string> {
  const path = join(dir, 'shop.db')
  const store = await openStore(path)
  await fillDemoCatalog(buildServices(store, undefined, testShop()).catalog, { books })
  await store.close()
  return path
}

/** Waits until `workers` processes log "serving" on the child's stdout (pino JSON lines); their URL and pids. */
export function serving(child: ChildProcess, workers: number, timeoutMs = 60_000): Promise<{ url: string; pids: number[] }> {
  return new Promise((resolve, reject) => {
    let out = ''
    const pids: number[] = []
    const timer = setTimeout(() => reject(new Error(`not serving after ${timeoutMs} ms: ${out}`)), timeoutMs)
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      for (let nl = out.indexOf('\n'); nl >= 0; nl = out.indexOf('\n')) {
        const line = out.slice(0, nl)
        out = out.slice(nl + 1)
        const entry = line.startsWith('{') ? (JSON.parse(line) as { msg?: string; url?: string; pid?: number }) : {}
        if (entry.msg !== 'serving') continue
        pids.push(entry.pid!)
        if (pids.length === workers) {
          clearTimeout(timer)
          resolve({ url: entry.url!.replace('localhost', '127.0.0.1'), pids })
        }
      }
    })
    child.once('exit', (code) => reject(new Error(`exited with ${code} before serving: ${out}`)))
  })
}

export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** The child's exit code and how long after `since` it came; null when it is still running after timeoutMs. */
export function exited(child: ChildProcess, since: number, timeoutMs: number): Promise<{ code: number | null; signal: string | null; ms: number } | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode, ms: Date.now() - since })
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, ms: Date.now() - since })
    })
  })
}

/** Whether a new connection to the URL is refused. */
export function isRefused(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname)
    socket.once('connect', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', () => resolve(true))
  })
}

/**
 * A request in flight: a form POST whose headers and first half of the body
 * are sent, so the server is busy reading it until `finish` sends the rest.
 * `answer` is everything the server sent back by the time it closed the connection.
 */
export async function uploadInFlight(url: string): Promise<{ answered(): boolean; finish(): Promise<string> }> {
  const { hostname, port } = new URL(url)
  const body = 'isbn=9788962633245&quantity=1'
  const socket = connect(Number(port), hostname)
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject))
  let answer = ''
  socket.on('data', (d: Buffer) => (answer += d.toString('latin1')))
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()))
  socket.on('error', () => undefined)
  socket.write(`POST /cart/items HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`)
  return {
    answered: () => answer.length > 0,
    async finish() {
      if (!socket.destroyed) socket.write(body.slice(10))
      await ended
      return answer
    },
  }
}

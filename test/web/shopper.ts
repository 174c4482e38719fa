/** Anything that answers requests: a Hono app (app.request) or a running server (fetch on its base URL). */
export type Requester = (path: string, init: RequestInit) => Promise<Response>

export const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36'
const TOKEN = /name="_csrf" value="([\w-]+)"/

/**
 * A shopper as a browser is one: a cookie jar of one session, and form
 * posts made from the store's own pages (the form token the last page
 * carried, Sec-Fetch-Site: same-origin).
 */
export function shopper(request: Requester, { startAt = '/books/9788962633245' }: { startAt?: string } = {}) {
  // Several cookies (the session, a signed-in account), in the order they were first set; Max-Age=0 removes one.
  const jar = new Map<string, string>()
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ')
  let token = ''
  const send = async (method: string, path: string, form?: Record<string, string>, extra: Record<string, string> = {}) => {
    const res = await request(path, {
      method,
      redirect: 'manual',
      headers: {
        'user-agent': BROWSER,
        ...(method === 'GET' ? {} : { 'sec-fetch-site': 'same-origin' }),
        ...(jar.size ? { cookie: cookieHeader() } : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...extra,
      },
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    })
    for (const set of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = set.split(';')
      const eq = pair.indexOf('=')
      const name = pair.slice(0, eq).trim()
      if (attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))) jar.delete(name)
      else jar.set(name, pair.slice(eq + 1))
    }
    return res
  }
  /** Reads a page and keeps the form token it carries. */
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await send('GET', path, undefined, headers)
    const text = await res.clone().text()
    const found = TOKEN.exec(text)
    if (found) token = found[1]!
    return res
  }
  /** Posts a form as the store's own page would, fetching a page for a token first if none is known. */
  const post = async (path: string, form: Record<string, string> = {}, headers: Record<string, string> = {}) => {
    if (!token) await get(startAt)
    return send('POST', path, { ...form, _csrf: token }, headers)
  }
  /** Sets a cookie by hand, as a forger would; an empty value removes it. */
  const setCookie = (name: string, value: string) => (value ? jar.set(name, value) : jar.delete(name))
  return { send, get, post, setCookie, cookie: cookieHeader, cookieValue: (name: string) => jar.get(name), token: () => token, session: () => jar.get('sid')?.split('.')[0] ?? '' }
}

export function appRequester(app: { request(path: string, init: RequestInit): Response | Promise<Response> }): Requester {
  return async (path, init) => app.request(path, init)
}

export function serverRequester(base: string): Requester {
  return (path, init) => fetch(base + path, init)
}

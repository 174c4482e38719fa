import { Hono } from 'hono'
import type { CatalogService } from '../../catalog'
import { onixMessage } from '../../ingest'

/** GET /feeds/onix.xml: the whole catalog as ONIX 3.0, streamed product by product. */
export const onixFeed = ({ catalog }: { catalog: CatalogService }) =>
  new Hono().get('/onix.xml', () => {
    const encoder = new TextEncoder()
    const products = onixMessage(catalog.allBooks())
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await products.next()
        if (next.done) controller.close()
        else controller.enqueue(encoder.encode(next.value))
      },
      async cancel() {
        await products.return(undefined)
      },
    })
    return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } })
  })

// The hello-world baseline for bench/tributes.ts: the same stack as the real server (hono on
// @hono/node-server, started the same way) with one route that does nothing.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.text('hello world'));
const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' }, (info) => {
  console.log(`Open http://127.0.0.1:${info.port}/`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

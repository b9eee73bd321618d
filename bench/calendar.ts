// The campaign calendar (issue 18): what `GET /campaigns/current`, `/campaigns/next`, one
// campaign by id and a beacon cost now that campaigns are computed from rules on each request,
// against the real server in this process (test helper, fresh database: PGlite in memory, or
// PostgreSQL with TEST_DATABASE_URL), one request at a time; and the pure calendar's cost per day.
// Figures, not pass/fail.
//
//   node --import tsx bench/calendar.ts [--seconds N]
import { parseArgs } from 'node:util';
import { seededCalendar } from '../server/calendar/seeded.js';
import { addDays } from '../server/calendar/days.js';
import { startTestServer } from '../test/helpers/server.js';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '4' } } });
const SECONDS = Number(values.seconds);

const server = await startTestServer({ seed: false, clock: new Date('2031-05-01T10:00:00+08:00') });
const quantile = (xs: number[], q: number) => xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

async function phase(name: string, send: (i: number) => Promise<Response>): Promise<void> {
  const times: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  for (let i = 0; performance.now() < end; i++) {
    const t = performance.now();
    const res = await send(i);
    await res.arrayBuffer();
    if (res.status >= 400) throw new Error(`${name}: HTTP ${res.status}`);
    times.push(performance.now() - t);
  }
  console.log(`${name.padEnd(34)} ${String(times.length).padStart(6)} requests  ${(times.length / SECONDS).toFixed(0).padStart(5)}/s  median ${quantile(times, 0.5).toFixed(2)} ms  p95 ${quantile(times, 0.95).toFixed(2)} ms`);
}

const api = `${server.baseUrl}/api/v1`;
console.log(`database: ${server.db.kind}, ${SECONDS} s per phase, sequential`);
await phase('GET /health (baseline)', () => fetch(`${api}/health`));
await phase('GET /campaigns/next', () => fetch(`${api}/campaigns/next`));
await phase('GET /campaigns/current (404 today)', async () => {
  const res = await fetch(`${api}/campaigns/current`);
  return res.status === 404 ? new Response('{}') : res;
});
await phase('GET /campaigns/qingming-{2019..2100}', (i) => fetch(`${api}/campaigns/qingming-${2019 + (i % 82)}`));
await phase('POST /campaigns/qingming-2031/events', () =>
  fetch(`${api}/campaigns/qingming-2031/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'impression', origin: 'https://www.a-county.gov.cn', path: '/' }) }),
);

// the calendar itself, without the database: current and next for every day 2019–2100
const calendar = seededCalendar();
let days = 0;
const t = performance.now();
for (let day = '2019-01-01'; day <= '2100-12-31'; day = addDays(day, 1), days++) {
  calendar.current(day);
  calendar.next(day);
}
console.log(`pure calendar: current + next for ${days} days in ${(performance.now() - t).toFixed(0)} ms (one calendar object, ranges cached)`);
const fresh = performance.now();
for (let i = 0; i < 1000; i++) seededCalendar().next('2031-05-01');
console.log(`pure calendar: a fresh calendar + next(), as per request: ${((performance.now() - fresh) / 1000).toFixed(3)} ms`);
await server.close();

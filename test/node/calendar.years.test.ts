/**
 * The campaign calendar never runs out (issue 18): every year from 2019 to 2100, on the seed's
 * rules, `current` and `next` answer sensibly — every day in the pure calendar, and on dates
 * around each campaign through the real server (its clock set per date) on PGlite or PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Solar } from 'lunar-typescript';
import { CalendarCampaign } from '../../src/contract/index.js';
import { addDays } from '../../server/calendar/days.js';
import { seededCalendar } from '../../server/calendar/seeded.js';
import { call } from '../helpers/http.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const FIRST = 2019;
const LAST = 2100;
const calendar = seededCalendar();

/** 清明 by lunar-typescript's Solar.getJieQi lookup day by day, not the table the rules use. */
function qingmingByScan(year: number): string {
  for (let d = 1; d <= 10; d++) if (Solar.fromYmd(year, 4, d).getLunar().getJieQi() === '清明') return `${year}-04-${String(d).padStart(2, '0')}`;
  throw new Error(`no 清明 in early April ${year}`);
}

describe('the calendar, every day from 2019 to 2100', () => {
  it('Qingming every year: its window contains that year’s solar term (4–6 April) and is 61 days long', () => {
    for (let y = FIRST; y <= LAST; y++) {
      const c = calendar.byId(`qingming-${y}`);
      assert.ok(c, `qingming-${y}`);
      const term = qingmingByScan(y);
      assert.match(term, /-04-0[456]$/, `${y}: 清明 on ${term}`);
      assert.ok(c.startDate <= term && term <= c.endDate, `${c.id}: ${c.startDate}..${c.endDate} misses ${term}`);
      if (y !== 2020) assert.deepEqual([c.startDate, c.endDate], [addDays(term, -54), addDays(term, 6)], c.id);
      for (const [id, md] of [['victory-day', '09-03'], ['martyrs-day', '09-30'], ['memorial-day', '12-13']] as const) {
        const day = calendar.byId(`${id}-${y}`);
        assert.deepEqual([day?.startDate, day?.endDate], [`${y}-${md}`, `${y}-${md}`], `${id}-${y}`);
      }
    }
  });

  it('on every day, `next` exists and nothing starts in between; `current` is active and the latest started', () => {
    let days = 0;
    let active = 0;
    for (let day = `${FIRST}-01-01`; day <= `${LAST}-12-31`; day = addDays(day, 1)) {
      days++;
      const next = calendar.next(day);
      assert.ok(next, `no next campaign after ${day}`);
      assert.ok(next.startDate > day, `${day}: next ${next.id} starts ${next.startDate}`);
      // no campaign starts after `day` and before `next`
      const y = Number(day.slice(0, 4));
      const sooner = calendar.startingIn(y, y + 1).filter((c) => c.startDate > day && c.startDate < next.startDate);
      assert.deepEqual(sooner.map((c) => c.id), [], `${day}: next is ${next.id}`);
      const current = calendar.current(day);
      const all = calendar.activeOn(day);
      if (current) {
        active++;
        assert.ok(current.startDate <= day && day <= current.endDate, `${day}: ${current.id}`);
        for (const other of all) assert.ok(other.startDate <= current.startDate, `${day}: ${other.id} started after ${current.id}`);
      } else {
        assert.deepEqual(all, [], day);
      }
    }
    assert.equal(days, 29_950);
    // 61 Qingming days plus three one-day campaigns a year (2020's window is 61 days too)
    assert.equal(active, (LAST - FIRST + 1) * 64);
  });
});

describe('GET /campaigns/current and /campaigns/next on the server, 2019–2100', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ seed: false });
  });
  after(() => server?.close());

  async function at(day: string, time = '10:00:00') {
    server.setNow(new Date(`${day}T${time}+08:00`));
    const [current, next] = await Promise.all([call(server, 'GET', '/campaigns/current'), call(server, 'GET', '/campaigns/next')]);
    assert.equal(next.status, 200, `${day}: next ${JSON.stringify(next.body)}`);
    assert.ok(CalendarCampaign.safeParse(next.body).success, `${day}: next matches the contract`);
    if (current.status === 200) assert.ok(CalendarCampaign.safeParse(current.body).success, `${day}: current matches the contract`);
    else assert.deepEqual([current.status, current.body.code], [404, 'not_found'], day);
    return { current: current.status === 200 ? (current.body as CalendarCampaign).id : null, next: (next.body as CalendarCampaign).id };
  }

  it('answers on ten dates around each year’s campaigns', async () => {
    let checked = 0;
    for (let y = FIRST; y <= LAST; y++) {
      const q = calendar.byId(`qingming-${y}`)!;
      const expectations: [string, string | null, string][] = [
        [`${y}-01-01`, null, `qingming-${y}`],
        [addDays(q.startDate, -1), null, `qingming-${y}`],
        [q.startDate, `qingming-${y}`, `victory-day-${y}`],
        [qingmingByScan(y), `qingming-${y}`, `victory-day-${y}`],
        [q.endDate, `qingming-${y}`, `victory-day-${y}`],
        [addDays(q.endDate, 1), null, `victory-day-${y}`],
        [`${y}-09-03`, `victory-day-${y}`, `martyrs-day-${y}`],
        [`${y}-09-30`, `martyrs-day-${y}`, `memorial-day-${y}`],
        [`${y}-12-13`, `memorial-day-${y}`, `qingming-${y + 1}`],
        [`${y}-12-31`, null, `qingming-${y + 1}`],
      ];
      for (const [day, current, next] of expectations) {
        assert.deepEqual(await at(day), { current, next }, `${y}: on ${day}`);
        checked++;
      }
    }
    assert.equal(checked, (LAST - FIRST + 1) * 10);
  });

  it('decides the day in Asia/Shanghai: 23:59 on the last day is still inside, 00:00 after is not', async () => {
    assert.deepEqual(await at('2064-12-13', '23:59:00'), { current: 'memorial-day-2064', next: 'qingming-2065' });
    assert.deepEqual(await at('2064-12-14', '00:00:00'), { current: null, next: 'qingming-2065' });
  });
});

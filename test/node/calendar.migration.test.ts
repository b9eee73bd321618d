/**
 * Migration 0007 on a database from before the calendar: the rows the old seed wrote for
 * 2019–2026 give way to the rules (same ids, so embed statistics stay with their campaign), a
 * row staff edited stays and wins, and beacons for computed campaigns can be stored.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CampaignCalendar } from '../../server/calendar/calendar.js';
import { openDatabase, type Database } from '../../server/db/database.js';
import { migrate } from '../../server/db/migrate.js';
import { seedDatabase } from '../../server/seed-database.js';

const url = process.env.TEST_DATABASE_URL;
const schema = url ? `t_mig7_${process.pid}_${Date.now().toString(36)}` : undefined;
let db: Database;

/** Back to the state before 0007: the old tables, the foreign key and the old seed's rows. */
async function asBeforeTheCalendar(): Promise<void> {
  await db.exec(`DROP TABLE campaign_overrides; DROP TABLE campaign_rules; DELETE FROM campaigns;
    ALTER TABLE campaign_embeds ADD CONSTRAINT campaign_embeds_campaign_id_fkey FOREIGN KEY (campaign_id) REFERENCES campaigns(id) ON DELETE CASCADE;
    DELETE FROM schema_migrations WHERE name = '0007_campaign_calendar.sql';`);
  for (let y = 2019; y <= 2026; y++) {
    for (const [id, kind, title, start, end] of [
      [`qingming-${y}`, 'qingming', `${y}清明祭英烈`, `${y}-03-15`, `${y}-04-15`],
      [`martyrs-day-${y}`, 'martyrs-day', `${y}年烈士纪念日`, `${y}-09-30`, `${y}-09-30`],
      [`memorial-day-${y}`, 'memorial-day', `${y}年南京大屠杀死难者国家公祭日`, `${y}-12-13`, `${y}-12-13`],
    ]) {
      await db.query(`INSERT INTO campaigns (id, kind, title, theme, start_date, end_date, url, partner_links) VALUES ($1, $2, $3, NULL, $4, $5, 'https://www.chinamartyrs.gov.cn/', '[]')`, [id, kind, title, start, end]);
    }
  }
  // staff edited one row later (PUT /admin/campaigns): it is theirs now
  await db.query(`UPDATE campaigns SET title = '2025年烈士纪念日·本县', updated_at = now() + interval '1 minute' WHERE id = 'martyrs-day-2025'`);
  for (const id of ['qingming-2024', 'martyrs-day-2025']) {
    await db.query(`INSERT INTO campaign_embeds (campaign_id, origin, day, impressions, clicks) VALUES ($1, 'https://www.a-county.gov.cn', '2024-03-01', 7, 2)`, [id]);
  }
}

before(async () => {
  db = await openDatabase({ databaseUrl: url, schema });
  await migrate(db);
  await asBeforeTheCalendar();
  assert.deepEqual(await migrate(db), ['0007_campaign_calendar.sql']);
  await seedDatabase(db, { sampleMartyrs: false });
});
after(async () => {
  if (schema) await db.query(`DROP SCHEMA "${schema}" CASCADE`).catch(() => {});
  await db.close();
});

describe('migration 0007 on a database with the old seed rows', () => {
  it('the unedited rows are gone and the rules answer for the same ids', async () => {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM campaigns ORDER BY id');
    assert.deepEqual(rows.map((r) => r.id), ['martyrs-day-2025']);
    const q = await CampaignCalendar.find(db, 'qingming-2024');
    assert.deepEqual([q?.title, q?.startDate, q?.endDate], ['铸魂·2024清明祭英烈', '2024-02-10', '2024-04-10']);
  });

  it('keeps the row staff edited, and it wins over the rule', async () => {
    assert.equal((await CampaignCalendar.find(db, 'martyrs-day-2025'))?.title, '2025年烈士纪念日·本县');
    assert.equal((await CampaignCalendar.find(db, 'martyrs-day-2024'))?.title, '2024年烈士纪念日');
  });

  it('keeps every embed statistic, and stores beacons for campaigns without a row', async () => {
    const { rows } = await db.query<{ campaign_id: string; impressions: number }>('SELECT campaign_id, impressions FROM campaign_embeds ORDER BY campaign_id');
    assert.deepEqual(rows.map((r) => [r.campaign_id, Number(r.impressions)]), [['martyrs-day-2025', 7], ['qingming-2024', 7]]);
    await db.query(`INSERT INTO campaign_embeds (campaign_id, origin, day, impressions) VALUES ('qingming-2031', 'https://www.a-county.gov.cn', '2031-03-01', 1)`);
  });

  it('a restart neither seeds again nor undoes a removed override', async () => {
    await db.query(`DELETE FROM campaign_overrides WHERE rule_id = 'qingming' AND year = 2021`);
    await seedDatabase(db, { sampleMartyrs: false });
    const { rows } = await db.query<{ n: number }>('SELECT CAST(count(*) AS int) AS n FROM campaign_overrides');
    assert.equal(Number(rows[0]?.n), 6);
    assert.equal((await CampaignCalendar.find(db, 'qingming-2021'))?.theme, null);
  });
});

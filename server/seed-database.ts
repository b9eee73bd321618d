import type { Database } from './db/database.js';
import { insertRows } from './db/insert-rows.js';
import { insertMartyrs, martyrRow } from './martyr-store.js';
import { sampleMartyrs } from './seed/sample-martyrs.js';
import { seedCampaignOverrides, seedCampaignRules } from './seed/campaigns.js';
import { CampaignRule } from '../src/contract/index.js';
import { insertRule, putOverride } from './calendar/store.js';
import { seedPeriods } from './seed/periods.js';
import { sampleBurials, sampleGraves, seedSampleCemetery } from './seed/cemetery.js';
import { databasePhotoStore } from './photos/store.js';

export { insertRows };

/**
 * Seeds periods and campaigns (reference data, always kept present) and, when the roll is
 * empty, the fictional sample martyrs. Sample ids are stable so demo pages can link to them.
 */
export async function seedDatabase(
  db: Database,
  opts: { sampleMartyrs?: boolean; sampleCemetery?: boolean; samplePhotos?: boolean } = {},
): Promise<{ martyrs: number; graves?: number }> {
  return db.transaction(async (tx) => {
    // Several server processes may start at once on one PostgreSQL: one seeds, the others then find the rows.
    if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(7461201)');
    await insertRows(
      tx,
      'periods',
      ['id', 'sort_order', 'name_zh_hans', 'name_zh_hant', 'name_en'],
      seedPeriods().map((p) => [p.id, p.sortOrder, p.names['zh-Hans'], p.names['zh-Hant'], p.names.en]),
      'ON CONFLICT (id) DO NOTHING',
    );
    // The calendar's rules and overrides on first start only: a bureau's later changes (an
    // override removed, a rule ended) are never undone by a restart.
    const rules = await tx.query<{ n: number }>('SELECT CAST(count(*) AS int) AS n FROM campaign_rules');
    if (Number(rules.rows[0]?.n) === 0) {
      for (const r of seedCampaignRules()) await insertRule(tx, CampaignRule.parse(r));
      for (const [ruleId, year, o] of seedCampaignOverrides()) await putOverride(tx, ruleId, year, o);
    }
    if (opts.sampleMartyrs === false) return { martyrs: 0 };
    const { rows } = await tx.query<{ n: number }>('SELECT CAST(count(*) AS int) AS n FROM martyrs');
    if (Number(rows[0]?.n) > 0) return { martyrs: 0 };
    // martyrRow adds the name-search keys (server/search/name-keys.ts), as every write path does.
    const roll = sampleMartyrs();
    const ids = roll.map((_, i) => `sample-${String(i + 1).padStart(4, '0')}`);
    // The sample cemetery (server/seed/cemetery.ts): linked martyrs' 安葬地 text names their grave.
    const burials = opts.sampleCemetery === false ? new Map() : sampleBurials(sampleGraves(roll.length));
    const martyrs = roll.map((m, i) => martyrRow(ids[i]!, { ...m, burial: burials.get(i) ?? m.burial, sample: true }));
    await insertMartyrs(tx, martyrs);
    if (opts.sampleCemetery === false) return { martyrs: martyrs.length };
    const graves = await seedSampleCemetery(tx, databasePhotoStore, ids, { photos: opts.samplePhotos });
    return { martyrs: martyrs.length, graves };
  });
}

import type { Database, Queryable } from './db/database.js';
import { sampleMartyrs } from './seed/sample-martyrs.js';
import { seedCampaigns } from './seed/campaigns.js';
import { seedPeriods } from './seed/periods.js';

const MARTYR_COLUMNS = [
  'id', 'name', 'sex', 'ethnicity', 'native_place_text', 'native_place_code', 'birth_date', 'enlistment_date', 'unit', 'post',
  'death_date', 'death_place', 'period', 'burial_cemetery', 'burial_section', 'burial_row', 'burial_number', 'photo_url',
  'biography', 'approval_authority', 'approval_date', 'seeking_relatives', 'sample',
] as const;

/** Inserts rows in chunks that stay under PostgreSQL's 65,535 bind parameters. */
export async function insertRows(db: Queryable, table: string, columns: readonly string[], rows: unknown[][], suffix = ''): Promise<void> {
  const perChunk = Math.floor(60000 / columns.length);
  for (let start = 0; start < rows.length; start += perChunk) {
    const chunk = rows.slice(start, start + perChunk);
    const params: unknown[] = [];
    const values = chunk.map((row) => `(${row.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`);
    await db.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')} ${suffix}`, params);
  }
}

/**
 * Seeds periods and campaigns (reference data, always kept present) and, when the roll is
 * empty, the fictional sample martyrs. Sample ids are stable so demo pages can link to them.
 */
export async function seedDatabase(db: Database, opts: { sampleMartyrs?: boolean } = {}): Promise<{ martyrs: number }> {
  return db.transaction(async (tx) => {
    await insertRows(
      tx,
      'periods',
      ['id', 'sort_order', 'name_zh_hans', 'name_zh_hant', 'name_en'],
      seedPeriods().map((p) => [p.id, p.sortOrder, p.names['zh-Hans'], p.names['zh-Hant'], p.names.en]),
      'ON CONFLICT (id) DO NOTHING',
    );
    await insertRows(
      tx,
      'campaigns',
      ['id', 'kind', 'title', 'theme', 'start_date', 'end_date', 'url', 'partner_links'],
      seedCampaigns().map((c) => [c.id, c.kind, c.title, c.theme, c.startDate, c.endDate, c.url, JSON.stringify(c.partnerLinks)]),
      'ON CONFLICT (id) DO NOTHING',
    );
    if (opts.sampleMartyrs === false) return { martyrs: 0 };
    const { rows } = await tx.query<{ n: number }>('SELECT CAST(count(*) AS int) AS n FROM martyrs');
    if (Number(rows[0]?.n) > 0) return { martyrs: 0 };
    const martyrs = sampleMartyrs().map((m, i) => [
      `sample-${String(i + 1).padStart(4, '0')}`, m.name, m.sex, m.ethnicity, m.nativePlace?.text ?? null, m.nativePlace?.code ?? null,
      m.birthDate, m.enlistmentDate, m.unit, m.post, m.deathDate, m.deathPlace, m.period, m.burial?.cemetery ?? null,
      m.burial?.section ?? null, m.burial?.row ?? null, m.burial?.number ?? null, m.photoUrl, m.biography,
      m.approval?.authority ?? null, m.approval?.date ?? null, m.seekingRelatives, true,
    ]);
    await insertRows(tx, 'martyrs', MARTYR_COLUMNS, martyrs);
    return { martyrs: martyrs.length };
  });
}

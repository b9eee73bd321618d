import type { CampaignOverride, CampaignOverrideInput, CampaignRule, CampaignRuleWithOverrides } from '../../src/contract/index.js';
import type { Queryable } from '../db/database.js';

interface RuleRow {
  id: string;
  kind: CampaignRule['kind'];
  title: string;
  anchor: string;
  days_before: number;
  days_after: number;
  url: string;
  partner_links: CampaignRule['partnerLinks'] | string;
  label: CampaignRule['label'] | string;
  tone: CampaignRule['tone'];
  first_year: number;
  last_year: number | null;
}

interface OverrideRow {
  rule_id: string;
  year: number;
  title: string | null;
  theme: string | null;
  start_date: string | null;
  end_date: string | null;
  url: string | null;
  partner_links: CampaignOverride['partnerLinks'] | string;
  source: string | null;
}

// jsonb arrives parsed from PostgreSQL and PGlite alike, but text from a driver configured otherwise.
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

const RULE_COLUMNS = 'id, kind, title, anchor, days_before, days_after, url, partner_links, label, tone, first_year, last_year';
const OVERRIDE_COLUMNS = 'rule_id, year, title, theme, start_date::text AS start_date, end_date::text AS end_date, url, partner_links, source';

const toRule = (r: RuleRow): CampaignRule => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  anchor: r.anchor,
  daysBefore: Number(r.days_before),
  daysAfter: Number(r.days_after),
  url: r.url,
  partnerLinks: json(r.partner_links),
  label: json(r.label),
  tone: r.tone,
  firstYear: Number(r.first_year),
  lastYear: r.last_year === null ? null : Number(r.last_year),
});

const toOverride = (r: OverrideRow): CampaignOverride => ({
  year: Number(r.year),
  title: r.title,
  theme: r.theme,
  startDate: r.start_date,
  endDate: r.end_date,
  url: r.url,
  partnerLinks: r.partner_links === null ? null : json(r.partner_links),
  source: r.source,
});

/** Every rule with its overrides, rules by id, overrides by year. */
export async function loadRules(db: Queryable, onlyId?: string): Promise<CampaignRuleWithOverrides[]> {
  const where = onlyId === undefined ? '' : 'WHERE id = $1';
  const params = onlyId === undefined ? [] : [onlyId];
  const rules = await db.query<RuleRow>(`SELECT ${RULE_COLUMNS} FROM campaign_rules ${where} ORDER BY id`, params);
  const overrides = await db.query<OverrideRow>(
    `SELECT ${OVERRIDE_COLUMNS} FROM campaign_overrides ${onlyId === undefined ? '' : 'WHERE rule_id = $1'} ORDER BY rule_id, year`,
    params,
  );
  const byRule = new Map<string, CampaignOverride[]>();
  for (const o of overrides.rows) byRule.set(o.rule_id, [...(byRule.get(o.rule_id) ?? []), toOverride(o)]);
  return rules.rows.map((r) => ({ ...toRule(r), overrides: byRule.get(r.id) ?? [] }));
}

const ruleValues = (r: CampaignRule) => [
  r.id, r.kind, r.title, r.anchor, r.daysBefore, r.daysAfter, r.url, JSON.stringify(r.partnerLinks),
  r.label === null ? null : JSON.stringify(r.label), r.tone, r.firstYear, r.lastYear,
];

/** Inserts a rule; false when the id is taken. */
export async function insertRule(tx: Queryable, rule: CampaignRule, onConflict = 'DO NOTHING'): Promise<boolean> {
  const { rows } = await tx.query(
    `INSERT INTO campaign_rules (${RULE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) ${onConflict} RETURNING 1`,
    ruleValues(rule),
  );
  return rows.length > 0;
}

/** Replaces a rule; false when there is none with its id. */
export async function updateRule(tx: Queryable, rule: CampaignRule): Promise<boolean> {
  const { rows } = await tx.query(
    `UPDATE campaign_rules SET kind = $2, title = $3, anchor = $4, days_before = $5, days_after = $6, url = $7, partner_links = $8,
            label = $9, tone = $10, first_year = $11, last_year = $12, updated_at = now()
      WHERE id = $1 RETURNING 1`,
    ruleValues(rule),
  );
  return rows.length > 0;
}

/** Sets (inserts or replaces) one year's override. */
export async function putOverride(tx: Queryable, ruleId: string, year: number, o: CampaignOverrideInput): Promise<CampaignOverride> {
  const { rows } = await tx.query<OverrideRow>(
    `INSERT INTO campaign_overrides (rule_id, year, title, theme, start_date, end_date, url, partner_links, source)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (rule_id, year) DO UPDATE SET title = EXCLUDED.title, theme = EXCLUDED.theme, start_date = EXCLUDED.start_date,
       end_date = EXCLUDED.end_date, url = EXCLUDED.url, partner_links = EXCLUDED.partner_links, source = EXCLUDED.source, updated_at = now()
     RETURNING ${OVERRIDE_COLUMNS}`,
    [
      ruleId, year, o.title ?? null, o.theme ?? null, o.startDate ?? null, o.endDate ?? null, o.url ?? null,
      o.partnerLinks === undefined ? null : JSON.stringify(o.partnerLinks), o.source ?? null,
    ],
  );
  return toOverride(rows[0]!);
}

export async function deleteOverride(tx: Queryable, ruleId: string, year: number): Promise<boolean> {
  const { rows } = await tx.query('DELETE FROM campaign_overrides WHERE rule_id = $1 AND year = $2 RETURNING 1', [ruleId, year]);
  return rows.length > 0;
}

import type { CalendarCampaign as Campaign, CampaignRuleWithOverrides } from '../../src/contract/index.js';
import type { Queryable } from '../db/database.js';
import { CAMPAIGN_COLUMNS, toCampaign, type CampaignRow } from '../routes/campaign-rows.js';
import { yearOf } from './days.js';
import { campaignOf, parseCampaignId } from './rules.js';
import { loadRules } from './store.js';

const byStartDesc = (a: Campaign, b: Campaign) => (a.startDate === b.startDate ? (a.id < b.id ? -1 : 1) : a.startDate < b.startDate ? 1 : -1);
const byStartAsc = (a: Campaign, b: Campaign) => (a.startDate === b.startDate ? (a.id < b.id ? -1 : 1) : a.startDate < b.startDate ? -1 : 1);

/**
 * The campaigns of any year: every rule's campaign for that year (with the year's override), plus
 * the one-off campaigns staff entered in `campaigns`. A one-off whose id is also a rule's
 * (`qingming-2026` edited by hand before rules existed) wins: it is the more explicit data.
 */
export class CampaignCalendar {
  readonly #rules: CampaignRuleWithOverrides[];
  readonly #oneOffs: Map<string, Campaign>;
  /** startingIn() by range: a calendar lives for one request, or one walk over the years in a test. */
  readonly #ranges = new Map<string, readonly Campaign[]>();

  constructor(rules: CampaignRuleWithOverrides[], oneOffs: Campaign[]) {
    this.#rules = rules;
    this.#oneOffs = new Map(oneOffs.map((c) => [c.id, c]));
  }

  /** The rules, their overrides and the one-offs as they are now (a few small tables). */
  static async load(db: Queryable): Promise<CampaignCalendar> {
    const rules = await loadRules(db);
    const oneOffs = await db.query<CampaignRow>(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns`);
    return new CampaignCalendar(rules, oneOffs.rows.map(toCampaign));
  }

  /** One campaign by id, reading only its row or its rule (for beacons, which come often). */
  static async find(db: Queryable, id: string): Promise<Campaign | null> {
    const { rows } = await db.query<CampaignRow>(`SELECT ${CAMPAIGN_COLUMNS} FROM campaigns WHERE id = $1`, [id]);
    if (rows[0]) return toCampaign(rows[0]);
    const parsed = parseCampaignId(id);
    return parsed ? new CampaignCalendar(await loadRules(db, parsed.ruleId), []).byId(id) : null;
  }

  byId(id: string): Campaign | null {
    const oneOff = this.#oneOffs.get(id);
    if (oneOff) return oneOff;
    const parsed = parseCampaignId(id);
    const rule = parsed && this.#rules.find((r) => r.id === parsed.ruleId);
    if (!parsed || !rule) return null;
    return campaignOf(rule, parsed.year, rule.overrides.find((o) => o.year === parsed.year));
  }

  /** Campaigns that start in the years `from`…`to`, latest first. */
  startingIn(from: number, to: number): readonly Campaign[] {
    const key = `${from}:${to}`;
    let found = this.#ranges.get(key);
    if (!found) this.#ranges.set(key, (found = this.#compute(from, to)));
    return found;
  }

  #compute(from: number, to: number): Campaign[] {
    const out = new Map<string, Campaign>();
    // a year's override may move its start into the year before or after
    for (const rule of this.#rules) {
      for (let year = from - 1; year <= to + 1; year++) {
        const c = campaignOf(rule, year, rule.overrides.find((o) => o.year === year));
        if (c) out.set(c.id, c);
      }
    }
    for (const c of this.#oneOffs.values()) out.set(c.id, c);
    return [...out.values()].filter((c) => yearOf(c.startDate) >= from && yearOf(c.startDate) <= to).sort(byStartDesc);
  }

  /** Campaigns whose window contains `day` (YYYY-MM-DD), latest start first. */
  activeOn(day: string): Campaign[] {
    const y = yearOf(day);
    return this.startingIn(y - 1, y).filter((c) => c.startDate <= day && c.endDate >= day);
  }

  /** Active on `day`: the most recently started if several. */
  current(day: string): Campaign | null {
    return this.activeOn(day)[0] ?? null;
  }

  /** The first campaign to start after `day`. */
  next(day: string): Campaign | null {
    const y = yearOf(day);
    return this.startingIn(y, y + 2).filter((c) => c.startDate > day).sort(byStartAsc)[0] ?? null;
  }
}

import { Hono } from 'hono';
import type { AdminFamilySearch, AdminRelativeLead, CaseContact, CaseMatch, MatchReason, Relationship } from '../../src/contract/index.js';
import { routes } from '../../src/contract/index.js';
import { actorOf, audit } from '../audit.js';
import { assertInScope, authorize, regionCondition } from '../http/staff-auth.js';
import type { AppDeps } from '../deps.js';
import { notFound } from '../http/api-error.js';
import { runWrite } from '../http/idempotency.js';
import { parseWith, queryObject, readJson } from '../http/validate.js';
import { decryptField, maskMobile, type KeyRing } from '../personal-data.js';
import { openContact, type SealedRow } from '../relatives/sealed-fields.js';
import { matchMartyr } from '../relatives/matching.js';
import { purgeClosedCases, retentionDaysFromEnv } from '../relatives/retention.js';
import { createdCursor, keysetCursor, pageOf } from '../http/paging.js';
import { iso, toSummary, type MartyrRow } from './martyr-rows.js';

interface CaseRow extends SealedRow {
  id: string;
  reference: string;
  relationship: Relationship;
  id_number_enc: string | null;
  knowledge: string;
  status: 'open' | 'closed';
  created_at: Date | string;
  closed_at: Date | string | null;
  /** created_at with microseconds, for an exact keyset cursor. */
  created_key: string;
}
interface LeadRow extends CaseRow {
  martyr_id: string;
  martyr_name: string;
}
interface FamilySearchRow extends CaseRow {
  martyr_name: string;
  native_place_text: string | null;
  native_place_code: string | null;
  period: string | null;
  death_date: string | null;
  unit: string | null;
  pending_matches: number;
}

/** Never the mobile in full, never the ID number. */
const caseFields = (keys: KeyRing, r: CaseRow) => {
  const contact = openContact(keys, r);
  return {
    reference: r.reference,
    claimantName: contact.claimantName,
    relationship: r.relationship,
    mobileMasked: maskMobile(contact.mobile),
    hasIdNumber: r.id_number_enc !== null,
    knowledge: r.knowledge,
    status: r.status,
    createdAt: iso(r.created_at),
    closedAt: r.closed_at === null ? null : iso(r.closed_at),
  };
};

const CREATED_KEY = `to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key`;

function keyset(cursor: string | undefined, params: unknown[]): string {
  if (!cursor) return '';
  const [at, id] = createdCursor.decode(cursor);
  params.push(at, id);
  return `AND (c.created_at, c.id) > (CAST($${params.length - 1} AS timestamptz), $${params.length})`;
}

const casePage = <R extends CaseRow, I>(rows: R[], limit: number, toItem: (r: R) => I) => pageOf(rows, limit, createdCursor, (r) => [r.created_key, r.id], toItem);

const matchCursor = keysetCursor(['real', 'id'] as const);

interface MatchRow extends MartyrRow {
  match_id: string;
  reason: MatchReason;
  score: number;
  match_status: 'pending' | 'confirmed' | 'dismissed';
  match_created_at: Date | string;
  decided_at: Date | string | null;
  decided_by: string | null;
  fs_reference: string;
  fs_martyr_name: string;
  fs_status: 'open' | 'closed';
}

const MATCH_SELECT = `SELECT m.*, cm.id AS match_id, cm.reason, cm.score, cm.status AS match_status, cm.created_at AS match_created_at,
    cm.decided_at, cm.decided_by, fs.reference AS fs_reference, fs.martyr_name AS fs_martyr_name, fs.status AS fs_status
  FROM case_matches cm JOIN martyrs m ON m.id = cm.martyr_id JOIN family_searches fs ON fs.id = cm.family_search_id`;

const toMatch = (r: MatchRow): CaseMatch => ({
  id: r.match_id,
  familySearch: { reference: r.fs_reference, martyrName: r.fs_martyr_name, status: r.fs_status },
  martyr: toSummary(r),
  reason: r.reason,
  score: Number(r.score),
  status: r.match_status,
  createdAt: iso(r.match_created_at),
  decidedAt: r.decided_at === null ? null : iso(r.decided_at),
  decidedBy: r.decided_by,
});

/**
 * Casework on relative leads and family searches, behind requireAdmin. Personal data: lists
 * mask mobiles and omit ID numbers; `reveal` decrypts one case's contact and is audited.
 */
export function adminRelativeRoutes({ db, dataKey, previousDataKeys = [], now, retentionDays }: AppDeps) {
  const app = new Hono();
  const keys = [dataKey, ...previousDataKeys];
  // Casework, scoped by region: a lead by its martyr's 籍贯 code, a family search (and its matches) by its own.
  const caseworker = authorize('caseworker');
  for (const path of ['/relative-leads', '/family-searches', '/cases/*', '/matches', '/matches/*', '/martyrs/:id/seeking-relatives']) app.use(path, caseworker);
  app.use('/retention/*', authorize('admin'));

  /** Lists show personal data (names, masked mobiles): each page is audited with the cases it showed. */
  const auditList = (c: import('hono').Context, what: string, cases: string[], status: string) =>
    audit(db, actorOf(c), 'cases.list', null, { list: what, status, cases });

  /** The case's region, for the scope check; 404 when it does not exist. */
  const caseRegion = async (tx: import('../db/database.js').Queryable, reference: string): Promise<string | null> => {
    const sql = reference.startsWith('L')
      ? 'SELECT m.native_place_code AS region FROM relative_leads c JOIN martyrs m ON m.id = c.martyr_id WHERE c.reference = $1'
      : 'SELECT native_place_code AS region FROM family_searches WHERE reference = $1';
    const { rows } = await tx.query<{ region: string | null }>(sql, [reference]);
    if (!rows[0]) throw notFound('Case');
    return rows[0].region;
  };

  app.get('/relative-leads', async (c) => {
    const { status = 'open', cursor, limit = 50 } = parseWith(routes.adminListRelativeLeads.query, queryObject(c), 'query');
    const params: unknown[] = [status, limit + 1];
    const after = keyset(cursor, params);
    const scope = regionCondition('m.native_place_code', params);
    const { rows } = await db.query<LeadRow>(
      `SELECT c.*, ${CREATED_KEY}, m.name AS martyr_name FROM relative_leads c JOIN martyrs m ON m.id = c.martyr_id
        WHERE c.status = $1 ${after} ${scope} ORDER BY c.created_at, c.id LIMIT $2`,
      params,
    );
    const page = casePage(rows, limit, (r): AdminRelativeLead => ({ ...caseFields(keys, r), martyrId: r.martyr_id, martyrName: r.martyr_name }));
    await auditList(c, 'relative-leads', page.items.map((i) => i.reference), status);
    return c.json(page);
  });

  app.get('/family-searches', async (c) => {
    const { status = 'open', cursor, limit = 50 } = parseWith(routes.adminListFamilySearches.query, queryObject(c), 'query');
    const params: unknown[] = [status, limit + 1];
    const after = keyset(cursor, params);
    const scope = regionCondition('c.native_place_code', params);
    const { rows } = await db.query<FamilySearchRow>(
      `SELECT c.*, ${CREATED_KEY},
              (SELECT CAST(count(*) AS int) FROM case_matches cm WHERE cm.family_search_id = c.id AND cm.status = 'pending') AS pending_matches
         FROM family_searches c WHERE c.status = $1 ${after} ${scope} ORDER BY c.created_at, c.id LIMIT $2`,
      params,
    );
    const page = casePage(rows, limit, (r): AdminFamilySearch => ({
      ...caseFields(keys, r),
      martyrName: r.martyr_name,
      nativePlace: r.native_place_text,
      nativePlaceCode: r.native_place_code,
      period: r.period,
      deathDate: r.death_date,
      unit: r.unit,
      pendingMatches: Number(r.pending_matches),
    }));
    await auditList(c, 'family-searches', page.items.map((i) => i.reference), status);
    return c.json(page);
  });

  const caseTable = (reference: string) => (reference.startsWith('L') ? 'relative_leads' : 'family_searches');

  // Not runWrite: an idempotency record would keep the decrypted contact in the database.
  app.post('/cases/:reference/reveal', async (c) => {
    const { reference } = parseWith(routes.adminRevealCase.params, c.req.param(), 'path');
    const { reason } = parseWith(routes.adminRevealCase.body, await readJson(c), 'body');
    const actor = actorOf(c);
    const contact = await db.transaction(async (tx): Promise<CaseContact> => {
      assertInScope({ region: await caseRegion(tx, reference) }, 'Case');
      const { rows } = await tx.query<CaseRow>(`SELECT * FROM ${caseTable(reference)} WHERE reference = $1`, [reference]);
      const r = rows[0];
      if (!r) throw notFound('Case');
      // Who saw whose contact, and why; never the values themselves.
      await audit(tx, actor, 'case.reveal', reference, { reason, idNumber: r.id_number_enc !== null });
      return { reference, ...openContact(keys, r), idNumber: r.id_number_enc ? decryptField(keys, r.id_number_enc) : null };
    });
    c.header('Cache-Control', 'no-store');
    return c.json(contact);
  });

  app.post('/cases/:reference/close', async (c) => {
    const { reference } = parseWith(routes.adminCloseCase.params, c.req.param(), 'path');
    const body = await readJson(c);
    const { reason } = parseWith(routes.adminCloseCase.body, body, 'body');
    const actor = actorOf(c);
    return runWrite(db, c, body, async (tx) => {
      assertInScope({ region: await caseRegion(tx, reference) }, 'Case');
      const { rows } = await tx.query<{ status: 'open' | 'closed'; closed_at: Date | string }>(
        `UPDATE ${caseTable(reference)} SET status = 'closed', closed_at = COALESCE(closed_at, $2) WHERE reference = $1 RETURNING status, closed_at`,
        [reference, now().toISOString()],
      );
      if (!rows[0]) throw notFound('Case');
      await audit(tx, actor, 'case.close', reference, { reason: reason ?? null });
      return { status: 200, body: { reference, status: rows[0].status, closedAt: iso(rows[0].closed_at) } };
    });
  });

  app.get('/matches', async (c) => {
    const { status = 'pending', familySearch, martyrId, cursor, limit = 50 } = parseWith(routes.adminListMatches.query, queryObject(c), 'query');
    const params: unknown[] = [status, limit + 1];
    const where = ['cm.status = $1'];
    if (familySearch) where.push(`fs.reference = $${params.push(familySearch)}`);
    if (martyrId) where.push(`cm.martyr_id = $${params.push(martyrId)}`);
    const scope = regionCondition('fs.native_place_code', params);
    if (scope) where.push(scope.slice(4));
    if (cursor) {
      const [score, id] = matchCursor.decode(cursor);
      const s = `CAST($${params.push(score)} AS real)`;
      const i = `$${params.push(id)}`;
      where.push(`(cm.score < ${s} OR (cm.score = ${s} AND cm.id > ${i}))`);
    }
    // Best candidates first.
    const { rows } = await db.query<MatchRow>(`${MATCH_SELECT} WHERE ${where.join(' AND ')} ORDER BY cm.score DESC, cm.id LIMIT $2`, params);
    const page = pageOf(rows, limit, matchCursor, (r) => [Number(r.score), r.match_id], toMatch);
    await auditList(c, 'matches', [...new Set(page.items.map((m) => m.familySearch.reference))], status);
    return c.json(page);
  });

  const decide = (status: 'confirmed' | 'dismissed', route: typeof routes.adminConfirmMatch | typeof routes.adminDismissMatch) =>
    app.post(`/matches/:id/${status === 'confirmed' ? 'confirm' : 'dismiss'}`, async (c) => {
      const { id } = parseWith(route.params, c.req.param(), 'path');
      const body = await readJson(c);
      const { reason } = parseWith(route.body, body, 'body');
      const actor = actorOf(c);
      return runWrite(db, c, body, async (tx) => {
        const scoped = await tx.query<{ region: string | null }>(
          'SELECT fs.native_place_code AS region FROM case_matches cm JOIN family_searches fs ON fs.id = cm.family_search_id WHERE cm.id = $1',
          [id],
        );
        if (!scoped.rows[0]) throw notFound('Match');
        assertInScope({ region: scoped.rows[0].region }, 'Match');
        const updated = await tx.query<{ id: string; martyr_id: string }>(
          'UPDATE case_matches SET status = $2, decided_at = $3, decided_by = $4 WHERE id = $1 RETURNING id, martyr_id',
          [id, status, now().toISOString(), actor],
        );
        if (!updated.rows[0]) throw notFound('Match');
        const { rows } = await tx.query<MatchRow>(`${MATCH_SELECT} WHERE cm.id = $1`, [id]);
        const match = toMatch(rows[0]!);
        await audit(tx, actor, `match.${status === 'confirmed' ? 'confirm' : 'dismiss'}`, id, {
          case: match.familySearch.reference,
          familySearch: match.familySearch.reference, martyrId: match.martyr.id, reason: reason ?? null,
        });
        return { status: 200, body: match };
      });
    });
  decide('confirmed', routes.adminConfirmMatch);
  decide('dismissed', routes.adminDismissMatch);

  app.put('/martyrs/:id/seeking-relatives', async (c) => {
    const { id } = parseWith(routes.adminSetSeekingRelatives.params, c.req.param(), 'path');
    const body = await readJson(c);
    const { seeking, reason } = parseWith(routes.adminSetSeekingRelatives.body, body, 'body');
    const actor = actorOf(c);
    return runWrite(db, c, body, async (tx) => {
      const martyr = await tx.query<{ region: string | null }>('SELECT native_place_code AS region FROM martyrs WHERE id = $1', [id]);
      if (!martyr.rows[0]) throw notFound('Martyr');
      assertInScope({ region: martyr.rows[0].region }, 'Martyr');
      const { rows } = await tx.query<{ id: string }>(
        'UPDATE martyrs SET seeking_relatives = $2, updated_at = now() WHERE id = $1 RETURNING id',
        [id, seeking],
      );
      if (!rows[0]) throw notFound('Martyr');
      // Flagging (or re-flagging) looks for open family searches; pairs already proposed stay as they are.
      const newMatches = seeking ? await matchMartyr(tx, id) : 0;
      await audit(tx, actor, 'martyr.seeking-relatives', id, { seeking, reason: reason ?? null, newMatches });
      return { status: 200, body: { martyrId: id, seekingRelatives: seeking, newMatches } };
    });
  });

  app.post('/retention/purge', async (c) => {
    const body = await readJson(c);
    parseWith(routes.adminPurgeClosedCases.body, body, 'body');
    const actor = actorOf(c);
    const days = retentionDays ?? retentionDaysFromEnv();
    const result = await db.transaction(async (tx) => {
      const r = await purgeClosedCases(tx, now(), days);
      await audit(tx, actor, 'cases.purge', null, { ...r });
      return r;
    });
    return c.json(result);
  });

  return app;
}

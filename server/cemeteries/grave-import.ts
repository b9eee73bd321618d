/**
 * Grave lists (npm run import -- FILE --graves --cemetery ID): a cemetery's list of graves, in
 * CSV or XLSX, one row per person (or per 无名烈士 grave) with 墓区, 排, 号. Rows sharing a
 * position are one 合葬墓, in file order. Validated and reported like the roll import: every bad
 * row with its line and reason, all or nothing unless `partial`.
 *
 * Each named row is linked to a martyr already on the roll: by 英名录编号 (the roll's source id)
 * or 烈士ID (the server's id) when given; else by name, 籍贯 and dates, using the forgiving name
 * keys. Only one candidate whose name is the same (or a script variant) and that agrees on at
 * least one other fact, with none contradicting, is linked. Anything less certain — several
 * candidates, a name that only sounds alike, nothing but the name to go on — is listed in
 * `toConfirm` with the candidates, for a person to decide (by putting the id in 烈士ID), and
 * the row is not applied. Nothing is ever guessed.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { text } from '../../src/contract/common.js';
import type { Database, Queryable } from '../db/database.js';
import { normalizeDate, type RollIssue } from '../import/roll.js';
import { decodeRollFile, parseCsv, type CsvRecord } from '../import/text.js';
import { readXlsxRecords } from '../import/xlsx.js';
import { compareNames, nameKeys } from '../search/name-keys.js';
import { graveIdOf, positionNumber, sectionIdOf, sectionKey } from './numbering.js';
import { ensureSections, upsertGraves, type GraveSpec } from './store.js';

type Column = 'section' | 'row' | 'number' | 'source_id' | 'martyr_id' | 'name' | 'native_place' | 'birth_date' | 'death_date' | 'inscription';

export const GRAVE_COLUMN_ALIASES: Readonly<Record<Column, readonly string[]>> = {
  section: ['墓区', '区'],
  row: ['排', '墓排'],
  number: ['号', '墓号'],
  source_id: ['英名录编号', '编号', '档案号'],
  martyr_id: ['烈士ID', '烈士id'],
  name: ['姓名', '烈士姓名'],
  native_place: ['籍贯'],
  birth_date: ['出生年月', '出生日期', '出生时间'],
  death_date: ['牺牲时间', '牺牲日期'],
  inscription: ['碑文'],
};

const HEADERS = new Map<string, Column>();
for (const [col, aliases] of Object.entries(GRAVE_COLUMN_ALIASES) as [Column, readonly string[]][]) {
  for (const h of [col, ...aliases]) HEADERS.set(h.toLowerCase(), col);
}

/** How the 姓名 cell of a grave whose martyrs are not known is written. */
const UNNAMED = new Set(['无名烈士', '無名烈士', '无名', '無名']);

export interface Candidate {
  id: string;
  name: string;
  nativePlace: string | null;
  birthDate: string | null;
  deathDate: string | null;
  /** Why the name matched (exact, script-variant, homophone…). */
  reason: string;
}

export interface ToConfirm {
  line: number;
  name: string;
  why: string;
  candidates: Candidate[];
}

export interface GraveImportReport {
  format: 'csv' | 'xlsx';
  total: number;
  applied: boolean;
  graves: { inserted: number; updated: number; unchanged: number };
  linked: number;
  unnamed: number;
  bad: RollIssue[];
  toConfirm: ToConfirm[];
}

interface Row {
  line: number;
  sectionName: string;
  sectionKey: string;
  row: number;
  number: number;
  inscription: string | null;
  /** null for a 无名烈士 row. */
  person: { name: string | null; sourceId: string | null; martyrId: string | null; nativePlace: string | null; birthDate: string | null; deathDate: string | null } | null;
  martyrId?: string;
}

const NAME = text(1, 64);
const INSCRIPTION = text(1, 2000);
const SECTION = text(1, 20);

function readRows(records: CsvRecord[], bad: RollIssue[]): { rows: Row[]; total: number } {
  const header = records.shift();
  if (!header) {
    bad.push({ line: 1, reason: 'the file is empty: a header line naming the columns is needed' });
    return { rows: [], total: 0 };
  }
  const columns = header.cells.map((h) => HEADERS.get(h.trim().toLowerCase()) ?? null);
  header.cells.forEach((h, i) => {
    if (!columns[i] && h.trim() !== '') bad.push({ line: header.line, reason: `unknown column "${h.trim()}" (see docs/import.md, grave lists)` });
  });
  for (const need of ['section', 'row', 'number'] as const) {
    if (!columns.includes(need)) bad.push({ line: header.line, reason: `the header has no ${GRAVE_COLUMN_ALIASES[need][0]} (${need}) column` });
  }
  if (bad.length) return { rows: [], total: records.length };
  const rows: Row[] = [];
  for (const rec of records) {
    const cell = (c: Column) => {
      const v = rec.cells[columns.indexOf(c)]?.trim();
      return columns.includes(c) && v ? v : null;
    };
    const reasons: string[] = [];
    const sectionName = cell('section');
    const r = positionNumber(cell('row') ?? '');
    const n = positionNumber(cell('number') ?? '');
    if (!sectionName || !SECTION.safeParse(sectionName).success || !sectionKey(sectionName)) reasons.push(`墓区 "${sectionName ?? ''}": must name the section (一区, A区…)`);
    if (r === null) reasons.push(`排 "${cell('row') ?? ''}": must be a row number (3, 03, 三, 3排)`);
    if (n === null) reasons.push(`号 "${cell('number') ?? ''}": must be a grave number (12, 012, 十二, 12号)`);
    const inscription = cell('inscription');
    if (inscription && !INSCRIPTION.safeParse(inscription).success) reasons.push('碑文: contains control characters or is longer than 2000 characters');
    const name = cell('name');
    const sourceId = cell('source_id');
    const martyrId = cell('martyr_id');
    if (name && !UNNAMED.has(name) && !NAME.safeParse(name).success) reasons.push(`姓名 "${name}": ${NAME.safeParse(name).error?.issues[0]?.message}`);
    const dates: Record<string, string | null> = {};
    for (const [col, label] of [['birth_date', '出生年月'], ['death_date', '牺牲时间']] as const) {
      const v = cell(col);
      dates[col] = v === null ? null : normalizeDate(v);
      if (dates[col] && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(dates[col]!)) reasons.push(`${label} "${v}": must be YYYY, YYYY-MM or YYYY-MM-DD`);
    }
    if (reasons.length) {
      bad.push({ line: rec.line, reason: reasons.join('; ') });
      continue;
    }
    const unnamed = (!name || UNNAMED.has(name)) && !sourceId && !martyrId;
    rows.push({
      line: rec.line,
      sectionName: sectionName!,
      sectionKey: sectionKey(sectionName!),
      row: r!,
      number: n!,
      inscription,
      person: unnamed ? null : { name: name && !UNNAMED.has(name) ? name : null, sourceId, martyrId, nativePlace: cell('native_place'), birthDate: dates.birth_date!, deathDate: dates.death_date! },
    });
  }
  return { rows, total: records.length };
}

interface MartyrFacts {
  id: string;
  name: string;
  import_key: string | null;
  native_place_text: string | null;
  native_place_code: string | null;
  birth_date: string | null;
  death_date: string | null;
  name_pinyin: string;
}

const MARTYR_FACTS = 'id, name, import_key, native_place_text, native_place_code, birth_date, death_date, name_pinyin';

/** Dates agree at the precision both know (1937 and 1937-07 agree; 1937-07 and 1937-08 do not). */
function dateFit(a: string | null, b: string | null): 'agree' | 'conflict' | null {
  if (!a || !b) return null;
  const k = Math.min(a.length, b.length);
  return a.slice(0, k) === b.slice(0, k) ? 'agree' : 'conflict';
}

function placeFit(text: string | null, m: MartyrFacts): 'agree' | null {
  if (!text || !m.native_place_text) return null;
  const x = nameKeys(text).simplified;
  const y = nameKeys(m.native_place_text).simplified;
  return x.includes(y) || y.includes(x) ? 'agree' : null;
}

const candidate = (m: MartyrFacts, reason: string): Candidate => ({
  id: m.id, name: m.name, nativePlace: m.native_place_text, birthDate: m.birth_date, deathDate: m.death_date, reason,
});

/** Links each named row to a martyr, or reports why not (bad) or what to confirm. */
async function link(q: Queryable, rows: Row[], namespace: string | undefined, bad: RollIssue[], toConfirm: ToConfirm[]): Promise<Row[]> {
  const people = rows.filter((r) => r.person);
  const byKey = new Map<string, MartyrFacts>();
  const byId = new Map<string, MartyrFacts>();
  const keys = people.flatMap((r) => (r.person!.sourceId ? [`id:${namespace ? `${namespace}:` : ''}${r.person!.sourceId}`] : []));
  const ids = people.flatMap((r) => (r.person!.martyrId ? [r.person!.martyrId] : []));
  if (keys.length || ids.length) {
    const { rows: found } = await q.query<MartyrFacts>(`SELECT ${MARTYR_FACTS} FROM martyrs WHERE import_key = ANY($1) OR id = ANY($2)`, [keys, ids]);
    for (const m of found) {
      if (m.import_key) byKey.set(m.import_key, m);
      byId.set(m.id, m);
    }
  }
  const pinyins = [...new Set(people.filter((r) => !r.person!.sourceId && !r.person!.martyrId && r.person!.name).map((r) => nameKeys(r.person!.name!).pinyin))];
  const byPinyin = new Map<string, MartyrFacts[]>();
  if (pinyins.length) {
    const { rows: found } = await q.query<MartyrFacts>(`SELECT ${MARTYR_FACTS} FROM martyrs WHERE name_pinyin = ANY($1) ORDER BY id`, [pinyins]);
    for (const m of found) byPinyin.set(m.name_pinyin, [...(byPinyin.get(m.name_pinyin) ?? []), m]);
  }
  const out: Row[] = [];
  for (const r of rows) {
    const p = r.person;
    if (!p) {
      out.push(r);
      continue;
    }
    if (p.sourceId || p.martyrId) {
      const m = p.martyrId ? byId.get(p.martyrId) : byKey.get(`id:${namespace ? `${namespace}:` : ''}${p.sourceId}`);
      const label = p.martyrId ? `烈士ID "${p.martyrId}"` : `英名录编号 "${p.sourceId}"`;
      if (!m) bad.push({ line: r.line, reason: `${label}: no martyr on the roll has it${p.sourceId && !namespace ? ' (was the roll imported with --source? pass the same --source here)' : ''}` });
      else if (p.name && !compareNames(p.name, m.name, { matchableOnly: true })) bad.push({ line: r.line, reason: `${label} belongs to ${m.name} (martyr ${m.id}); this row names ${p.name}` });
      else {
        r.martyrId = m.id;
        out.push(r);
      }
      continue;
    }
    if (!p.name) {
      bad.push({ line: r.line, reason: 'a row with 籍贯 or dates but no 姓名, 英名录编号 or 烈士ID: write 无名烈士 in 姓名 for a grave whose martyr is not known' });
      continue;
    }
    const strong: { m: MartyrFacts; agree: number }[] = [];
    const weak: Candidate[] = [];
    for (const m of byPinyin.get(nameKeys(p.name).pinyin) ?? []) {
      const match = compareNames(p.name, m.name);
      if (!match) continue;
      const fits = [dateFit(p.birthDate, m.birth_date), dateFit(p.deathDate, m.death_date), placeFit(p.nativePlace, m)];
      if (fits.includes('conflict')) continue;
      const agree = fits.filter((f) => f === 'agree').length;
      if (match.reason === 'exact' || match.reason === 'script-variant') strong.push({ m, agree });
      else weak.push(candidate(m, match.reason));
    }
    if (strong.length === 1 && strong[0]!.agree > 0) {
      r.martyrId = strong[0]!.m.id;
      out.push(r);
      continue;
    }
    const reasonOf = (m: MartyrFacts) => compareNames(p.name!, m.name)!.reason;
    if (strong.length > 1) toConfirm.push({ line: r.line, name: p.name, why: `${strong.length} martyrs on the roll fit this row`, candidates: strong.map((s) => candidate(s.m, reasonOf(s.m))) });
    else if (strong.length === 1) {
      const why = p.nativePlace || p.birthDate || p.deathDate ? 'only the name agrees: the roll does not record the 籍贯 or dates this row gives' : 'only the name to go on: give 籍贯 or dates, or the 英名录编号';
      toConfirm.push({ line: r.line, name: p.name, why, candidates: [candidate(strong[0]!.m, reasonOf(strong[0]!.m))] });
    } else if (weak.length) toConfirm.push({ line: r.line, name: p.name, why: 'no martyr of this name; names that sound alike', candidates: weak });
    else bad.push({ line: r.line, reason: `姓名 "${p.name}": no martyr on the roll matches this name, 籍贯 and dates (import the roll first, or give the 英名录编号)` });
  }
  return out;
}

export interface GraveImportOptions {
  partial?: boolean;
  dryRun?: boolean;
  /** The --source the roll was imported with, so 英名录编号 find their records. */
  namespace?: string | undefined;
}

export async function readGraveRecords(path: string): Promise<{ records: CsvRecord[]; format: 'csv' | 'xlsx' }> {
  const bytes = await readFile(path);
  if (extname(path).toLowerCase() === '.xlsx') return { records: await readXlsxRecords(bytes), format: 'xlsx' };
  return { records: parseCsv(decodeRollFile(bytes)), format: 'csv' };
}

/** Validates, links and (unless anything is wrong, or with `partial`) writes a grave list in one transaction. */
export async function importGraves(
  db: Database,
  cemeteryId: string,
  input: { records: CsvRecord[]; format: 'csv' | 'xlsx' },
  opts: GraveImportOptions = {},
): Promise<GraveImportReport> {
  const report: GraveImportReport = { format: input.format, total: 0, applied: false, graves: { inserted: 0, updated: 0, unchanged: 0 }, linked: 0, unnamed: 0, bad: [], toConfirm: [] };
  const { rows: cemetery } = await db.query('SELECT 1 FROM cemeteries WHERE id = $1', [cemeteryId]);
  if (cemetery.length === 0) throw new Error(`there is no cemetery "${cemeteryId}" (create it with --name and --level)`);
  const parsed = readRows([...input.records], report.bad);
  report.total = parsed.total;
  const run = async (tx: Queryable): Promise<boolean> => {
    let rows = await link(tx, parsed.rows, opts.namespace, report.bad, report.toConfirm);
    const { rows: sections } = await tx.query<{ id: string; key: string }>('SELECT id, key FROM cemetery_sections WHERE cemetery_id = $1', [cemeteryId]);
    const sectionIds = new Map(sections.map((s) => [s.key, s.id]));
    const graveOf = (r: Row) => graveIdOf(sectionIds.get(r.sectionKey) ?? sectionIdOf(cemeteryId, r.sectionKey), r.row, r.number);
    // One martyr, one grave: within the file, and against graves the file does not rewrite.
    const seen = new Map<string, Row>();
    rows = rows.filter((r) => {
      if (!r.martyrId) return true;
      const first = seen.get(r.martyrId);
      if (first) {
        report.bad.push({ line: r.line, reason: `the martyr ${r.martyrId} is already placed on line ${first.line} (${first.sectionName} ${first.row}排 ${first.number}号): a martyr lies in one grave` });
        return false;
      }
      seen.set(r.martyrId, r);
      return true;
    });
    const fileGraves = new Set(rows.map(graveOf));
    const linkedIds = [...seen.keys()];
    if (linkedIds.length) {
      const { rows: elsewhere } = await tx.query<{ martyr_id: string; grave_id: string; cemetery: string; section: string; row_no: number; number: number }>(
        `SELECT gm.martyr_id, g.id AS grave_id, c.name AS cemetery, s.name AS section, g.row_no, g.number
         FROM grave_martyrs gm JOIN graves g ON g.id = gm.grave_id JOIN cemetery_sections s ON s.id = g.section_id JOIN cemeteries c ON c.id = g.cemetery_id
         WHERE gm.martyr_id = ANY($1)`,
        [linkedIds],
      );
      const taken = new Map(elsewhere.filter((e) => !fileGraves.has(e.grave_id)).map((e) => [e.martyr_id, e]));
      rows = rows.filter((r) => {
        const t = r.martyrId ? taken.get(r.martyrId) : undefined;
        if (t) report.bad.push({ line: r.line, reason: `the martyr ${r.martyrId} already lies in ${t.cemetery} ${t.section} ${t.row_no}排 ${t.number}号 (grave ${t.grave_id}); move them there first or correct the row` });
        return !t;
      });
    }
    report.bad.sort((a, b) => a.line - b.line);
    const blocked = report.bad.length > 0 || report.toConfirm.length > 0;
    if ((blocked && !opts.partial) || opts.dryRun) return false;
    // With --partial, a grave with any row left out is left out whole, so that a 合葬墓 never loses a name.
    const kept = new Set(rows);
    const incomplete = new Set(parsed.rows.filter((r) => !kept.has(r)).map(graveOf));
    rows = rows.filter((r) => !incomplete.has(graveOf(r)));

    const specs = new Map<string, { spec: Omit<GraveSpec, 'sectionId'> & { sectionKey: string; sectionName: string }; martyrIds: string[] }>();
    const layout = new Map<string, { name: string; rows: number; positions: number }>();
    for (const r of rows) {
      const id = graveOf(r);
      const entry = specs.get(id) ?? { spec: { sectionKey: r.sectionKey, sectionName: r.sectionName, row: r.row, number: r.number, inscription: null, martyrIds: [] }, martyrIds: [] };
      if (r.martyrId) entry.martyrIds.push(r.martyrId);
      entry.spec.inscription ??= r.inscription;
      specs.set(id, entry);
      const l = layout.get(r.sectionKey) ?? { name: r.sectionName, rows: 1, positions: 1 };
      layout.set(r.sectionKey, { name: l.name, rows: Math.max(l.rows, r.row), positions: Math.max(l.positions, r.number) });
    }
    const ids = await ensureSections(tx, cemeteryId, [...layout.values()]);
    const before = await graveState(tx, [...specs.keys()]);
    const graves: GraveSpec[] = [...specs.values()].map(({ spec, martyrIds }) => ({
      sectionId: ids.get(spec.sectionKey)!, row: spec.row, number: spec.number, inscription: spec.inscription, martyrIds,
    }));
    const written = await upsertGraves(tx, cemeteryId, graves);
    const after = await graveState(tx, written);
    for (const id of written) {
      if (!before.has(id)) report.graves.inserted++;
      else if (before.get(id) !== after.get(id)) report.graves.updated++;
      else report.graves.unchanged++;
    }
    report.linked = graves.reduce((n, g) => n + g.martyrIds.length, 0);
    report.unnamed = graves.filter((g) => g.martyrIds.length === 0).length;
    return true;
  };
  report.applied = await db
    .transaction(async (tx) => {
      if (!(await run(tx))) throw new NothingApplied();
      return true;
    })
    .catch((err: unknown) => {
      if (err instanceof NothingApplied) return false;
      throw err;
    });
  if (!report.applied) {
    report.graves = { inserted: 0, updated: 0, unchanged: 0 };
    report.linked = report.unnamed = 0;
  }
  return report;
}

/** A grave's inscription and occupants as one comparable string. */
async function graveState(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  const { rows } = await q.query<{ id: string; state: string }>(
    `SELECT g.id, COALESCE(g.inscription, '') || '|' || COALESCE((SELECT string_agg(gm.martyr_id, ',' ORDER BY gm.sort_order) FROM grave_martyrs gm WHERE gm.grave_id = g.id), '') AS state
     FROM graves g WHERE g.id = ANY($1)`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.state]));
}

class NothingApplied extends Error {}

/**
 * Roll import (英名录): a county's CSV or JSON file → validated records → one upsert transaction.
 *
 * Every row goes through the contract's MartyrFields schema; every bad row is reported with its
 * line and reason. By default the import is all-or-nothing: if any row is bad, nothing is written
 * (a roll is usually corrected and re-run as a whole, and a half-loaded roll is hard to spot and
 * to finish). `partial: true` applies the good rows and reports the rest.
 *
 * Re-importing never duplicates: each record has an import key, from the roll's own record
 * number (source id) when the file has one, else a hash of name (simplified), birth date, native
 * place and death date; rows upsert on that key and keep their martyr id.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { MartyrFields } from '../../src/contract/index.js';
import type { Database, Queryable } from '../db/database.js';
import { insertRows } from '../db/insert-rows.js';
import { MARTYR_COLUMNS, MARTYR_FIELD_COLUMNS, martyrRow, writeAliasKeys, type MartyrRecord } from '../martyr-store.js';
import { loadRegions, type RegionTable } from '../regions.js';
import { matchMartyr } from '../relatives/matching.js';
import { KEY_COLUMNS, compareNames, nameKeys } from '../search/name-keys.js';
import { decodeRollFile, jsonElementLines, parseCsv, type CsvRecord } from './text.js';
import { readXlsxRecords } from './xlsx.js';

export interface RollIssue {
  line: number;
  reason: string;
}

export interface RollRow {
  line: number;
  record: MartyrRecord;
  importKey: string;
  /** Stable martyr id derived from the import key. */
  id: string;
}

export type RollFormat = 'csv' | 'json' | 'xlsx';

export interface ParsedRoll {
  format: RollFormat;
  total: number;
  rows: RollRow[];
  bad: RollIssue[];
}

export interface ImportReport {
  format: RollFormat;
  total: number;
  /** Whether anything was written. */
  applied: boolean;
  inserted: number;
  updated: number;
  unchanged: number;
  bad: RollIssue[];
  /** Case matches proposed for martyrs newly seeking relatives. */
  newMatches: number;
}

// ---- columns -----------------------------------------------------------------------------------

type Column =
  | 'source_id' | 'name' | 'sex' | 'ethnicity' | 'native_place' | 'native_place_code' | 'birth_date' | 'enlistment_date' | 'unit'
  | 'post' | 'death_date' | 'death_place' | 'period' | 'cemetery' | 'grave_section' | 'grave_row' | 'grave_number' | 'photo_url'
  | 'biography' | 'approval_authority' | 'approval_date' | 'seeking_relatives' | 'sample' | 'aliases';

/** CSV header names: the English column, or the Chinese heading a register uses (docs/import.md). */
export const COLUMN_ALIASES: Readonly<Record<Column, readonly string[]>> = {
  source_id: ['编号', '档案号', '英名录编号', 'id'],
  name: ['姓名'],
  sex: ['性别'],
  ethnicity: ['民族'],
  native_place: ['籍贯'],
  native_place_code: ['籍贯代码', '行政区划代码'],
  birth_date: ['出生年月', '出生日期', '出生时间'],
  enlistment_date: ['入伍时间', '参加工作时间', '入伍/参加工作时间', '入伍或参加工作时间'],
  unit: ['生前单位', '单位'],
  post: ['职务', '生前职务'],
  death_date: ['牺牲时间', '牺牲日期'],
  death_place: ['牺牲地点'],
  period: ['历史时期', '牺牲时期'],
  cemetery: ['安葬地', '安葬地点', '烈士陵园'],
  grave_section: ['墓区'],
  grave_row: ['墓排', '排'],
  grave_number: ['墓号', '号'],
  photo_url: ['墓碑照片'],
  biography: ['生平事迹', '生平'],
  approval_authority: ['批准机关'],
  approval_date: ['批准时间', '批准日期'],
  seeking_relatives: ['寻亲', '寻找亲属', '为烈士寻亲'],
  sample: ['示例', '示例数据'],
  aliases: ['别名', '別名', '曾用名', '又名', '化名', '原名', 'alias'],
};

const HEADER_TO_COLUMN = new Map<string, Column>();
for (const [col, aliases] of Object.entries(COLUMN_ALIASES) as [Column, readonly string[]][]) {
  for (const h of [col, ...aliases]) HEADER_TO_COLUMN.set(h.toLowerCase(), col);
}

/** Contract path of a field → the CSV column it came from. */
const PATH_TO_COLUMN: Record<string, Column> = {
  name: 'name', sex: 'sex', ethnicity: 'ethnicity', 'nativePlace.text': 'native_place', 'nativePlace.code': 'native_place_code',
  nativePlace: 'native_place', birthDate: 'birth_date', enlistmentDate: 'enlistment_date', unit: 'unit', post: 'post',
  deathDate: 'death_date', deathPlace: 'death_place', period: 'period', 'burial.cemetery': 'cemetery', 'burial.section': 'grave_section',
  'burial.row': 'grave_row', 'burial.number': 'grave_number', photoUrl: 'photo_url', biography: 'biography',
  'approval.authority': 'approval_authority', 'approval.date': 'approval_date', seekingRelatives: 'seeking_relatives', sample: 'sample',
  aliases: 'aliases',
};

// ---- value normalization -------------------------------------------------------------------------

const pad2 = (n: string) => n.padStart(2, '0');

/** `1937年7月` `1937.7` `1937/07/07` `1937-7-7` → `1937-07`, `1937-07-07`; anything else is left for the schema to refuse. */
export function normalizeDate(v: string): string {
  const s = v.trim().normalize('NFKC');
  const m = /^(\d{4})(?:\s*[年./-]\s*(\d{1,2})(?:\s*[月./-]\s*(\d{1,2})\s*日?)?\s*月?)?\s*年?$/.exec(s);
  if (!m) return s;
  const [, y, mo, d] = m;
  return [y, mo && pad2(mo), d && pad2(d)].filter(Boolean).join('-');
}

function parseSex(v: string): string {
  const s = v.trim().toLowerCase();
  if (['男', 'male', 'm'].includes(s)) return 'male';
  if (['女', 'female', 'f'].includes(s)) return 'female';
  return v;
}

/** 别名 cell → names: a register separates several with 、 ， ; or /. */
export const splitAliases = (v: string) => v.split(/[、,，;；/／|｜]+/).map((s) => s.trim()).filter(Boolean);

/** Distinct other names, the name itself left out (it is searched anyway). */
function cleanAliases(name: unknown, aliases: unknown): unknown {
  if (!Array.isArray(aliases)) return aliases;
  const own = typeof name === 'string' ? name.trim() : '';
  const out = [...new Set(aliases.map((a) => (typeof a === 'string' ? a.trim() : a)))].filter((a) => a !== own && a !== '');
  return out.length ? out : undefined;
}

function parseBool(v: string): boolean | string {
  const s = v.trim().toLowerCase();
  if (['', '否', 'false', '0', 'no', 'n', '不是'].includes(s)) return false;
  if (['是', 'true', '1', 'yes', 'y', '寻亲'].includes(s)) return true;
  return v;
}

export interface PeriodLookup {
  resolve(value: string): string | undefined;
}

export async function loadPeriods(db: Queryable): Promise<PeriodLookup> {
  const { rows } = await db.query<{ id: string; name_zh_hans: string; name_zh_hant: string; name_en: string }>(
    'SELECT id, name_zh_hans, name_zh_hant, name_en FROM periods',
  );
  const map = new Map<string, string>();
  for (const r of rows) {
    for (const n of [r.id, r.name_zh_hans, r.name_zh_hant, r.name_en.toLowerCase()]) {
      map.set(n, r.id);
      map.set(n.replace(/(时期|時期)$/, ''), r.id);
    }
  }
  return { resolve: (v) => map.get(v.trim()) ?? map.get(v.trim().toLowerCase()) };
}

// ---- rows → records ---------------------------------------------------------------------------------

const sha = (s: string) => createHash('sha256').update(s).digest();

/** The upsert key: the roll's own record number when present (optionally namespaced), else a content hash. */
export function importKeyOf(record: MartyrRecord, sourceId: string | null, namespace?: string): string {
  if (sourceId) return `id:${namespace ? `${namespace}:` : ''}${sourceId}`;
  const place = record.nativePlace?.code ?? (record.nativePlace ? nameKeys(record.nativePlace.text).simplified : '');
  const basis = JSON.stringify([nameKeys(record.name).simplified, record.birthDate ?? '', place, record.deathDate ?? '']);
  return `h:${sha(basis).toString('hex').slice(0, 40)}`;
}

export const martyrIdOf = (importKey: string) => `r-${sha(importKey).toString('base64url').slice(0, 22)}`;

interface Context {
  periods: PeriodLookup;
  regions: RegionTable;
  namespace?: string | undefined;
}

const quote = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 40 ? `"${[...s].slice(0, 40).join('')}…"` : `"${s}"`;
};

const FRIENDLIER: Record<string, string> = {
  sex: 'must be 男 or 女 (male or female), or empty',
  seekingRelatives: 'must be 是 or 否 (true or false), or empty',
  sample: 'must be true or false, or empty',
};

/**
 * Contract-shaped input (from CSV cells or a JSON record) → a validated record, or the reasons it
 * is not one. `original` holds values as the file wrote them (before date or sex normalization).
 */
function validate(
  input: Record<string, unknown>,
  ctx: Context,
  label: (path: string) => string,
  original: Record<string, string | null> = {},
): { record?: MartyrRecord; reasons: string[] } {
  const reasons: string[] = [];
  const reported = new Set<string>();
  const period = input.period;
  if (typeof period === 'string' && period.trim() !== '') {
    const id = ctx.periods.resolve(period);
    if (id) input.period = id;
    else {
      reasons.push(`${label('period')} ${quote(period)}: is not a known history period (an id such as anti-japanese-war, or a name such as 抗日战争时期)`);
      reported.add('period');
    }
  }
  const np = input.nativePlace as { text?: unknown; code?: unknown } | null;
  if (np && (np.text === null || np.text === undefined || np.text === '') && typeof np.code === 'string') {
    const full = ctx.regions.fullName(np.code);
    if (full) np.text = full;
    else {
      reasons.push(`${label('nativePlace.code')} ${quote(np.code)}: is not a current GB/T 2260 code, so the written place (${label('nativePlace.text')}) is needed`);
      reported.add('nativePlace.code').add('nativePlace.text');
    }
  }
  const parsed = MartyrFields.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.');
      if (reported.has(path)) continue;
      reported.add(path);
      let value: unknown = input;
      for (const k of issue.path) value = (value as Record<PropertyKey, unknown> | null)?.[k as PropertyKey];
      if (original[path] !== undefined) value = original[path];
      const shown = value !== undefined && value !== null && typeof value !== 'object' ? ` ${quote(value)}` : '';
      reasons.push(`${label(path)}${shown}: ${FRIENDLIER[path] ?? issue.message}`);
    }
  }
  if (reasons.length > 0 || !parsed.success) return { reasons };
  return { record: parsed.data as MartyrRecord, reasons };
}

/** CSV lines or worksheet rows (the same records): a header naming the columns, then one martyr a row. */
function fromRecords(records: CsvRecord[], ctx: Context, format: 'csv' | 'xlsx'): ParsedRoll {
  const out: ParsedRoll = { format, total: 0, rows: [], bad: [] };
  const header = records.shift();
  if (!header) {
    out.bad.push({ line: 1, reason: 'the file is empty: a header line naming the columns is needed' });
    return out;
  }
  const columns: (Column | null)[] = [];
  const written = new Map<Column, string>();
  for (const raw of header.cells) {
    const h = raw.trim();
    const col = HEADER_TO_COLUMN.get(h.toLowerCase()) ?? null;
    if (!col) out.bad.push({ line: header.line, reason: `unknown column "${h}" (see docs/import.md for the columns)` });
    else if (written.has(col)) out.bad.push({ line: header.line, reason: `column "${h}" repeats "${written.get(col)}"` });
    else written.set(col, h);
    columns.push(col);
  }
  if (!written.has('name')) out.bad.push({ line: header.line, reason: 'the header has no name (姓名) column' });
  out.total = records.length;
  if (out.bad.length > 0) return out;
  const label = (path: string) => {
    const col = PATH_TO_COLUMN[path] ?? PATH_TO_COLUMN[path.split('.')[0]!];
    return col ? (written.get(col) ?? col) : path;
  };
  for (const rec of records) {
    if (rec.cells.length > columns.length) {
      out.bad.push({ line: rec.line, reason: `${rec.cells.length} cells for ${columns.length} columns (an unquoted comma in a cell?)` });
      continue;
    }
    const cell = (col: Column): string | null => {
      const i = columns.indexOf(col);
      const v = i < 0 ? undefined : rec.cells[i]?.trim();
      return v === undefined || v === '' ? null : v;
    };
    const dateCell = (col: Column) => {
      const v = cell(col);
      return v === null ? null : normalizeDate(v);
    };
    const nativeText = cell('native_place');
    const nativeCode = cell('native_place_code');
    const cemetery = cell('cemetery');
    const section = cell('grave_section');
    const row = cell('grave_row');
    const number = cell('grave_number');
    const authority = cell('approval_authority');
    const approvalDate = dateCell('approval_date');
    const sex = cell('sex');
    const input: Record<string, unknown> = {
      name: cell('name') ?? '',
      sex: sex === null ? null : parseSex(sex),
      ethnicity: cell('ethnicity'),
      nativePlace: nativeText || nativeCode ? { text: nativeText, code: nativeCode?.normalize('NFKC') ?? null } : null,
      birthDate: dateCell('birth_date'),
      enlistmentDate: dateCell('enlistment_date'),
      unit: cell('unit'),
      post: cell('post'),
      deathDate: dateCell('death_date'),
      deathPlace: cell('death_place'),
      period: cell('period'),
      burial: cemetery || section || row || number ? { cemetery, section, row, number } : null,
      photoUrl: cell('photo_url'),
      biography: cell('biography'),
      approval: authority || approvalDate ? { authority, date: approvalDate } : null,
      seekingRelatives: parseBool(cell('seeking_relatives') ?? ''),
      sample: parseBool(cell('sample') ?? ''),
    };
    const aliases = cell('aliases');
    if (aliases !== null) input.aliases = cleanAliases(input.name, splitAliases(aliases));
    const sourceId = cell('source_id');
    const original = {
      sex, birthDate: cell('birth_date'), enlistmentDate: cell('enlistment_date'), deathDate: cell('death_date'), 'approval.date': cell('approval_date'),
      seekingRelatives: cell('seeking_relatives'), sample: cell('sample'),
    };
    const { record, reasons } = validate(input, ctx, label, original);
    if (!record) out.bad.push({ line: rec.line, reason: reasons.join('; ') });
    else {
      const importKey = importKeyOf(record, sourceId, ctx.namespace);
      out.rows.push({ line: rec.line, record, importKey, id: martyrIdOf(importKey) });
    }
  }
  return out;
}

const JSON_FIELDS = new Set([...Object.keys(MartyrFields.shape), 'sourceId']);
const NULLABLE_DEFAULTS: Record<string, unknown> = Object.fromEntries(
  Object.keys(MartyrFields.shape).filter((k) => k !== 'aliases').map((k) => [k, k === 'seekingRelatives' || k === 'sample' ? false : null]),
);
const DATE_PATHS = ['birthDate', 'enlistmentDate', 'deathDate'];

function fromJson(text: string, ctx: Context): ParsedRoll {
  const out: ParsedRoll = { format: 'json', total: 0, rows: [], bad: [] };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    out.bad.push({ line: 1, reason: `not valid JSON: ${(err as Error).message}` });
    return out;
  }
  const list = Array.isArray(doc) ? doc : (doc as { records?: unknown } | null)?.records;
  if (!Array.isArray(list)) {
    out.bad.push({ line: 1, reason: 'expected an array of records, or an object with a "records" array' });
    return out;
  }
  const lines = jsonElementLines(text);
  out.total = list.length;
  list.forEach((item, i) => {
    const line = lines[i] ?? 1;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      out.bad.push({ line, reason: `record ${i + 1} is not an object` });
      return;
    }
    const unknown = Object.keys(item).filter((k) => !JSON_FIELDS.has(k));
    if (unknown.length > 0) {
      out.bad.push({ line, reason: `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}` });
      return;
    }
    const { sourceId: rawSourceId, ...fields } = item as Record<string, unknown>;
    const input: Record<string, unknown> = { ...NULLABLE_DEFAULTS, ...structuredClone(fields) };
    const original: Record<string, string | null> = {};
    for (const k of DATE_PATHS) {
      if (typeof input[k] !== 'string') continue;
      original[k] = input[k] as string;
      input[k] = normalizeDate(input[k] as string);
    }
    if (typeof input.sex === 'string') input.sex = parseSex(input.sex);
    if (input.aliases === null) delete input.aliases;
    else if (typeof input.aliases === 'string') input.aliases = splitAliases(input.aliases);
    if (input.aliases !== undefined) input.aliases = cleanAliases(input.name, input.aliases);
    const sourceId = typeof rawSourceId === 'number' || (typeof rawSourceId === 'string' && rawSourceId.trim() !== '') ? String(rawSourceId).trim() : null;
    const { record, reasons } = validate(input, ctx, (p) => p, original);
    if (!record) out.bad.push({ line, reason: reasons.join('; ') });
    else {
      const importKey = importKeyOf(record, sourceId, ctx.namespace);
      out.rows.push({ line, record, importKey, id: martyrIdOf(importKey) });
    }
  });
  return out;
}

/** Parses and validates a roll file's text; the format is `.json` or CSV (anything else). */
export async function parseRoll(text: string, format: 'csv' | 'json', db: Queryable, opts: { namespace?: string | undefined } = {}): Promise<ParsedRoll> {
  return parseRollInput(format === 'json' ? { json: text } : { records: parseCsv(text), format: 'csv' }, db, opts);
}

/** Parses and validates the rows of an Excel workbook's first sheet (see xlsx.ts). */
export async function parseRollXlsx(bytes: Uint8Array, db: Queryable, opts: { namespace?: string | undefined } = {}): Promise<ParsedRoll> {
  return parseRollInput({ records: await readXlsxRecords(bytes), format: 'xlsx' }, db, opts);
}

async function parseRollInput(
  input: { json: string } | { records: CsvRecord[]; format: 'csv' | 'xlsx' },
  db: Queryable,
  opts: { namespace?: string | undefined },
): Promise<ParsedRoll> {
  const ctx: Context = { periods: await loadPeriods(db), regions: await loadRegions(), namespace: opts.namespace };
  const parsed = 'json' in input ? fromJson(input.json, ctx) : fromRecords(input.records, ctx, input.format);
  // The same record twice in one file would make the upsert touch one row twice.
  const first = new Map<string, number>();
  parsed.rows = parsed.rows.filter((r) => {
    const seen = first.get(r.importKey);
    if (seen === undefined) {
      first.set(r.importKey, r.line);
      return true;
    }
    const how = r.importKey.startsWith('id:') ? 'the same source id' : 'the same name, birth date, native place and death date';
    parsed.bad.push({ line: r.line, reason: `repeats the record on line ${seen} (${how})` });
    return false;
  });
  parsed.bad.sort((a, b) => a.line - b.line);
  return parsed;
}

export async function readRollFile(path: string, db: Queryable, opts: { namespace?: string | undefined } = {}): Promise<ParsedRoll> {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return parseRollXlsx(await readFile(path), db, opts);
  const text = decodeRollFile(await readFile(path));
  return parseRoll(text, ext === '.json' ? 'json' : 'csv', db, opts);
}

// ---- applying -----------------------------------------------------------------------------------------

interface ExistingRow {
  import_key: string;
  id: string;
  name: string;
  seeking_relatives: boolean;
}

/** Columns an upsert rewrites; the id and creation time stay. */
const UPDATE_COLUMNS = [...MARTYR_FIELD_COLUMNS, ...KEY_COLUMNS];

const UPSERT_SUFFIX = `ON CONFLICT (import_key) DO UPDATE SET ${UPDATE_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}, updated_at = now()
  WHERE (${MARTYR_FIELD_COLUMNS.map((c) => `martyrs.${c}`).join(', ')}) IS DISTINCT FROM (${MARTYR_FIELD_COLUMNS.map((c) => `EXCLUDED.${c}`).join(', ')})
  RETURNING import_key`;

/**
 * Writes validated rows in one transaction: upsert on the import key, then matching for the
 * martyrs that newly seek relatives. With bad rows and no `partial`, writes nothing.
 */
export async function applyRoll(db: Database, parsed: ParsedRoll, opts: { partial?: boolean; dryRun?: boolean; analyze?: boolean } = {}): Promise<ImportReport> {
  const report: ImportReport = { format: parsed.format, total: parsed.total, applied: false, inserted: 0, updated: 0, unchanged: 0, bad: [...parsed.bad], newMatches: 0 };
  const run = async (tx: Queryable) => {
    const existing = new Map<string, ExistingRow>();
    const keys = parsed.rows.map((r) => r.importKey);
    for (let i = 0; i < keys.length; i += 5000) {
      const { rows } = await tx.query<ExistingRow>(
        'SELECT import_key, id, name, seeking_relatives FROM martyrs WHERE import_key = ANY($1)',
        [keys.slice(i, i + 5000)],
      );
      for (const r of rows) existing.set(r.import_key, r);
    }
    // A source id that already names someone else is a clash between rolls, not a correction.
    const rows = parsed.rows.filter((r) => {
      const old = existing.get(r.importKey);
      if (!old || !r.importKey.startsWith('id:') || compareNames(r.record.name, old.name, { matchableOnly: true })) return true;
      report.bad.push({ line: r.line, reason: `source id already belongs to ${old.name} (martyr ${old.id}); this row names ${r.record.name}` });
      return false;
    });
    report.bad.sort((a, b) => a.line - b.line);
    if ((report.bad.length > 0 && !opts.partial) || opts.dryRun) return false;
    const changed = new Set(
      (await insertRows<{ import_key: string }>(tx, 'martyrs', MARTYR_COLUMNS, rows.map((r) => martyrRow(r.id, r.record, r.importKey)), UPSERT_SUFFIX))
        .map((r) => r.import_key),
    );
    // Other names' keys: rewritten for every record that has some now or may have had some before.
    await writeAliasKeys(tx, rows.filter((r) => r.record.aliases?.length || existing.has(r.importKey))
      .map((r) => ({ id: existing.get(r.importKey)?.id ?? r.id, aliases: r.record.aliases })));
    for (const r of rows) {
      const old = existing.get(r.importKey);
      if (!old) report.inserted++;
      else if (changed.has(r.importKey)) report.updated++;
      else report.unchanged++;
    }
    const { rows: open } = await tx.query<{ any: boolean }>("SELECT EXISTS (SELECT 1 FROM family_searches WHERE status = 'open') AS any");
    if (open[0]?.any) {
      for (const r of rows) {
        const old = existing.get(r.importKey);
        if (r.record.seekingRelatives && !old?.seeking_relatives) report.newMatches += await matchMartyr(tx, old?.id ?? r.id);
      }
    }
    // The embedded database has no autovacuum: refresh the planner's statistics after a big load.
    if (opts.analyze ?? rows.length >= 10_000) await tx.exec('ANALYZE martyrs');
    return true;
  };
  // Rolled back as a whole on any error: nothing is half-applied.
  report.applied = await db.transaction(async (tx) => {
    const applied = await run(tx);
    if (!applied) throw new NothingApplied();
    return true;
  }).catch((err: unknown) => {
    if (err instanceof NothingApplied) return false;
    throw err;
  });
  if (!report.applied) report.inserted = report.updated = report.unchanged = report.newMatches = 0;
  return report;
}

class NothingApplied extends Error {}

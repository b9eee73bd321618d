// Name-search benchmark at national-roll scale (issues 6 and 20): N synthetic records through the
// roll import path into an embedded PGlite on disk (or a PostgreSQL database), then p50/p95 per
// query kind beside an exact indexed lookup measured in the same run, with the machine's load.
//
//   node --import tsx bench/search.ts                      2,000,000 records (builds once, then reuses the database)
//   node --import tsx bench/search.ts --count 200000       a smaller roll
//   options: --dir DIR (default bench/out/search-db-<count>), --queries N (per kind, default 200),
//            --rebuild (drop and regenerate), --json FILE (results as JSON; default bench/out/search-<count>[-pg].json),
//            --database-url URL (PostgreSQL instead of PGlite; the roll goes into schema bench_search_<count>)
//
// Budget (issue 20): p95 ≤ 20 ms for every name-search kind at 2,000,000 records, and within 3× of
// the exact indexed lookup measured in the same run.
// Records are FICTIONAL (sample: true), assembled from common surnames and given-name characters.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Converter } from 'opencc-js/cn2t';
import { pinyin } from 'pinyin-pro';
import { HISTORY_PERIODS } from '../src/contract/index.js';
import { openDatabase } from '../server/db/database.js';
import { migrate } from '../server/db/migrate.js';
import { applyRoll, importKeyOf, martyrIdOf, type ParsedRoll, type RollRow } from '../server/import/roll.js';
import type { MartyrRecord } from '../server/martyr-store.js';
import { loadRegions } from '../server/regions.js';
import { searchMartyrs, type SearchFilters } from '../server/routes/martyr-search.js';
import { fuzzySyllable } from '../server/search/dialect.js';
import { lookalikesOf } from '../server/search/lookalikes.js';
import { nameKeys } from '../server/search/name-keys.js';
import { seedDatabase } from '../server/seed-database.js';
import { SURNAMES } from '../server/seed/names.js';
import { PERIOD_DEATH_SPANS } from '../server/seed/periods.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '2000000' },
    dir: { type: 'string' },
    queries: { type: 'string', default: '200' },
    rebuild: { type: 'boolean', default: false },
    json: { type: 'string' },
    'database-url': { type: 'string' },
  },
});
const DATABASE_URL = values['database-url'];
const COUNT = Number(values.count);
const QUERIES = Number(values.queries);
if (!Number.isInteger(COUNT) || COUNT < 1000) throw new Error('--count must be an integer ≥ 1000');
const dir = resolve(values.dir ?? join(root, 'bench/out', `search-db-${COUNT}`));

// ---- deterministic synthetic roll -----------------------------------------------------------------

let seed = 0x1949_1001;
const rand = () => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const surnameTotal = SURNAMES.reduce((a, [, w]) => a + w, 0);
/** Polyphonic surnames (单 shàn/dān …), rare in the sample roll's weights: about 1 record in 100. */
const POLYPHONIC = ['单', '解', '仇', '查', '区', '缪', '盖', '乐', '曾', '朴'];
const surname = () => {
  if (rand() < 0.01) return pick(POLYPHONIC);
  let r = rand() * surnameTotal;
  for (const [s, w] of SURNAMES) if ((r -= w) < 0) return s;
  return SURNAMES[0]![0];
};
/** About 400 given-name characters common in registers of the 20th century. */
const GIVEN = [...new Set([
  ...'德明国华志文建永福贵海山林成云清生金玉春忠义仁富荣发祥昌兴洪宝有正家树长庆和平顺保友先光胜利才全汉章鸿根元振世远茂炳开秋',
  ...'秀英兰珍芳桂凤梅翠淑琴惠莲贞彩伟磊鹏杰涛斌超勇俊博晨飞宇浩亮刚军强辉峰龙波洋凯健卫东红新丽娟静燕婷敏艳琳霞玲',
  ...'子大小万中天立克树培少启益克学思守道铁锡银铭钦佩奎其兆朝宗耀锦绍继承传连连进达彦玉良善喜吉庆延寿松柏竹青',
  ...'恩泽润泉涛源江河湖溪湘湛洲润泰安宁定康乐宏伟雄武威强毅坚勤俭朴实诚信廉洁孝悌敬慎谦和睦邦治政民众群众',
  ...'耕田农牧渔樵工商士兵军营团旅师帅将校尉士官吏典章法律则规矩方圆品格局量度衡权柄秉持操守节操气概胸怀',
])];
const PERIODS = HISTORY_PERIODS.filter((p) => p in PERIOD_DEATH_SPANS);
const UNITS = ['某部三营七连', '某红军独立团', '某游击支队', '某纵队三团', '某县民兵营', '某县公安局', '某边防团', '某消防救援大队'];
const CEMETERIES = ['青松县烈士陵园', '松岭县革命烈士陵园', '红石县烈士陵园', '翠溪县烈士陵园', '东岭市烈士陵园', '丹枫县革命烈士陵园'];

async function generate(counties: { code: string; text: string }[], n: number, offset: number): Promise<RollRow[]> {
  const rows: RollRow[] = [];
  for (let i = 0; i < n; i++) {
    const given = rand() < 0.3 ? pick(GIVEN) : pick(GIVEN) + pick(GIVEN);
    const name = surname() + given;
    const period = pick(PERIODS);
    const spans = PERIOD_DEATH_SPANS[period as keyof typeof PERIOD_DEATH_SPANS];
    const [from, to] = pick(spans);
    const y0 = Number(from.slice(0, 4));
    const y1 = Number(to.slice(0, 4));
    const deathYear = y0 + Math.floor(rand() * (y1 - y0 + 1));
    const place = rand() < 0.85 ? pick(counties) : { code: null, text: pick(['江西省雩都县', '湖北省黄安县', '陕西省肤施县', '直隶省保定府', '广东省嘉应州']) };
    const record: MartyrRecord = {
      name,
      sex: rand() < 0.93 ? 'male' : 'female',
      ethnicity: '汉族',
      nativePlace: place,
      birthDate: String(deathYear - 16 - Math.floor(rand() * 25)),
      enlistmentDate: null,
      unit: rand() < 0.9 ? pick(UNITS) : null,
      post: null,
      deathDate: rand() < 0.5 ? String(deathYear) : `${deathYear}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}`,
      deathPlace: null,
      period,
      burial: rand() < 0.3 ? { cemetery: pick(CEMETERIES), section: null, row: null, number: null } : null,
      photoUrl: null,
      biography: null,
      approval: null,
      seekingRelatives: rand() < 0.13,
      sample: true,
      // About 3 records in 100 carry another name (别名), as the national roll's alias field does.
      aliases: rand() < 0.03 ? [name.slice(0, 1) + pick(GIVEN) + pick(GIVEN)] : undefined,
    };
    // Synthetic rows carry their own record number, as a county roll does.
    const importKey = importKeyOf(record, `B${offset + i}`, 'bench');
    rows.push({ line: offset + i + 2, record, importKey, id: martyrIdOf(importKey) });
  }
  return rows;
}

// ---- build (or reuse) the database -------------------------------------------------------------------

const fmt = (n: number) => n.toLocaleString('en-US');
const t0 = performance.now();
if (values.rebuild && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const db = await openDatabase(DATABASE_URL ? { databaseUrl: DATABASE_URL, schema: `bench_search_${COUNT}` } : { dataDir: dir });
await migrate(db);
await seedDatabase(db, { sampleMartyrs: false });
const have = Number((await db.query<{ n: number }>('SELECT CAST(count(*) AS int) AS n FROM martyrs')).rows[0]!.n);
let loadSeconds: number | null = null;
if (have !== COUNT) {
  if (have !== 0) throw new Error(`${dir} holds ${fmt(have)} martyrs, not ${fmt(COUNT)}: pass --rebuild`);
  const regions = await loadRegions();
  const counties: { code: string; text: string }[] = [];
  for (const p of regions.children(undefined)!) {
    for (const c of regions.children(p.code) ?? []) {
      for (const k of regions.children(c.code) ?? []) counties.push({ code: k.code, text: regions.fullName(k.code)! });
    }
  }
  // Bulk-load practice: the secondary indexes are dropped for the load and built once at the end
  // (a sorted build is far cheaper than 2M incremental inserts into a dozen btrees). The primary
  // key and the import_key unique index stay: the import path upserts on import_key.
  const { rows: indexes } = await db.query<{ indexname: string; indexdef: string }>(
    "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'martyrs' AND indexname NOT IN ('martyrs_pkey', 'martyrs_import_key_key')",
  );
  for (const ix of indexes) await db.exec(`DROP INDEX ${ix.indexname}`);
  const BATCH = 20_000;
  const tLoad = performance.now();
  for (let done = 0; done < COUNT; done += BATCH) {
    const rows = await generate(counties, Math.min(BATCH, COUNT - done), done);
    const parsed: ParsedRoll = { format: 'csv', total: rows.length, rows, bad: [] };
    // The import path: validated rows → one upsert transaction per batch.
    const report = await applyRoll(db, parsed, { analyze: false });
    if (report.inserted !== rows.length) throw new Error(`batch at ${done}: ${report.inserted} inserted`);
    const s = (performance.now() - tLoad) / 1000;
    if ((done / BATCH) % 10 === 0 || done + BATCH >= COUNT) {
      process.stderr.write(`  loaded ${fmt(done + rows.length)} / ${fmt(COUNT)} in ${s.toFixed(0)} s (${fmt(Math.round((done + rows.length) / s))} rows/s)\n`);
    }
  }
  const tIndex = performance.now();
  await db.exec('SET maintenance_work_mem = \'256MB\'');
  for (const ix of indexes) await db.exec(ix.indexdef);
  process.stderr.write(`  built ${indexes.length} secondary indexes in ${((performance.now() - tIndex) / 1000).toFixed(0)} s\n`);
  await db.exec('ANALYZE martyrs');
  await db.exec('ANALYZE martyr_aliases');
  await db.exec('CHECKPOINT');
  loadSeconds = (performance.now() - tLoad) / 1000;
}

// ---- queries -------------------------------------------------------------------------------------------

interface Sample {
  id: string;
  name: string;
  native_place_code: string | null;
  period: string | null;
  death_date: string | null;
}
const sampleRows = (await db.query<Sample>(
  `SELECT id, name, native_place_code, period, death_date FROM martyrs TABLESAMPLE SYSTEM (${Math.min(100, (QUERIES * 2000) / COUNT)}) REPEATABLE (7)`,
)).rows;
if (sampleRows.length < QUERIES) throw new Error(`only ${sampleRows.length} sample rows`);
const samples = sampleRows.sort((a, b) => (a.id < b.id ? -1 : 1)).slice(0, QUERIES * 4);

const toTraditional = Converter({ from: 'cn', to: 't' });
const byTone = new Map<string, string[]>();
for (const ch of GIVEN) {
  const t = pinyin(ch, { toneType: 'symbol' });
  byTone.set(t, [...(byTone.get(t) ?? []), ch]);
}
/** Replaces one given-name character by another with the same toned pinyin (章 for 张 stays out: surnames are kept). */
function homophoneOf(name: string): string | null {
  const cps = [...name];
  for (let i = cps.length - 1; i >= 1; i--) {
    const alts = (byTone.get(pinyin(cps[i]!, { toneType: 'symbol' })) ?? []).filter((c) => c !== cps[i]);
    if (alts.length) {
      cps[i] = alts[0]!;
      return cps.join('');
    }
  }
  return null;
}
const spacedPinyin = (name: string) => pinyin(name, { toneType: 'none', mode: 'surname', v: true });

/** Given-name characters by dialect key, for a dialect confusion that is not also a homophone. */
const byFuzzy = new Map<string, string[]>();
for (const ch of GIVEN) {
  const f = fuzzySyllable(pinyin(ch, { toneType: 'none', v: true }));
  byFuzzy.set(f, [...(byFuzzy.get(f) ?? []), ch]);
}
function dialectOf(name: string): string | null {
  const cps = [...name];
  for (let i = cps.length - 1; i >= 1; i--) {
    const own = pinyin(cps[i]!, { toneType: 'none', v: true });
    const alt = (byFuzzy.get(fuzzySyllable(own)) ?? []).find((c) => pinyin(c, { toneType: 'none', v: true }) !== own);
    if (alt) {
      cps[i] = alt;
      return cps.join('');
    }
  }
  return null;
}
function lookalikeOf(name: string): string | null {
  const cps = [...name];
  for (let i = cps.length - 1; i >= 0; i--) {
    const alt = lookalikesOf(cps[i]!).find((c) => c !== cps[i] && pinyin(c, { toneType: 'none' }) !== pinyin(cps[i]!, { toneType: 'none' }));
    if (alt) {
      cps[i] = alt;
      return cps.join('');
    }
  }
  return null;
}
// Records with a polyphonic surname and records with aliases are rare: sampled on their own.
const altSamples = (await db.query<Sample>(
  `SELECT id, name, native_place_code, period, death_date FROM martyrs WHERE name_pinyin_alt IS NOT NULL ORDER BY name_pinyin_alt, id COLLATE "C" LIMIT ${QUERIES * 4}`,
)).rows;
const aliasSamples = (await db.query<Sample & { alias: string }>(
  `SELECT m.id, m.name, m.native_place_code, m.period, m.death_date, a.name AS alias FROM martyr_aliases a JOIN martyrs m ON m.id = a.martyr_id
    ORDER BY a.martyr_id LIMIT ${QUERIES * 4}`,
)).rows;
const lookalikeSamples = (await db.query<Sample>(
  `SELECT id, name, native_place_code, period, death_date FROM martyrs WHERE name_glyph IS NOT NULL ORDER BY name_glyph, id COLLATE "C" LIMIT ${QUERIES * 40}`,
)).rows.filter((_, i) => i % 10 === 0);

interface Kind {
  kind: string;
  note: string;
  /** Other records to draw from (default: the random sample). */
  from?: Sample[];
  /** A query for a sample record, or null if this record does not suit this kind. */
  make(s: Sample): { filters: SearchFilters; expect: string } | null;
}
const KINDS: Kind[] = [
  { kind: 'exact', note: 'the name as written', make: (s) => ({ filters: { q: s.name }, expect: s.id }) },
  {
    kind: 'script-variant', note: 'traditional characters (陳國華)',
    make: (s) => {
      const t = toTraditional(s.name);
      return t === s.name ? null : { filters: { q: t }, expect: s.id };
    },
  },
  {
    kind: 'homophone', note: 'one given-name character replaced by a same-pinyin one',
    make: (s) => {
      const h = homophoneOf(s.name);
      return h ? { filters: { q: h }, expect: s.id } : null;
    },
  },
  { kind: 'pinyin', note: 'Latin pinyin with spaces (zhang zhi ming)', make: (s) => ({ filters: { q: spacedPinyin(s.name) }, expect: s.id }) },
  { kind: 'initials', note: 'pinyin initials (zzm)', make: (s) => ({ filters: { q: nameKeys(s.name).initials }, expect: s.id }) },
  {
    kind: 'partial', note: 'surname + one given-name character (张志 / 张明)',
    make: (s) => {
      const cps = [...s.name];
      if (cps.length < 3) return null;
      return { filters: { q: cps[0]! + (s.id.charCodeAt(3) % 2 ? cps[1]! : cps[2]!) }, expect: s.id };
    },
  },
  { kind: 'surname only', note: 'one character (张): a prefix range', make: (s) => ({ filters: { q: [...s.name][0]! }, expect: '' }) },
  {
    kind: 'dialect', note: 'one given-name character in a dialect confusion (l/n, an/ang …)',
    make: (s) => {
      const d = dialectOf(s.name);
      return d ? { filters: { q: d }, expect: s.id } : null;
    },
  },
  {
    kind: 'look-alike', note: 'one character replaced by a look-alike (崇/祟)', from: lookalikeSamples,
    make: (s) => {
      const l = lookalikeOf(s.name);
      return l ? { filters: { q: l }, expect: s.id } : null;
    },
  },
  {
    kind: 'surname reading', note: 'Latin pinyin, polyphonic surname read as in a word (dan …)', from: altSamples,
    make: (s) => {
      const k = nameKeys(s.name);
      return k.pinyinAlt ? { filters: { q: k.pinyinAlt }, expect: s.id } : null;
    },
  },
  {
    kind: 'alias', note: 'another name (别名) as written', from: aliasSamples,
    make: (s) => ({ filters: { q: (s as Sample & { alias: string }).alias }, expect: s.id }),
  },
  {
    kind: 'name + filters', note: 'name with province, period and death-year range',
    make: (s) => {
      if (!s.native_place_code || !s.period || !s.death_date) return null;
      const y = Number(s.death_date.slice(0, 4));
      return { filters: { q: s.name, nativePlaceCode: `${s.native_place_code.slice(0, 2)}0000`, period: s.period, deathYearFrom: y - 2, deathYearTo: y + 2 }, expect: s.id };
    },
  },
  {
    kind: 'filters only', note: 'county + period + seeking relatives, no name',
    make: (s) => (s.native_place_code && s.period ? { filters: { nativePlaceCode: s.native_place_code, period: s.period, seekingRelatives: true }, expect: '' } : null),
  },
];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

interface Result {
  kind: string;
  note: string;
  queries: number;
  p50: number;
  p95: number;
  max: number;
  found: number | null;
}
const results: Result[] = [];
/** Load average (1 min) at the start and end of each kind's measurement. */
const loads: Record<string, [number, number]> = {};

async function measure(kind: string, note: string, runs: (() => Promise<boolean | null>)[]): Promise<void> {
  for (const r of runs.slice(0, 20)) await r(); // warm the cache like a serving process
  const load0 = loadavg()[0]!;
  const times: number[] = [];
  let found = 0;
  let judged = 0;
  for (const r of runs) {
    const t = performance.now();
    const ok = await r();
    times.push(performance.now() - t);
    if (ok !== null) {
      judged++;
      if (ok) found++;
    }
  }
  loads[kind] = [load0, loadavg()[0]!];
  if (runs.length === 0) return;
  results.push({ kind, note, queries: runs.length, p50: pct(times, 50), p95: pct(times, 95), max: Math.max(...times), found: judged ? found / judged : null });
}

// The reference: an exact lookup on the plain name index, as any roll database would do it.
await measure(
  'baseline: indexed name =', 'SELECT … WHERE name = $1 (btree), same page size',
  samples.slice(0, QUERIES).map((s) => async () => {
    const { rows } = await db.query<{ id: string }>(
      'SELECT id, name FROM martyrs WHERE name COLLATE "C" = $1 ORDER BY name COLLATE "C", id COLLATE "C" LIMIT 21',
      [s.name],
    );
    return rows.some((r) => r.id === s.id) || rows.length === 21;
  }),
);
for (const k of KINDS) {
  const runs: (() => Promise<boolean | null>)[] = [];
  for (const s of k.from ?? samples) {
    if (runs.length === QUERIES) break;
    const made = k.make(s);
    if (!made) continue;
    runs.push(async () => {
      const page = await searchMartyrs(db, { ...made.filters, limit: 20 });
      if (!made.expect) return null;
      // Found on the first page — or the page is full of hits at least as strong (a common name).
      return page.items.some((m) => m.id === made.expect);
    });
  }
  await measure(k.kind, k.note, runs);
}

// ---- report --------------------------------------------------------------------------------------------

const cpu = cpus()[0]?.model ?? 'unknown';
const engine = DATABASE_URL ? `PostgreSQL ${(await db.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v}` : 'PGlite (PostgreSQL 18, WASM) on disk';
const machine = `${cpus().length} cores, ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${engine}`;
const { rows: size } = await db.query<{ s: string }>("SELECT pg_size_pretty(pg_total_relation_size('martyrs')) AS s");
const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));
const ms = (x: number) => x.toFixed(1).padStart(7);
console.log(`\nName search over ${fmt(COUNT)} records (${size[0]!.s} with indexes) — ${machine}`);
if (loadSeconds !== null) console.log(`Generated and imported in ${loadSeconds.toFixed(0)} s (${fmt(Math.round(COUNT / loadSeconds))} rows/s through applyRoll).`);
console.log(`${QUERIES} queries per kind after 20 warm-up queries; times in ms, one query at a time, first page of 20.\n`);
const baseline = results[0]!.p95;
console.log(`${pad('kind', 26)}${'p50'.padStart(7)}${'p95'.padStart(7)}${'max'.padStart(7)}  ×base  found  budget  load   query`);
for (const r of results) {
  const ratio = r.p95 / baseline;
  const budget = r.kind.startsWith('baseline') || r.kind === 'filters only' ? '  —   ' : r.p95 <= 20 && ratio <= 3 ? '  ok  ' : ' OVER ';
  const found = r.found === null ? '   —  ' : `${(r.found * 100).toFixed(0).padStart(4)}% `;
  const [l0, l1] = loads[r.kind]!;
  console.log(`${pad(r.kind, 26)}${ms(r.p50)}${ms(r.p95)}${ms(r.max)}  ${ratio.toFixed(1).padStart(4)}  ${found} ${budget} ${l0.toFixed(1)}–${l1.toFixed(1)}  ${r.note}`);
}
console.log('Budget: p95 ≤ 20 ms and ≤ 3× the baseline\'s p95 ("×base"); "load": 1-minute load average before and after the kind ran.');
console.log('\n"found": share of queries whose sampled record is on the first page of 20 (a miss means 20 hits at least as strong came first: a common name, or a short partial query).');
const out = values.json ?? join(root, 'bench/out', `search-${COUNT}${DATABASE_URL ? '-pg' : ''}.json`);
writeFileSync(out, JSON.stringify({ count: COUNT, machine, loadSeconds, loads, results, totalSeconds: (performance.now() - t0) / 1000 }, null, 2));
console.log(`Results in ${out}`);
await db.close();

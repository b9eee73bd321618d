import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CAMPAIGN_KIND_TEXT, CalendarCampaign, CampaignRule, HISTORY_PERIODS, LocalizedText, MartyrFields } from '../../src/contract/index.js';
import { seededCalendar } from '../../server/calendar/seeded.js';
import { NATIONAL_PLATFORM_URL, seedCampaignRules } from '../../server/seed/campaigns.js';
import { ASTRAL_NAMES, COMPOUND_SURNAMES, NEAR_NAME_PAIRS } from '../../server/seed/names.js';
import { PeriodSeed, seedPeriods } from '../../server/seed/periods.js';
import { SAMPLE_MARKER, sampleMartyrs, type MartyrFieldsInput } from '../../server/seed/sample-martyrs.js';

const roll = sampleMartyrs();
const yearOf = (d: string | null | undefined): number | null => (d ? Number(d.slice(0, 4)) : null);
const isAstral = (s: string): boolean => [...s].some((ch) => (ch.codePointAt(0) ?? 0) > 0xffff);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The 31 province-level divisions of GB/T 2260 (first two digits). */
const PROVINCE_PREFIXES = [
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41',
  '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
];

/** Death years the domain allows per period (from the brief, independent of the generator). */
const DEATH_YEARS: Record<string, readonly [number, number]> = {
  'great-revolution': [1924, 1927],
  'agrarian-revolution': [1927, 1937],
  'anti-japanese-war': [1931, 1945],
  'liberation-war': [1945, 1949],
  'korean-war': [1950, 1953],
  'socialist-construction': [1949, 1978],
  'new-era': [1979, new Date().getFullYear()],
};

describe('sampleMartyrs', () => {
  test('is deterministic: two calls give deep-equal data', () => {
    assert.deepEqual(sampleMartyrs(), roll);
    assert.equal(JSON.stringify(sampleMartyrs()), JSON.stringify(roll));
  });

  test('a shorter roll is a prefix of the longer one (each record depends only on its index)', () => {
    assert.deepEqual(sampleMartyrs(50), roll.slice(0, 50));
  });

  test('returns the requested count, 360 by default, and refuses a bad count', () => {
    assert.equal(roll.length, 360);
    assert.equal(sampleMartyrs(0).length, 0);
    assert.equal(sampleMartyrs(25).length, 25);
    assert.equal(sampleMartyrs(1000).length, 1000);
    assert.throws(() => sampleMartyrs(-1), RangeError);
    assert.throws(() => sampleMartyrs(1.5), RangeError);
  });

  test('every record validates against MartyrFields and parses to itself (no extra keys)', () => {
    for (const [i, m] of roll.entries()) {
      const r = MartyrFields.safeParse(m);
      assert.ok(r.success, `record ${i} (${m.name}): ${r.success ? '' : JSON.stringify(r.error.issues)}`);
      assert.deepEqual(r.data, m, `record ${i} changed when parsed`);
    }
  });

  test('every record is marked as sample, has no photo, and every biography opens with the marker', () => {
    let withBio = 0;
    for (const m of roll) {
      assert.equal(m.sample, true, m.name);
      assert.equal(m.photoUrl, null, m.name);
      if (m.biography != null) {
        withBio++;
        assert.ok(m.biography.startsWith(SAMPLE_MARKER), `biography of ${m.name} lacks the marker`);
        assert.ok(m.biography.includes(m.name), `biography of ${m.name} does not name the person`);
      }
    }
    assert.equal(SAMPLE_MARKER, '（示例数据，人物虚构）');
    assert.ok(withBio >= 100, `only ${withBio} biographies`);
  });

  test('covers every history period, with death years inside the period', () => {
    const periods = new Set(roll.map((m) => m.period));
    for (const p of HISTORY_PERIODS) assert.ok(periods.has(p), `period ${p} missing`);
    for (const m of roll) {
      if (m.period != null) assert.ok((HISTORY_PERIODS as readonly string[]).includes(m.period), `unknown period ${m.period}`);
      const dy = yearOf(m.deathDate);
      if (m.period == null || dy === null) continue;
      const [lo, hi] = DEATH_YEARS[m.period] as readonly [number, number];
      assert.ok(dy >= lo && dy <= hi, `${m.name}: died ${dy}, outside ${m.period} ${lo}–${hi}`);
    }
  });

  test('birth, enlistment, death and approval are in order', () => {
    for (const m of roll) {
      const b = yearOf(m.birthDate);
      const e = yearOf(m.enlistmentDate);
      const d = yearOf(m.deathDate);
      const a = yearOf(m.approval?.date);
      if (b !== null && d !== null) assert.ok(d - b >= 15 && d - b <= 60, `${m.name}: age ${d - b}`);
      if (b !== null && e !== null) assert.ok(e - b >= 14, `${m.name}: enlisted at ${e - b}`);
      if (e !== null && d !== null) assert.ok(e <= d, `${m.name}: enlisted ${e} after death ${d}`);
      if (a !== null && d !== null) assert.ok(a > d, `${m.name}: approved ${a} before death ${d}`);
    }
  });

  test('籍贯 covers all 31 province-level divisions, with real codes and old names without code', () => {
    const codes = roll.flatMap((m) => (m.nativePlace?.code ? [m.nativePlace.code] : []));
    const provinces = new Set(codes.map((c) => c.slice(0, 2)));
    assert.ok(provinces.size >= 25, `only ${provinces.size} provinces`);
    assert.deepEqual([...provinces].sort(), [...PROVINCE_PREFIXES].sort());
    for (const c of codes) assert.ok(PROVINCE_PREFIXES.includes(c.slice(0, 2)), `code ${c} is in no province`);
    const withCity = codes.filter((c) => !c.endsWith('0000'));
    assert.ok(withCity.length >= 100, `only ${withCity.length} city/county codes`);
    const knownCodes = new Set(codes);
    for (const c of ['360700', '360781', '500114', '500110', '331100']) assert.ok(knownCodes.has(c), `${c} never used`);
    const old = roll.filter((m) => m.nativePlace != null && m.nativePlace.code === null);
    assert.ok(old.length >= 5, `only ${old.length} old place names`);
    assert.ok(old.every((m) => (m.nativePlace?.text.length ?? 0) > 0));
    // Text and code agree: 赣州/瑞金 under 3607, 重庆 under 50.
    for (const m of roll) {
      if (m.nativePlace?.code === '360781') assert.match(m.nativePlace.text, /瑞金/);
      if (m.nativePlace?.code === '500114') assert.match(m.nativePlace.text, /黔江/);
    }
  });

  test('at least 5 names carry astral characters and survive JSON and UTF-8 round trips', () => {
    const astral = roll.filter((m) => isAstral(m.name));
    assert.ok(astral.length >= 5, `only ${astral.length} astral names`);
    for (const n of ASTRAL_NAMES) {
      assert.ok(isAstral(n), `${n} has no astral character`);
      assert.ok(roll.some((m) => m.name === n), `${n} not in the roll`);
    }
    for (const m of astral) {
      assert.ok(!LONE_SURROGATE.test(m.name), `${m.name} has a broken surrogate pair`);
      assert.ok(m.name.length > [...m.name].length, `${m.name} should be longer in UTF-16 units than in code points`);
      assert.equal(JSON.parse(JSON.stringify({ name: m.name })).name, m.name);
      assert.equal(Buffer.from(m.name, 'utf8').toString('utf8'), m.name);
      assert.equal(m.name.normalize('NFC'), m.name);
    }
    assert.deepEqual(JSON.parse(JSON.stringify(roll)), roll);
  });

  test('about 15% of records are seeking relatives', () => {
    const share = roll.filter((m) => m.seekingRelatives).length / roll.length;
    assert.ok(share >= 0.1 && share <= 0.2, `share seeking relatives ${share}`);
  });

  test('near-homophone and traditional-script pairs are each present exactly once', () => {
    assert.ok(NEAR_NAME_PAIRS.length >= 5);
    assert.ok(NEAR_NAME_PAIRS.some((p) => p.kind === 'homophone'));
    assert.ok(NEAR_NAME_PAIRS.some((p) => p.kind === 'script-variant'));
    for (const { a, b } of NEAR_NAME_PAIRS) {
      assert.notEqual(a, b);
      assert.equal([...a].length, [...b].length, `${a}/${b} differ in length`);
      assert.equal(roll.filter((m) => m.name === a).length, 1, `${a} should appear once`);
      assert.equal(roll.filter((m) => m.name === b).length, 1, `${b} should appear once`);
    }
    for (const n of ['张志明', '章志名', '陈国华', '陳國華']) assert.ok(roll.some((m) => m.name === n), n);
  });

  test('names are mostly distinct and include compound surnames', () => {
    const distinct = new Set(roll.map((m) => m.name)).size;
    assert.ok(distinct >= roll.length * 0.95, `${distinct} distinct names of ${roll.length}`);
    const compound = roll.filter((m) => COMPOUND_SURNAMES.some((s) => m.name.startsWith(s)));
    assert.ok(compound.length >= 3, `only ${compound.length} compound surnames`);
    assert.ok(new Set(compound.map((m) => m.name.slice(0, 2))).size >= 2);
  });

  test('dates come in year, year-month and full precision', () => {
    const dates = roll.flatMap((m) => [m.deathDate, m.birthDate, m.enlistmentDate]).filter((d): d is string => d != null);
    const byLen = (n: number) => dates.filter((d) => d.length === n).length;
    assert.ok(byLen(4) >= 30, `year-only: ${byLen(4)}`);
    assert.ok(byLen(7) >= 30, `year-month: ${byLen(7)}`);
    assert.ok(byLen(10) >= 30, `full: ${byLen(10)}`);
    const yearOnlyDeaths = roll.filter((m) => m.deathDate?.length === 4).length;
    assert.ok(yearOnlyDeaths >= 20, `year-only death dates: ${yearOnlyDeaths}`);
  });

  test('some records have nearly every field missing', () => {
    const nullable: (keyof MartyrFieldsInput)[] = [
      'sex', 'ethnicity', 'nativePlace', 'birthDate', 'enlistmentDate', 'unit', 'post',
      'deathDate', 'deathPlace', 'period', 'burial', 'photoUrl', 'biography', 'approval',
    ];
    const sparse = roll.filter((m) => nullable.filter((k) => m[k] === null).length >= 11);
    assert.ok(sparse.length >= 10, `only ${sparse.length} sparse records`);
    assert.ok(sparse.length <= roll.length * 0.2, `${sparse.length} sparse records is too many`);
  });

  test('sex, ethnicity, units and burial places are varied', () => {
    const female = roll.filter((m) => m.sex === 'female').length;
    const male = roll.filter((m) => m.sex === 'male').length;
    assert.ok(female >= 5 && female < male, `female ${female}, male ${male}`);
    const han = roll.filter((m) => m.ethnicity === '汉族').length;
    assert.ok(han > roll.length / 2, `汉族 ${han}`);
    const ethnicities = new Set(roll.map((m) => m.ethnicity).filter((e) => e != null));
    assert.ok(ethnicities.size >= 6, `ethnicities: ${[...ethnicities].join(' ')}`);
    const units = new Set(roll.map((m) => m.unit).filter((u) => u != null));
    assert.ok(units.size >= 30, `only ${units.size} distinct units`);
    const posts = new Set(roll.map((m) => m.post));
    for (const p of ['战士', '排长']) assert.ok(posts.has(p), `post ${p} missing`);
    const burials = roll.flatMap((m) => (m.burial ? [m.burial] : []));
    const cemeteries = new Set(burials.map((b) => b.cemetery));
    assert.ok(cemeteries.size >= 6, `only ${cemeteries.size} cemeteries`);
    const positioned = burials.filter((b) => b.section && b.row && b.number);
    assert.ok(positioned.length >= 20, `only ${positioned.length} graves with section/row/number`);
    assert.ok(positioned.length < burials.length, 'some burials should lack a grave position');
    assert.ok(burials.length < roll.length * 0.7, 'burial place should be unknown for many records');
  });
});

describe('seed calendar (rules and overrides)', () => {
  const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
  const calendar = seededCalendar();
  const campaigns = calendar.startingIn(2019, 2026);
  const byId = new Map(campaigns.map((c) => [c.id, c]));

  test('is deterministic and every rule and campaign validates against the contract', () => {
    assert.deepEqual(seededCalendar().startingIn(2019, 2026), campaigns);
    for (const r of seedCampaignRules()) assert.ok(CampaignRule.safeParse(r).success, r.id);
    for (const c of campaigns) {
      const r = CalendarCampaign.safeParse(c);
      assert.ok(r.success, `${c.id}: ${r.success ? '' : JSON.stringify(r.error.issues)}`);
      assert.deepEqual(r.data, c);
    }
  });

  test('ids are unique and cover qingming, victory-day, martyrs-day and memorial-day for 2019–2026', () => {
    assert.equal(byId.size, campaigns.length, 'duplicate campaign id');
    assert.equal(campaigns.length, years.length * 4);
    for (const y of years) {
      assert.equal(byId.get(`qingming-${y}`)?.kind, 'qingming', `qingming-${y}`);
      assert.equal(byId.get(`victory-day-${y}`)?.kind, 'victory-day', `victory-day-${y}`);
      assert.equal(byId.get(`martyrs-day-${y}`)?.kind, 'martyrs-day', `martyrs-day-${y}`);
      assert.equal(byId.get(`memorial-day-${y}`)?.kind, 'memorial-day', `memorial-day-${y}`);
    }
  });

  test('the 2020 Qingming window is exactly 2020-02-10 to 2020-04-10, titled 致敬·2020清明祭英烈', () => {
    const c = byId.get('qingming-2020');
    assert.ok(c);
    assert.equal(c.startDate, '2020-02-10');
    assert.equal(c.endDate, '2020-04-10');
    assert.equal(c.title, '致敬·2020清明祭英烈');
    assert.equal(c.theme, '致敬');
  });

  test('the default Qingming window is the 2020 one moved with the solar term: 54 days before to 6 after', () => {
    const rule = seedCampaignRules().find((r) => r.id === 'qingming');
    assert.deepEqual([rule?.daysBefore, rule?.daysAfter], [54, 6]);
    // 清明 2026 is 5 April
    assert.deepEqual([byId.get('qingming-2026')?.startDate, byId.get('qingming-2026')?.endDate], ['2026-02-10', '2026-04-11']);
  });

  test('Qingming titles and themes per year; 2026 has no theme', () => {
    const themes: Record<number, string> = { 2019: '传承', 2020: '致敬', 2021: '守护', 2022: '奋进', 2023: '崇尚', 2024: '铸魂', 2025: '赓续' };
    for (const [y, theme] of Object.entries(themes)) {
      const c = byId.get(`qingming-${y}`);
      assert.equal(c?.theme, theme);
      assert.equal(c?.title, `${theme}·${y}清明祭英烈`);
    }
    const c26 = byId.get('qingming-2026');
    assert.equal(c26?.theme, null);
    assert.equal(c26?.title, '2026清明祭英烈');
  });

  test('every Qingming window contains 清明 (4 or 5 April) of its own year', () => {
    for (const y of years) {
      const c = byId.get(`qingming-${y}`);
      assert.ok(c);
      assert.ok(c.startDate.startsWith(`${y}-`) && c.endDate.startsWith(`${y}-`), c.id);
      assert.ok(c.startDate <= `${y}-04-04` && c.endDate >= `${y}-04-05`, `${c.id}: ${c.startDate}..${c.endDate}`);
    }
  });

  test('days of remembrance are one-day windows on 9月3日, 9月30日 and 12月13日', () => {
    for (const y of years) {
      const vd = byId.get(`victory-day-${y}`);
      assert.deepEqual([vd?.startDate, vd?.endDate, vd?.title], [`${y}-09-03`, `${y}-09-03`, `${y}年中国人民抗日战争胜利纪念日`]);
      const md = byId.get(`martyrs-day-${y}`);
      assert.equal(md?.startDate, `${y}-09-30`);
      assert.equal(md?.endDate, `${y}-09-30`);
      assert.equal(md?.title, `${y}年烈士纪念日`);
      const nm = byId.get(`memorial-day-${y}`);
      assert.equal(nm?.startDate, `${y}-12-13`);
      assert.equal(nm?.endDate, `${y}-12-13`);
      assert.equal(nm?.title, `${y}年南京大屠杀死难者国家公祭日`);
    }
  });

  test('国家公祭日 mourns the victims and never says 缅怀英烈; each kind has its wording in three locales', () => {
    const nm = byId.get('memorial-day-2026');
    assert.equal(nm?.tone, 'mourning');
    for (const text of [...Object.values(nm?.label ?? {}), ...Object.values(CAMPAIGN_KIND_TEXT['memorial-day'].name)]) {
      assert.doesNotMatch(text, /英烈|緬懷|缅怀|martyr/i, text);
    }
    assert.match(nm?.label?.['zh-Hans'] ?? '', /死难/);
    assert.equal(byId.get('qingming-2026')?.label?.['zh-Hans'], '缅怀英烈');
    assert.equal(byId.get('victory-day-2026')?.tone, 'remembrance');
    for (const [kind, t] of Object.entries(CAMPAIGN_KIND_TEXT)) {
      for (const field of [t.label, t.name]) assert.ok(LocalizedText.safeParse(field).success, kind);
    }
  });

  test('every campaign links to the national platform only', () => {
    assert.equal(NATIONAL_PLATFORM_URL, 'https://www.chinamartyrs.gov.cn/');
    for (const c of campaigns) {
      assert.equal(c.url, NATIONAL_PLATFORM_URL, c.id);
      for (const l of c.partnerLinks) assert.equal(new URL(l.url).host, 'www.chinamartyrs.gov.cn', c.id);
    }
  });
});

describe('seedPeriods', () => {
  const periods = seedPeriods();

  test('one row per HISTORY_PERIODS id, in order, each valid', () => {
    assert.deepEqual(seedPeriods(), periods);
    assert.deepEqual(
      periods.map((p) => p.id),
      [...HISTORY_PERIODS],
    );
    for (const p of periods) assert.ok(PeriodSeed.safeParse(p).success, p.id);
    for (let i = 1; i < periods.length; i++) {
      assert.ok((periods[i]?.sortOrder ?? 0) > (periods[i - 1]?.sortOrder ?? 0), 'sortOrder must increase');
    }
  });

  test('names in three locales', () => {
    const byId = new Map(periods.map((p) => [p.id, p.names]));
    assert.deepEqual(byId.get('great-revolution'), { 'zh-Hans': '大革命时期', 'zh-Hant': '大革命時期', en: 'Great Revolution period' });
    assert.equal(byId.get('agrarian-revolution')?.['zh-Hans'], '土地革命战争时期');
    assert.equal(byId.get('anti-japanese-war')?.['zh-Hans'], '抗日战争时期');
    assert.equal(byId.get('liberation-war')?.['zh-Hans'], '解放战争时期');
    assert.equal(byId.get('korean-war')?.['zh-Hans'], '抗美援朝时期');
    assert.match(byId.get('korean-war')?.en ?? '', /War to Resist US Aggression and Aid Korea/);
    assert.equal(byId.get('socialist-construction')?.['zh-Hans'], '社会主义建设时期');
    assert.equal(byId.get('new-era')?.['zh-Hans'], '新时期');
    assert.equal(byId.get('new-era')?.en, 'New era');
    for (const p of periods) {
      assert.notEqual(p.names['zh-Hant'], p.names['zh-Hans'], `${p.id}: traditional name equals simplified`);
      assert.match(p.names.en, /^[A-Z][A-Za-z ]+$/, p.id);
    }
  });
});

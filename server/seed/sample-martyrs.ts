/**
 * The reference server's sample roll: FICTIONAL people, generated deterministically.
 *
 * Every record has `sample: true` and every biography opens with SAMPLE_MARKER, so no
 * invented person can ever be shown as a real martyr. Names are assembled at random from common
 * surnames and given-name characters; cemeteries are invented names; units are the register's
 * anonymised style ("某部三营七连"). What is real is the shape of the data: all history periods,
 * GB/T 2260 codes for 籍贯 next to old place names with no code, year-only and year-month dates,
 * records with nearly every field missing, names with characters outside the BMP, and
 * near-homophone / traditional-script name pairs for the forgiving search.
 *
 * Record i depends only on i (its own PRNG stream), so `sampleMartyrs(n)` is a prefix of
 * `sampleMartyrs(m)` for n < m, and every run gives the same data.
 */
import type * as z from 'zod/mini';
import { HISTORY_PERIODS, type MartyrFields } from '../../src/contract/index.js';
import { SPECIAL_NAMES, generateName, type SpecialName } from './names.js';
import { PERIOD_DEATH_SPANS } from './periods.js';
import { PROVINCES, type Place, type Province } from './places.js';
import { Rng, seedFor } from './random.js';

export type MartyrFieldsInput = z.input<typeof MartyrFields>;
type Period = (typeof HISTORY_PERIODS)[number];

/** Opens every sample biography. */
export const SAMPLE_MARKER = '（示例数据，人物虚构）';

/** Invented cemetery names (any likeness to a real cemetery is incidental). */
export const SAMPLE_CEMETERIES: readonly string[] = [
  '青松县烈士陵园',
  '松岭县革命烈士陵园',
  '红石县烈士陵园',
  '翠溪县烈士陵园',
  '东岭市烈士陵园',
  '丹枫县革命烈士陵园',
  '柳溪县烈士陵园',
  '鹤鸣山烈士陵园',
];

export const DEFAULT_SAMPLE_COUNT = 360;

const BASE_SEED = 0x5eed1949;

/** Hand-placed names go to indexes 3, 18, 33, … (all below the default count). */
const SPECIAL_FIRST = 3;
const SPECIAL_STRIDE = 15;

function specialAt(i: number): SpecialName | undefined {
  if (i < SPECIAL_FIRST || (i - SPECIAL_FIRST) % SPECIAL_STRIDE !== 0) return undefined;
  return SPECIAL_NAMES[(i - SPECIAL_FIRST) / SPECIAL_STRIDE];
}

const PERIOD_WEIGHTS: readonly (readonly [Period, number])[] = [
  ['great-revolution', 5],
  ['agrarian-revolution', 18],
  ['anti-japanese-war', 22],
  ['liberation-war', 20],
  ['korean-war', 12],
  ['socialist-construction', 13],
  ['new-era', 10],
];

const PROVINCE_WEIGHTS: readonly (readonly [Province, number])[] = PROVINCES.map((p) => [p, p.weight]);

/** Every coded place (each province itself, then its cities and counties), for the coverage pass. */
const CODED_PLACES: readonly { province: Province; place: Place }[] = PROVINCES.flatMap((province) => [
  { province, place: { text: province.name, code: province.code } },
  ...province.places.map((place) => ({ province, place })),
]);
const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
/** A stride coprime to the list length, so i·stride mod n visits every place once, well spread. */
const CODED_STRIDE = [7, 11, 13, 17, 19, 23].find((s) => gcd(s, CODED_PLACES.length) === 1) ?? 1;

/** Share of death dates known only to the year, and to the month, per period. */
const DATE_PRECISION: Readonly<Record<Period, readonly [number, number]>> = {
  'great-revolution': [0.4, 0.3],
  'agrarian-revolution': [0.4, 0.3],
  'anti-japanese-war': [0.3, 0.3],
  'liberation-war': [0.25, 0.3],
  'korean-war': [0.1, 0.3],
  'socialist-construction': [0.1, 0.2],
  'new-era': [0.02, 0.08],
};

// ---- dates -------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const dayOf = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
};
const pad = (n: number): string => String(n).padStart(2, '0');

interface Ymd {
  y: number;
  m: number;
  d: number;
}
const ymdOf = (day: number): Ymd => {
  const t = new Date(day * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};

/** Formats to the given precision: 'y' → YYYY, 'm' → YYYY-MM, 'd' → YYYY-MM-DD. */
function partial(date: Ymd, precision: 'y' | 'm' | 'd'): string {
  if (precision === 'y') return String(date.y);
  if (precision === 'm') return `${date.y}-${pad(date.m)}`;
  return `${date.y}-${pad(date.m)}-${pad(date.d)}`;
}

function precisionOf(rng: Rng, pYear: number, pMonth: number): 'y' | 'm' | 'd' {
  const r = rng.next();
  return r < pYear ? 'y' : r < pYear + pMonth ? 'm' : 'd';
}

/** A random day of a given year (proleptic, UTC; only the calendar matters). */
function dayInYear(rng: Rng, y: number): Ymd {
  const first = Date.UTC(y, 0, 1) / DAY_MS;
  const last = Date.UTC(y, 11, 31) / DAY_MS;
  return ymdOf(rng.int(first, last));
}

// ---- text material -------------------------------------------------------------------------

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** 1..99 in Chinese numerals (三, 十二, 二十, 六十三). */
function cn(n: number): string {
  if (n < 10) return CN_DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones === 0 ? '' : CN_DIGITS[ones]}`;
}

const MILITARY_POSTS = ['战士', '战士', '战士', '副班长', '班长', '排长', '副连长', '连长', '指导员'];
interface UnitContext {
  /** 籍贯 in the north-east (辽宁, 吉林, 黑龙江): 东北抗日联军 units only there. */
  northeast: boolean;
}
type UnitMaker = (rng: Rng, ctx: UnitContext) => { unit: string; post: string; military: boolean } | null;
const mil = (unit: string, rng: Rng, posts: readonly string[] = MILITARY_POSTS) => ({ unit, post: rng.pick(posts), military: true });
const civ = (unit: string, rng: Rng, posts: readonly string[]) => ({ unit, post: rng.pick(posts), military: false });
const coy = (rng: Rng) => `${cn(rng.int(1, 3))}营${cn(rng.int(1, 9))}连`;

const UNITS: Readonly<Record<Period, readonly UnitMaker[]>> = {
  'great-revolution': [
    (r) => civ('某县农民协会', r, ['会员', '委员', '委员长']),
    (r) => civ('某地工人纠察队', r, ['队员', '队员', '队长']),
    (r) => mil('国民革命军某部', r, ['战士', '班长', '排长']),
    (r) => civ('中共某地方委员会', r, ['委员', '交通员', '宣传员']),
  ],
  'agrarian-revolution': [
    (r) => mil(`中国工农红军第${cn(r.int(1, 9))}军团某师`, r),
    (r) => mil(`红${cn(r.int(1, 30))}军某团`, r),
    (r) => civ('某县赤卫队', r, ['队员', '队员', '队长']),
    (r) => civ('中共某县委', r, ['委员', '交通员']),
    (r) => civ('某县苏维埃政府', r, ['干部', '主席']),
  ],
  'anti-japanese-war': [
    (r) => mil(`八路军某师某团${coy(r)}`, r, [...MILITARY_POSTS, '卫生员', '侦察员']),
    (r) => mil(`新四军第${cn(r.int(1, 6))}支队`, r),
    (r, c) => (c.northeast ? mil(`东北抗日联军第${cn(r.int(1, 11))}军`, r) : null),
    (r) => civ('某县抗日游击大队', r, ['队员', '队员', '中队长']),
    (r) => civ('某区抗日民主政府', r, ['区长', '干部', '武委会主任']),
  ],
  'liberation-war': [
    (r) => mil('中国人民解放军某野战军某部', r),
    (r) => mil(`中国人民解放军某纵队某旅${coy(r)}`, r),
    (r) => mil('某军分区独立团', r),
    (r) => civ('某县人民武装大队', r, ['队员', '中队长']),
    (r) => civ('支前民工某大队', r, ['民工', '担架队员']),
  ],
  'korean-war': [
    (r) => mil('中国人民志愿军某军某师', r, [...MILITARY_POSTS, '司号员', '卫生员']),
    (r) => mil(`中国人民志愿军某部${coy(r)}`, r),
    (r) => mil('中国人民志愿军后勤某分部汽车团', r, ['驾驶员', '战士']),
  ],
  'socialist-construction': [
    (r) => mil(`某部${coy(r)}`, r, ['战士', '战士', '班长', '排长']),
    (r) => mil('某铁道兵部队', r, ['战士', '技术员']),
    (r) => mil('某工程兵部队', r, ['战士', '班长']),
    (r) => civ('某县民兵营', r, ['民兵', '连长']),
    (r) => civ('某县公安局', r, ['民警', '侦察员']),
  ],
  'new-era': [
    (r) => mil(`某部${coy(r)}`, r, ['战士', '战士', '班长', '排长', '连长']),
    (r) => mil('某边防团', r, ['战士', '班长']),
    (r) => civ('某县公安局', r, ['民警', '副所长']),
    (r) => civ('某消防救援大队', r, ['消防员', '班长']),
    (r) => civ('某乡人民政府', r, ['驻村第一书记', '干部']),
    (r) => mil('某县人民武装部', r, ['干部', '参谋']),
  ],
};

const JOINED: Readonly<Record<Period, string>> = {
  'great-revolution': '参加革命',
  'agrarian-revolution': '参加革命',
  'anti-japanese-war': '参加抗日队伍',
  'liberation-war': '参军',
  'korean-war': '参军',
  'socialist-construction': '入伍',
  'new-era': '入伍',
};

const ACTS: Readonly<Record<Period, readonly string[]>> = {
  'great-revolution': ['被捕后英勇就义', '领导农民运动时遇害', '作战中牺牲'],
  'agrarian-revolution': ['作战中牺牲', '被捕后英勇就义', '掩护部队转移时牺牲', '执行交通任务时牺牲'],
  'anti-japanese-war': ['对日作战中牺牲', '反“扫荡”作战中牺牲', '掩护群众转移时牺牲', '被捕后英勇就义'],
  'liberation-war': ['作战中牺牲', '攻坚战斗中牺牲', '剿匪作战中牺牲'],
  'korean-war': ['作战中牺牲', '阻击战斗中牺牲', '执行运输任务时牺牲', '抢救伤员时牺牲'],
  'socialist-construction': ['剿匪作战中牺牲', '抢险救灾中牺牲', '执行任务时牺牲', '国防施工中牺牲'],
  'new-era': ['抢险救灾中牺牲', '执行边境巡逻任务时牺牲', '抓捕犯罪嫌疑人时牺牲', '扑救火灾时牺牲', '执行任务时牺牲'],
};

/** Generic on purpose: a named battlefield would pin a fictional person to a real battle and date. */
const KOREA_PLACES = ['某地', '某高地', '某前沿阵地', '某运输线'];
const LOCAL_PLACES = ['某县', '某县', '某地', '某山区', '某乡'];

// ---- one record ----------------------------------------------------------------------------

function nativePlaceFor(rng: Rng, province: Province): Place {
  const r = rng.next();
  if (r >= 0.85 && province.oldNames.length > 0) return { text: rng.pick(province.oldNames), code: null };
  if (r < 0.25 || province.places.length === 0) return { text: province.name, code: province.code };
  return rng.pick(province.places);
}

function makeRecord(i: number): MartyrFieldsInput {
  const rng = new Rng(seedFor(BASE_SEED, i));
  const special = specialAt(i);

  // Index-based coverage: the first 7 records take each period and the first CODED_PLACES.length
  // records each coded place once (so every province and every listed code occurs); the rest
  // are weighted draws, including old place names.
  const period: Period = i < HISTORY_PERIODS.length ? (HISTORY_PERIODS[i] as Period) : rng.weighted(PERIOD_WEIGHTS);
  const covered = i < CODED_PLACES.length ? CODED_PLACES[(i * CODED_STRIDE) % CODED_PLACES.length] : undefined;
  const province: Province = covered ? covered.province : rng.weighted(PROVINCE_WEIGHTS);
  const coverage = covered !== undefined;

  const sparse = special === undefined && !coverage && rng.chance(0.08);
  const female = special ? special.female : rng.chance(period === 'new-era' ? 0.1 : 0.07);

  let ethnicity: string | null = '汉族';
  if (!special) {
    let r = rng.next();
    for (const [eth, share] of province.ethnicities) {
      if (r < share) {
        ethnicity = eth;
        break;
      }
      r -= share;
    }
  }
  const modern = period === 'new-era' || (period === 'socialist-construction' && rng.chance(0.5));
  const name = special ? special.name : generateName(rng, { female, ethnicity, modern });
  if (!special && rng.chance(0.06)) ethnicity = null;

  const nativePlace = covered ? covered.place : nativePlaceFor(rng, province);

  // Death date inside the period's span.
  const [from, to] = rng.weighted(PERIOD_DEATH_SPANS[period].map(([a, b, w]) => [[a, b] as const, w] as const));
  const death = ymdOf(rng.int(dayOf(from), dayOf(to)));
  const [pYear, pMonth] = DATE_PRECISION[period];
  const deathPrecision = precisionOf(rng, pYear, pMonth);
  const age = period === 'new-era' ? rng.int(19, 50) : period === 'great-revolution' ? rng.int(18, 40) : rng.int(16, 42);
  const birthYear = death.y - age;

  if (sparse) {
    return {
      name,
      sex: null,
      ethnicity: null,
      nativePlace: rng.chance(0.5) ? nativePlace : null,
      birthDate: null,
      enlistmentDate: null,
      unit: null,
      post: null,
      deathDate: rng.chance(0.6) ? String(death.y) : null,
      deathPlace: null,
      period: rng.chance(0.85) ? period : null,
      burial: null,
      photoUrl: null,
      biography: null,
      approval: null,
      seekingRelatives: rng.chance(0.35),
      sample: true,
    };
  }

  const deathDate = rng.chance(0.04) ? null : partial(death, deathPrecision);
  const birthDate = rng.chance(0.25)
    ? null
    : partial(dayInYear(rng, birthYear), period === 'new-era' ? precisionOf(rng, 0.1, 0.2) : precisionOf(rng, 0.5, 0.25));

  // 入伍/参加工作: a year between age 15 and the year of death; year-only when it is the death year.
  let enlistmentDate: string | null = null;
  let enlistYear: number | null = null;
  if (!rng.chance(0.35)) {
    enlistYear = rng.int(Math.max(birthYear + 15, death.y - 12), death.y);
    enlistmentDate = enlistYear === death.y ? String(enlistYear) : partial(dayInYear(rng, enlistYear), precisionOf(rng, 0.6, 0.4));
  }

  const ctx: UnitContext = { northeast: ['21', '22', '23'].includes(province.code.slice(0, 2)) };
  let made = rng.pick(UNITS[period])(rng, ctx);
  while (made === null) made = rng.pick(UNITS[period])(rng, ctx);
  const unit = rng.chance(0.1) ? null : made.unit;
  const post = rng.chance(0.15) ? null : made.post;

  let deathPlace: string | null = null;
  if (!rng.chance(0.15)) {
    if (period === 'korean-war') deathPlace = `朝鲜${rng.pick(KOREA_PLACES)}`;
    else {
      const where = rng.chance(0.7) ? province : rng.weighted(PROVINCE_WEIGHTS);
      deathPlace = where.name + rng.pick(LOCAL_PLACES);
    }
  }

  let burial: MartyrFieldsInput['burial'] = null;
  if (rng.chance(period === 'korean-war' ? 0.15 : 0.5)) {
    const positioned = rng.chance(0.6);
    burial = {
      cemetery: rng.pick(SAMPLE_CEMETERIES),
      section: positioned ? `${cn(rng.int(1, 6))}区` : null,
      row: positioned ? `${rng.int(1, 20)}排` : null,
      number: positioned ? `${rng.int(1, 40)}号` : null,
    };
  }

  let approval: MartyrFieldsInput['approval'] = null;
  if (rng.chance(0.55)) {
    const modernDeath = death.y >= 1950;
    const approvalYear = modernDeath ? death.y + rng.int(1, 2) : rng.int(Math.max(1950, death.y + 1), 1989);
    const authority =
      rng.chance(0.1)
        ? null
        : modernDeath && made.military
          ? approvalYear >= 2016
            ? '某战区政治工作部'
            : '某军区政治部'
          : `${province.name}人民政府`;
    approval = { authority, date: partial(dayInYear(rng, approvalYear), precisionOf(rng, 0.5, 0.3)) };
  }

  let biography: string | null = null;
  if (rng.chance(0.55)) {
    const parts = [SAMPLE_MARKER, name];
    if (rng.chance(0.8)) parts.push(`，${nativePlace.text}人`);
    if (ethnicity !== null && ethnicity !== '汉族') parts.push(`，${ethnicity}`);
    parts.push('。');
    if (enlistYear !== null) parts.push(`${enlistYear}年${JOINED[period]}。`);
    if (unit !== null) parts.push(post !== null ? `生前为${unit}${post}。` : `生前所在单位为${unit}。`);
    if (deathDate !== null) {
      parts.push(`${death.y}年${deathPlace !== null ? `在${deathPlace}` : ''}${rng.pick(ACTS[period])}`);
      parts.push(birthDate !== null ? `，时年${age}岁。` : '。');
    }
    biography = parts.join('');
  }

  return {
    name,
    sex: rng.chance(0.03) ? null : female ? 'female' : 'male',
    ethnicity,
    nativePlace,
    birthDate,
    enlistmentDate,
    unit,
    post,
    deathDate,
    deathPlace,
    period,
    burial,
    photoUrl: null,
    biography,
    approval,
    seekingRelatives: rng.chance(0.13),
    sample: true,
  };
}

/** `count` fictional roll entries (default 360), identical on every run. */
export function sampleMartyrs(count: number = DEFAULT_SAMPLE_COUNT): MartyrFieldsInput[] {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`);
  return Array.from({ length: count }, (_, i) => makeRecord(i));
}

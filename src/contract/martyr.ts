import * as z from 'zod/mini';
import { Cursor, Id, Limit, PartialDate, QueryBoolean, SafeUrl, page, text } from './common.js';
import { MartyrGrave } from './grave-place.js';

/**
 * History periods of the national roll. The list is extensible: the server keeps periods
 * as data, so a new id is valid as long as it is a slug the server knows.
 */
export const HISTORY_PERIODS = [
  'great-revolution', // 大革命时期
  'agrarian-revolution', // 土地革命战争时期
  'anti-japanese-war', // 抗日战争时期
  'liberation-war', // 解放战争时期
  'korean-war', // 抗美援朝时期
  'socialist-construction', // 社会主义建设时期
  'new-era', // 新时期
] as const;
export const PeriodId = z.string().check(z.regex(/^[a-z0-9-]{1,40}$/, 'must be a period id such as "anti-japanese-war"'));
export type PeriodId = z.infer<typeof PeriodId>;

export const Sex = z.enum(['male', 'female']);
export type Sex = z.infer<typeof Sex>;

/** GB/T 2260 administrative division code: 6 digits (province 110000, city 110100, county 110101). */
export const DivisionCode = z.string().check(z.regex(/^\d{6}$/, 'must be a 6-digit GB/T 2260 code'));

/** 籍贯: the place as the register wrote it (old names included), and the modern code when known. */
export const NativePlace = z.object({
  text: text(1, 100),
  code: z.nullable(DivisionCode),
});
export type NativePlace = z.infer<typeof NativePlace>;

/** 安葬地: cemetery and grave position (墓区/排/号). */
export const Burial = z.object({
  cemetery: z.nullable(text(1, 100)),
  section: z.nullable(text(1, 20)),
  row: z.nullable(text(1, 20)),
  number: z.nullable(text(1, 20)),
});
export type Burial = z.infer<typeof Burial>;

/** 批准机关/时间. */
export const Approval = z.object({
  authority: z.nullable(text(1, 100)),
  date: z.nullable(PartialDate),
});

/** The fields of an entry in the roll of martyrs (英名录); only the name is required. */
export const MartyrFields = z.object({
  name: text(1, 64),
  sex: z.nullable(Sex),
  ethnicity: z.nullable(text(1, 20)),
  nativePlace: z.nullable(NativePlace),
  birthDate: z.nullable(PartialDate),
  /** 入伍/参加工作时间 */
  enlistmentDate: z.nullable(PartialDate),
  /** 生前单位 */
  unit: z.nullable(text(1, 200)),
  /** 职务 */
  post: z.nullable(text(1, 100)),
  deathDate: z.nullable(PartialDate),
  deathPlace: z.nullable(text(1, 200)),
  period: z.nullable(PeriodId),
  burial: z.nullable(Burial),
  /** 墓碑照片 */
  photoUrl: z.nullable(SafeUrl),
  /** 生平事迹 */
  biography: z.nullable(text(1, 20000)),
  approval: z.nullable(Approval),
  seekingRelatives: z.boolean(),
  /** True for the fictional records the reference server seeds: never to be shown as real people. */
  sample: z.boolean(),
  /** 别名: other names the martyr went by (曾用名, 化名, 又名), as written; searched like the name. */
  aliases: z.optional(z.array(text(1, 64)).check(z.maxLength(20))),
});

export const Martyr = z.extend(MartyrFields, {
  id: Id,
  updatedAt: z.iso.datetime({ offset: true }),
  /** The grave the martyr lies in (cemetery, 墓区/排/号, photo, the cemetery's phone); null when not known. The server always sends it. */
  grave: z.optional(z.nullable(MartyrGrave)),
});
export type Martyr = z.infer<typeof Martyr>;

/** Why a search hit matched; forgiving matching reports its reason. */
export const MatchReason = z.enum(['exact', 'script-variant', 'homophone', 'pinyin', 'initials', 'partial', 'filter', 'dialect', 'lookalike']);
export type MatchReason = z.infer<typeof MatchReason>;

export const MartyrSummary = z.object({
  id: Id,
  name: z.string(),
  sex: z.nullable(Sex),
  nativePlace: z.nullable(NativePlace),
  birthDate: z.nullable(PartialDate),
  deathDate: z.nullable(PartialDate),
  period: z.nullable(PeriodId),
  unit: z.nullable(z.string()),
  cemetery: z.nullable(z.string()),
  seekingRelatives: z.boolean(),
  sample: z.boolean(),
  match: z.optional(z.object({
    reason: MatchReason,
    score: z.number().check(z.gte(0), z.lte(1)),
    /** For a dialect or look-alike match, the characters that differ, typed/recorded: "曹/巢". */
    detail: z.optional(z.string()),
    /** The other name (别名) that matched, when it was not the name itself. */
    alias: z.optional(z.string()),
  })),
});
export type MartyrSummary = z.infer<typeof MartyrSummary>;

export const MartyrSearchQuery = z.object({
  /** Name or part of it. */
  q: z.optional(text(1, 64)),
  /** 籍贯 by GB/T 2260 code: a province, city or county code matches everything inside it. */
  nativePlaceCode: z.optional(DivisionCode),
  /** 籍贯 by the text the register wrote, for old place names. */
  nativePlace: z.optional(text(1, 100)),
  period: z.optional(PeriodId),
  deathYearFrom: z.optional(z.coerce.number().check(z.int(), z.gte(1000), z.lte(9999))),
  deathYearTo: z.optional(z.coerce.number().check(z.int(), z.gte(1000), z.lte(9999))),
  unit: z.optional(text(1, 100)),
  cemetery: z.optional(text(1, 100)),
  seekingRelatives: z.optional(QueryBoolean),
  cursor: z.optional(Cursor),
  limit: z.optional(Limit),
});
export type MartyrSearchQuery = z.input<typeof MartyrSearchQuery>;

export const MartyrSearchPage = page(MartyrSummary);
export type MartyrSearchPage = z.infer<typeof MartyrSearchPage>;

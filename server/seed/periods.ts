/**
 * History periods of the roll (历史时期), as data: display names in the three locales and the
 * order they are listed in. The ids are the contract's HISTORY_PERIODS; a new period is added
 * here (and to the database), never to code paths.
 */
import * as z from 'zod/mini';
import { HISTORY_PERIODS, PeriodId, text } from '../../src/contract/index.js';

export const PeriodNames = z.object({
  'zh-Hans': text(1, 60),
  'zh-Hant': text(1, 60),
  en: text(1, 120),
});

export const PeriodSeed = z.object({
  id: PeriodId,
  sortOrder: z.number().check(z.int(), z.gte(0)),
  names: PeriodNames,
});
export type PeriodSeed = z.infer<typeof PeriodSeed>;

type KnownPeriod = (typeof HISTORY_PERIODS)[number];

const NAMES: Readonly<Record<KnownPeriod, z.infer<typeof PeriodNames>>> = {
  'great-revolution': { 'zh-Hans': '大革命时期', 'zh-Hant': '大革命時期', en: 'Great Revolution period' },
  'agrarian-revolution': {
    'zh-Hans': '土地革命战争时期',
    'zh-Hant': '土地革命戰爭時期',
    en: 'Agrarian Revolutionary War period',
  },
  'anti-japanese-war': {
    'zh-Hans': '抗日战争时期',
    'zh-Hant': '抗日戰爭時期',
    en: 'War of Resistance against Japanese Aggression period',
  },
  'liberation-war': { 'zh-Hans': '解放战争时期', 'zh-Hant': '解放戰爭時期', en: 'War of Liberation period' },
  'korean-war': {
    'zh-Hans': '抗美援朝时期',
    'zh-Hant': '抗美援朝時期',
    en: 'War to Resist US Aggression and Aid Korea period',
  },
  'socialist-construction': {
    'zh-Hans': '社会主义建设时期',
    'zh-Hant': '社會主義建設時期',
    en: 'Socialist construction period',
  },
  'new-era': { 'zh-Hans': '新时期', 'zh-Hant': '新時期', en: 'New era' },
};

/** One row per id in HISTORY_PERIODS, in the contract's order (sortOrder 10, 20, … leaves room). */
export function seedPeriods(): PeriodSeed[] {
  return HISTORY_PERIODS.map((id, i) => ({ id, sortOrder: (i + 1) * 10, names: { ...NAMES[id] } }));
}

/**
 * Span of death dates (inclusive, YYYY-MM-DD) that the sample generator uses for each period.
 * Periods overlap at the edges (抗日 from 1931 in the north-east; 社会主义建设 from 1949-10
 * alongside 抗美援朝), as the real roll does.
 */
export const PERIOD_DEATH_SPANS: Readonly<Record<KnownPeriod, readonly (readonly [string, string, number])[]>> = {
  'great-revolution': [['1924-01-01', '1927-07-31', 1]],
  'agrarian-revolution': [['1927-08-01', '1937-07-06', 1]],
  'anti-japanese-war': [
    ['1931-09-18', '1937-07-06', 0.15],
    ['1937-07-07', '1945-09-02', 0.85],
  ],
  'liberation-war': [['1945-09-03', '1949-12-31', 1]],
  'korean-war': [['1950-10-19', '1953-07-27', 1]],
  'socialist-construction': [['1949-10-01', '1978-12-31', 1]],
  'new-era': [['1979-01-01', '2024-12-31', 1]],
};

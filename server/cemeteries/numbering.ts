/**
 * How staff write a grave's position — 一区 / 1区 / A区 / A, 3排 / 三排 / 03, 12号 / 012 — read
 * into one form: a section key, and row and number as whole numbers. Used by grave lists,
 * photo file names (一区-3-12.jpg, A-03-012.JPG) and the section table's `key` column.
 */
import { createHash } from 'node:crypto';

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 十二 → 12, 三十 → 30, 一百零五 → 105, 一二 → 12 (digit by digit); null if not a Chinese numeral. */
export function chineseNumeral(s: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return null;
  if (!/[十百千]/.test(s)) return Number([...s].map((c) => DIGITS[c]).join(''));
  let total = 0;
  let digit = 0;
  for (const c of s) {
    if (c in DIGITS) digit = DIGITS[c]!;
    else {
      total += (digit || 1) * UNITS[c]!;
      digit = 0;
    }
  }
  return total + digit;
}

/** `3`, `03`, `三`, `3排`, `第3排`, `12号`, `十二號` → the number; null if it is not one. */
export function positionNumber(raw: string): number | null {
  const s = raw.normalize('NFKC').trim().replace(/^第/, '').replace(/[排号號行列]$/, '').trim();
  if (/^\d{1,5}$/.test(s)) return Number(s) || null;
  const n = chineseNumeral(s);
  return n && n <= 99999 ? n : null;
}

/** The key that identifies a section however it is written: 一区 = 1区 = 01 = 1 → `1`; A区 = a → `A`; 东区 → `东`. */
export function sectionKey(raw: string): string {
  let s = raw.normalize('NFKC').trim().replace(/\s+/g, '').replace(/^第/, '').replace(/(墓区|墓區|区|區)$/, '');
  const n = /^\d+$/.test(s) ? Number(s) : chineseNumeral(s);
  if (n !== null) s = String(n);
  return s.toUpperCase();
}

const hash = (s: string) => createHash('sha256').update(s).digest('base64url').slice(0, 20);

/** Stable ids, so that a re-imported grave list keeps its links and deep links keep working. */
export const sectionIdOf = (cemeteryId: string, key: string) => `s-${hash(`${cemeteryId}\u0000${key}`)}`;
export const graveIdOf = (sectionId: string, row: number, number: number) => `g-${hash(`${sectionId}\u0000${row}\u0000${number}`)}`;

export interface FilePosition {
  section: string;
  row: number;
  number: number;
}

/**
 * A photo file's name as staff give it: `一区-3-12.jpg`, `A-03-012.JPG`, `A_3_12.png`,
 * `一区3排12号.jpg`, with an optional copy suffix (`一区-3-12 (2).jpg`, `一区-3-12-2.jpg` is
 * NOT read as a copy: four parts are refused as ambiguous). Null when the name says no position.
 */
export function positionFromFileName(fileName: string): FilePosition | null {
  const base = fileName.normalize('NFKC').replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{2,5}$/, '').trim().replace(/\s*[(（]\d{1,3}[)）]$/, '');
  const spelled = /^(.+?)(?:墓区|区)?第?([0-9零〇一二两三四五六七八九十百]+)排第?([0-9零〇一二两三四五六七八九十百]+)[号號]$/.exec(base);
  const parts = spelled ? spelled.slice(1) : base.split(/\s*[-_\s]\s*/);
  if (parts.length !== 3) return null;
  const [section, row, number] = parts as [string, string, string];
  const r = positionNumber(row);
  const n = positionNumber(number);
  const key = sectionKey(section);
  if (!key || r === null || n === null) return null;
  return { section: key, row: r, number: n };
}

import { Solar } from 'lunar-typescript';

const cache = new Map<number, string>();

/**
 * The day (YYYY-MM-DD, China's calendar) of the 清明 solar term in `year`, from lunar-typescript's
 * astronomical tables rather than a hand-kept list: 2020-04-04, 2026-04-05.
 */
export function qingmingDay(year: number): string {
  let day = cache.get(year);
  if (!day) {
    // The table of the lunar year that contains 1 April holds that spring's 清明.
    day = Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable()['清明']!.toYmd();
    cache.set(year, day);
  }
  return day;
}

/**
 * GB/T 2260 divisions from @vant/area-data (maintained with the Vant UI library, updated from the
 * National Bureau of Statistics' division codes): provinces, prefecture-level cities and
 * counties keyed by their six-digit codes. Loaded on the first request, server-side only: the
 * table never ships in the browser bundle, which asks for one level at a time.
 */
import type { Region } from '../src/contract/index.js';

export interface RegionTable {
  children(parent: string | undefined): Region[] | null;
  name(code: string): string | undefined;
  /** The full written place of a code: 360731 → 江西省赣州市于都县; undefined for an unknown code. */
  fullName(code: string): string | undefined;
}

/**
 * Prefecture-level cities with no county level (不设区的地级市). The package lists their towns
 * under made-up six-digit codes, which are not GB/T 2260 codes, so they are left out.
 */
const CITIES_WITHOUT_COUNTIES = new Set(['441900', '442000', '460400', '620200']);

let table: Promise<RegionTable> | undefined;

export function loadRegions(): Promise<RegionTable> {
  table ??= import('@vant/area-data').then(({ areaList }) => {
    const byCode = (list: Record<string, string>) => Object.entries(list).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const provinces = byCode(areaList.province_list);
    const cities = byCode(areaList.city_list);
    const counties = byCode(areaList.county_list).filter(([code]) => !CITIES_WITHOUT_COUNTIES.has(`${code.slice(0, 4)}00`));
    const group = (rows: [string, string][], prefixLength: number) => {
      const m = new Map<string, [string, string][]>();
      for (const row of rows) {
        const k = row[0].slice(0, prefixLength);
        const list = m.get(k);
        if (list) list.push(row);
        else m.set(k, [row]);
      }
      return m;
    };
    const citiesOf = group(cities, 2);
    const countiesOf = group(counties, 4);
    const names = new Map<string, string>([...provinces, ...cities, ...counties]);
    const toRegions = (rows: [string, string][], hasChildren: (code: string) => boolean): Region[] =>
      rows.map(([code, name]) => ({ code, name, hasChildren: hasChildren(code) }));
    return {
      name: (code) => names.get(code),
      fullName(code) {
        const own = names.get(code);
        if (!own) return undefined;
        const parts = [areaList.province_list[`${code.slice(0, 2)}0000`], areaList.city_list[`${code.slice(0, 4)}00`], own];
        const out: string[] = [];
        for (const part of parts) if (part && !out.includes(part) && !/^(省直辖县|县|市辖区)$/.test(part)) out.push(part);
        return out.join('');
      },
      children(parent) {
        if (parent === undefined) return toRegions(provinces, (c) => citiesOf.has(c.slice(0, 2)));
        if (parent.endsWith('0000') && areaList.province_list[parent]) {
          return toRegions(citiesOf.get(parent.slice(0, 2)) ?? [], (c) => countiesOf.has(c.slice(0, 4)));
        }
        if (parent.endsWith('00') && areaList.city_list[parent]) return toRegions(countiesOf.get(parent.slice(0, 4)) ?? [], () => false);
        if (names.has(parent)) return [];
        return null;
      },
    };
  });
  return table;
}

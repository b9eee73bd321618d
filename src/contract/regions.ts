import * as z from 'zod/mini';
import { DivisionCode } from './martyr.js';

/**
 * GB/T 2260 administrative divisions, served lazily one level at a time (the whole table never
 * ships to the browser). No `parent` lists the provinces; a province code lists its cities
 * (prefecture level), a city code its counties.
 */
export const RegionQuery = z.object({
  parent: z.optional(DivisionCode),
});
export type RegionQuery = z.input<typeof RegionQuery>;

export const Region = z.object({
  code: DivisionCode,
  name: z.string(),
  /** False for a county, and for a city with no counties under it (e.g. 东莞市). */
  hasChildren: z.boolean(),
});
export type Region = z.infer<typeof Region>;

export const RegionList = z.object({ items: z.array(Region) });
export type RegionList = z.infer<typeof RegionList>;

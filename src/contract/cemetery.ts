import * as z from 'zod/mini';
import { Cursor, Id, PartialDate, QueryBoolean, page, text } from './common.js';
import { CemeteryLevel, GravePosition } from './grave-place.js';
import { DivisionCode, NativePlace, PeriodId, Sex } from './martyr.js';
import { Photo, PhotoId } from './photo.js';

export { CemeteryLevel, GravePosition, MartyrGrave } from './grave-place.js';

const Count = z.number().check(z.int(), z.gte(0));

/** A section (墓区) in the order visitors walk it, with its layout: rows × positions per row. */
export const CemeterySection = z.object({
  id: Id,
  name: z.string(),
  order: z.number().check(z.int()),
  rows: z.number().check(z.int(), z.gte(1)),
  positions: z.number().check(z.int(), z.gte(1)),
  graveCount: Count,
});
export type CemeterySection = z.infer<typeof CemeterySection>;

export const CemeterySummary = z.object({
  id: Id,
  name: z.string(),
  level: CemeteryLevel,
  /** GB/T 2260 code of the county (or city, province) the cemetery lies in. */
  regionCode: z.nullable(DivisionCode),
  address: z.nullable(z.string()),
  /** The phone for 代为祭扫: families who cannot come ask the cemetery to sweep for them. */
  contactPhone: z.nullable(z.string()),
  graveCount: Count,
  sample: z.boolean(),
});
export type CemeterySummary = z.infer<typeof CemeterySummary>;

export const Cemetery = z.extend(CemeterySummary, {
  visitingNotes: z.nullable(z.string()),
  location: z.nullable(z.object({ latitude: z.number().check(z.gte(-90), z.lte(90)), longitude: z.number().check(z.gte(-180), z.lte(180)) })),
  sections: z.array(CemeterySection),
});
export type Cemetery = z.infer<typeof Cemetery>;

export const CemeteryListQuery = z.object({
  /** A province (2 digits), city (4) or county (6) prefix of the GB/T 2260 code. */
  region: z.optional(z.string().check(z.regex(/^(\d{2}|\d{4}|\d{6})$/, 'must be 2, 4 or 6 digits of a GB/T 2260 code'))),
  level: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(5))),
  cursor: z.optional(Cursor),
  limit: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(100))),
});
export type CemeteryListQuery = z.input<typeof CemeteryListQuery>;

export const CemeteryPage = page(CemeterySummary);
export type CemeteryPage = z.infer<typeof CemeteryPage>;

/** Who lies in a grave, as a tile in the hall shows them (the full record is `GET /martyrs/{id}`). */
export const GraveMartyr = z.object({
  id: Id,
  name: z.string(),
  sex: z.nullable(Sex),
  nativePlace: z.nullable(NativePlace),
  birthDate: z.nullable(PartialDate),
  deathDate: z.nullable(PartialDate),
  period: z.nullable(PeriodId),
  sample: z.boolean(),
});
export type GraveMartyr = z.infer<typeof GraveMartyr>;

/**
 * A grave. `martyrs` is empty for a 无名烈士墓 (a grave of martyrs whose names are not known:
 * show it with respect, as 无名烈士, never as "empty"); several for a 合葬墓.
 */
export const Grave = z.extend(GravePosition, {
  id: Id,
  cemeteryId: Id,
  martyrs: z.array(GraveMartyr),
  /** 碑文 as carved. */
  inscription: z.nullable(z.string()),
  photos: z.array(Photo),
  sample: z.boolean(),
});
export type Grave = z.infer<typeof Grave>;

/** Up to 500 graves a page: a hall draws a section at a time. */
const GraveLimit = z.coerce.number().check(z.int(), z.gte(1), z.lte(500));

export const GraveListQuery = z.object({
  /** Only this section (an id from the cemetery's `sections`). */
  section: z.optional(Id),
  /** Only this row (needs `section`). */
  row: z.optional(z.coerce.number().check(z.int(), z.gte(1))),
  cursor: z.optional(Cursor),
  limit: z.optional(GraveLimit),
});
export type GraveListQuery = z.input<typeof GraveListQuery>;

/** Graves in walking order: section order, row, number. */
export const GravePage = page(Grave);
export type GravePage = z.infer<typeof GravePage>;

// ---- staff ----------------------------------------------------------------------------------------

export const AdminGraveQuery = z.object({
  cemetery: z.optional(Id),
  section: z.optional(Id),
  /** `true`: only graves with no photo yet (the worklist for photographing the ground). */
  missingPhoto: z.optional(QueryBoolean),
  cursor: z.optional(Cursor),
  limit: z.optional(GraveLimit),
});
export type AdminGraveQuery = z.input<typeof AdminGraveQuery>;

export const AdminGrave = z.extend(Grave, {
  cemetery: z.object({ id: Id, name: z.string() }),
  photoCount: Count,
});
export type AdminGrave = z.infer<typeof AdminGrave>;

export const AdminGravePage = page(AdminGrave);
export type AdminGravePage = z.infer<typeof AdminGravePage>;

/** What `POST /admin/graves/{id}/photos` answers: the grave as it now is, and what each file became. */
export const GravePhotoUpload = z.object({
  grave: Grave,
  added: z.array(Photo),
  /** Files whose photo was already stored for this or another grave: not attached again. */
  duplicates: z.array(z.object({ file: z.string(), photoId: PhotoId, graveId: z.nullable(Id) })),
});
export type GravePhotoUpload = z.infer<typeof GravePhotoUpload>;

/** Text fields staff may set when creating a cemetery (used by the seed and import tools). */
export const CemeteryInput = z.object({
  id: Id,
  name: text(1, 100),
  level: CemeteryLevel,
  regionCode: z.nullable(DivisionCode),
  address: z.nullable(text(1, 200)),
  contactPhone: z.nullable(text(1, 40)),
  visitingNotes: z.nullable(text(1, 2000)),
  location: z.nullable(z.object({ latitude: z.number().check(z.gte(-90), z.lte(90)), longitude: z.number().check(z.gte(-180), z.lte(180)) })),
  sample: z.boolean(),
});
export type CemeteryInput = z.infer<typeof CemeteryInput>;

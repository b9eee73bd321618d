import * as z from 'zod/mini';
import { Id, text } from './common.js';
import { Photo } from './photo.js';

/** The national platform's scheme: 1 national, 2 provincial, 3 city, 4 county, 5 unrated (未定级). */
export const CemeteryLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
export type CemeteryLevel = z.infer<typeof CemeteryLevel>;

/** A grave's position in its cemetery: 墓区 (section), 排 (row), 号 (number). */
export const GravePosition = z.object({
  section: z.object({ id: Id, name: z.string() }),
  row: z.number().check(z.int(), z.gte(1)),
  number: z.number().check(z.int(), z.gte(1)),
});

/**
 * Where a martyr lies, as the martyr record carries it (`Martyr.grave`): the cemetery with the
 * phone for 代为祭扫, the grave's position, and its first photo.
 */
export const MartyrGrave = z.extend(GravePosition, {
  id: Id,
  cemetery: z.object({
    id: Id,
    name: z.string(),
    level: CemeteryLevel,
    contactPhone: z.nullable(text(1, 40)),
  }),
  photo: z.nullable(Photo),
});
export type MartyrGrave = z.infer<typeof MartyrGrave>;

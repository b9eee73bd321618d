/**
 * Where encoded photo variants live. The default keeps them in the database (table photo_files),
 * which needs nothing more on the embedded default and is shared by every process on PostgreSQL.
 * Another store (a shared directory, an S3-compatible bucket) implements the same two calls;
 * the photo's metadata (table photos) always stays in the database, in the caller's transaction.
 */
import type { Photo } from '../../src/contract/index.js';
import type { Queryable } from '../db/database.js';
import { insertRows } from '../db/insert-rows.js';
import type { PhotoFormat, ProcessedPhoto } from './pipeline.js';

export interface PhotoStore {
  readonly kind: string;
  /** Stores every variant of a photo; storing the same photo twice is harmless (content-addressed). */
  write(q: Queryable, photo: ProcessedPhoto): Promise<void>;
  /** One variant's bytes, or null. */
  read(q: Queryable, id: string, width: number, format: PhotoFormat): Promise<Uint8Array | null>;
}

export const databasePhotoStore: PhotoStore = {
  kind: 'database',
  async write(q, photo) {
    await insertRows(
      q, 'photo_files', ['photo_id', 'width', 'format', 'bytes'],
      photo.variants.map((v) => [photo.id, v.width, v.format, v.bytes]),
      'ON CONFLICT DO NOTHING',
    );
  },
  async read(q, id, width, format) {
    const { rows } = await q.query<{ bytes: Uint8Array }>('SELECT bytes FROM photo_files WHERE photo_id = $1 AND width = $2 AND format = $3', [id, width, format]);
    return rows[0]?.bytes ?? null;
  },
};

/**
 * Records a processed photo (metadata row plus its variants through `store`) unless it is
 * already there; answers whether it was new.
 */
export async function savePhoto(q: Queryable, store: PhotoStore, photo: ProcessedPhoto, opts: { sample?: boolean } = {}): Promise<boolean> {
  const { rows } = await q.query(
    `INSERT INTO photos (id, width, height, widths, source_bytes, sample) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [photo.id, photo.width, photo.height, photo.widths, photo.sourceBytes, opts.sample ?? false],
  );
  if (rows.length === 0) return false;
  await store.write(q, photo);
  return true;
}

export interface PhotoRow {
  id: string;
  width: number;
  height: number;
  widths: number[];
  sample: boolean;
}

export function toPhoto(r: PhotoRow): Photo {
  const widths = [...r.widths].map(Number).sort((a, b) => a - b);
  return { id: r.id, width: r.width, height: r.height, widths, src: `photos/${r.id}/${widths[widths.length - 1]}.jpg`, sample: r.sample };
}
